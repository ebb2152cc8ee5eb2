import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openInstalled, test } from './fixtures';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const SCREENS = ['/', '/about', '/no-such-page'];

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

for (const language of ['en', 'cy'] as const) {
  test(`every screen has no WCAG 2.2 A/AA violations (${language})`, async ({ page }) => {
    for (const path of SCREENS) {
      await page.goto(`${path}?lang=${language}`);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoViolations(page, `${path} (${language})`);
    }
  });
}

test('the offline and update banners have no WCAG 2.2 A/AA violations', async ({ page, context, app }) => {
  await openInstalled(page);
  app.deployNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await expect(page.getByTestId('update-banner')).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expectNoViolations(page, 'home with banners');
  await context.setOffline(false);
});
