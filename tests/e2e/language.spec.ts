import { expect, test } from './fixtures';
import { fromMenu } from './support/service-menu';

test('switching to Welsh changes every string and the page language, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Satchel' })).toBeVisible();

  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sefydlu Satchel' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveTitle(/Sefydlu Satchel/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sefydlu Satchel' })).toBeVisible();
  await fromMenu(page, 'Y ffôn hwn');
  await expect(page.getByRole('heading', { level: 1, name: 'Y ffôn hwn' })).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This phone' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
