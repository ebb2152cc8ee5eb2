/**
 * Online sharing with OpenID4VP against the reference verifier (a job application site):
 * same-device (its page links to the wallet) and cross-device (the wallet scans its QR code).
 */
import type { Page } from '@playwright/test';
import { acceptOffer, expect, goInApp, makeOffer, test, type DemoEnvironment } from './demo-fixtures';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 240_000 });

async function holderWithRightToWork(page: Page, demo: DemoEnvironment): Promise<void> {
  await setUpVault(page);
  const admin = await page.context().newPage();
  const offer = await makeOffer(admin, demo.servers.adminUrl, /^Right to work/);
  await admin.close();
  await page.getByRole('button', { name: 'Add a credential' }).click();
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  await acceptOffer(page, 'Home Office', offer.txCode);
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
}

async function consentAndShare(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('not-shared')).toContainText('Date of birth');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
}

test('same device: the job site links to the wallet, which answers and returns to the site', async ({ page, demo }) => {
  await holderWithRightToWork(page, demo);
  await page.goto(demo.verifier.url);
  await page.getByRole('button', { name: 'Prove my right to work' }).click();
  await page.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(page);
  await consentAndShare(page);
  await expect(page).toHaveURL(new RegExp(`^${demo.verifier.url}`), { timeout: 30_000 });
  await expect(page.locator('body')).toContainText('The credential verified.', { timeout: 30_000 });
  await expect(page.locator('body')).not.toContainText('birth');
});

test('declining: the wallet tells the job site access_denied and the site stops waiting', async ({ page, demo }) => {
  await holderWithRightToWork(page, demo);
  await page.goto(demo.verifier.url);
  await page.getByRole('button', { name: 'Prove my right to work' }).click();
  await page.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Do not share' }).click();
  // OpenID4VP 1.0 §8.5: the error response ends the site's wait; it names what happened.
  await expect(page).toHaveURL(new RegExp(`^${demo.verifier.url}`), { timeout: 30_000 });
  await expect(page.locator('h1')).toHaveText('Nothing was shared', { timeout: 30_000 });
});

test('cross device: the wallet scans the job site’s code; the site shows what it received', async ({ page, browser, demo }) => {
  await holderWithRightToWork(page, demo);
  const desktop = await (await browser.newContext({ deviceScaleFactor: 2 })).newPage();
  await desktop.goto(demo.verifier.url);
  await desktop.getByRole('button', { name: 'Prove my right to work' }).click();
  const code = await desktop.locator('.qr svg').screenshot();

  await goInApp(page, '/');
  await goInApp(page, '/share');
  await page.locator('#request-image').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: code });
  await consentAndShare(page);

  // The site's waiting page refreshes itself until the answer has arrived and verified.
  await expect(desktop.locator('body')).toContainText('The credential verified.', { timeout: 30_000 });
  await expect(desktop.locator('body')).toContainText('Home Office');
});
