import { expect, openInstalled, START_HEADING, test } from './fixtures';

test('after the first visit, reloads and works with the network off', async ({ page, context }) => {
  await openInstalled(page);
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: START_HEADING })).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toContainText('You are offline');

  // A deep link opened offline gets the app shell from the service worker, and the
  // WebAssembly core comes from the cache too: signature checks still start.
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1, name: 'This phone' })).toBeVisible();
  await expect(page.getByTestId('signature-engine')).toContainText('Ready (fast WebAssembly engine)');

  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
});
