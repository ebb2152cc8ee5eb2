import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { PIN, setUpVault, unlock } from './vault-steps';
import { fromMenu } from './support/service-menu';

test('set up, lock, wrong PIN, unlock, and the vault stays locked after a reload', async ({ page }) => {
  const recoveryCode = await setUpVault(page);
  expect(recoveryCode).toMatch(/[0-9A-Z]{4}/);

  await page.getByRole('button', { name: 'Lock Satchel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible();

  await unlock(page, 'not my pin');
  await expect(page.getByTestId('error-summary')).toContainText('That PIN is not right');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible();

  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });

  // The vault key lives only in memory: a reload means unlocking again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible();
});

test('a forgotten PIN is replaced using the recovery code, then the PIN can be changed', async ({ page }) => {
  const recoveryCode = await setUpVault(page);
  await page.reload();
  await page.getByRole('link', { name: 'I have forgotten my PIN' }).click();
  await page.getByRole('textbox', { name: 'Recovery code', exact: true }).fill(recoveryCode.toLowerCase());
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill('new pin 123');
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill('new pin 123');
  await page.getByRole('button', { name: 'Unlock and set new PIN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });

  await fromMenu(page, 'Settings');
  await page.getByRole('link', { name: 'Change your PIN' }).click();
  await page.getByRole('textbox', { name: 'Current PIN', exact: true }).fill('new pin 123');
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Change PIN' }).click();
  await expect(page.getByTestId('pin-changed')).toContainText('Your PIN has been changed', { timeout: 30_000 });

  await page.goto('/');
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });
});

test('a backup restores into a fresh browser profile; a wrong passphrase changes nothing', async ({ page, browser, baseURL }) => {
  await setUpVault(page);
  await fromMenu(page, 'Settings');
  await page.getByRole('link', { name: 'Make a backup' }).click();
  await page.getByRole('textbox', { name: 'Your PIN', exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: 'Choose a passphrase for the backup', exact: true }).fill('a long backup passphrase');
  await page.getByRole('textbox', { name: 'Enter the passphrase again', exact: true }).fill('a long backup passphrase');
  await page.getByRole('button', { name: 'Make backup' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click({ timeout: 30_000 })]);
  const backupPath = await download.path();
  expect((await readFile(backupPath)).length).toBeGreaterThan(0);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('link', { name: 'Restore from a backup file' }).click();
  await other.getByLabel('Backup file').setInputFiles(backupPath);
  await other.getByRole('textbox', { name: 'Backup passphrase', exact: true }).fill('the wrong passphrase');
  await other.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill('other pin 456');
  await other.getByRole('textbox', { name: 'Enter it again', exact: true }).fill('other pin 456');
  await other.getByRole('button', { name: 'Restore' }).click();
  await expect(other.getByTestId('error-summary')).toContainText('The passphrase does not open this backup', { timeout: 30_000 });

  // Nothing was created by the failed attempt.
  await other.goto('/');
  await expect(other.getByRole('heading', { level: 1, name: 'Set up Satchel' })).toBeVisible();

  await other.getByRole('link', { name: 'Restore from a backup file' }).click();
  await other.getByLabel('Backup file').setInputFiles(backupPath);
  await other.getByRole('textbox', { name: 'Backup passphrase', exact: true }).fill('a long backup passphrase');
  await other.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill('other pin 456');
  await other.getByRole('textbox', { name: 'Enter it again', exact: true }).fill('other pin 456');
  await other.getByRole('button', { name: 'Restore' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });

  await other.reload();
  await unlock(other, 'other pin 456');
  await expect(other.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });
  await fresh.close();
});
