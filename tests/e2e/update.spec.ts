import { expect, openInstalled, START_HEADING, test } from './fixtures';

test('a new version waits for consent, and updating keeps the app working', async ({ page, app }) => {
  await openInstalled(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
  await page.evaluate(() => ((window as unknown as { unsavedWork: string }).unsavedWork = 'half-filled form'));

  app.deployNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  const banner = page.getByTestId('update-banner');
  await expect(banner).toContainText('A new version is available');
  // Nothing reloaded behind the person's back: the page still holds its state.
  expect(await page.evaluate(() => (window as unknown as { unsavedWork?: string }).unsavedWork)).toBe('half-filled form');

  // "Not now" hides the prompt and changes nothing; the new version keeps waiting.
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(banner).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);

  // Next time the app opens the offer comes back; this time the person accepts.
  await page.reload();
  await expect(banner).toBeVisible();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);

  await expect(page.getByRole('heading', { level: 1, name: START_HEADING })).toBeVisible();
  await expect(banner).toHaveCount(0);
  const state = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    return { waiting: registration.waiting, controlled: navigator.serviceWorker.controller !== null };
  });
  expect(state).toEqual({ waiting: null, controlled: true });
  expect(firstWorker).toContain('/sw.js');
});
