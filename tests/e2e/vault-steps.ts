/** Steps a person takes through the vault screens, shared by the e2e specs. */
import { expect, type Page } from '@playwright/test';

export const PIN = 'correct horse 42';

/** Sets up a new vault through the screens; returns the recovery code shown once. */
export async function setUpVault(page: Page, pin = PIN): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(pin);
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery code' })).toBeVisible({ timeout: 30_000 });
  const recoveryCode = (await page.getByTestId('recovery-code').textContent())!.trim();
  await page.getByLabel('I have saved my recovery code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Where the browser offers passkeys with PRF, set-up offers the screen lock next; decline it here.
  const home = page.getByRole('heading', { level: 1, name: 'Your credentials' });
  const passkeyOffer = page.getByRole('link', { name: 'Not now, use my PIN only' });
  await expect(home.or(passkeyOffer)).toBeVisible();
  if (await passkeyOffer.isVisible()) await passkeyOffer.click();
  await expect(home).toBeVisible();
  return recoveryCode;
}

export async function unlock(page: Page, pin = PIN): Promise<void> {
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}
