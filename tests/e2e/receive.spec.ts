import { acceptOffer, E2E_STATUS_LIST_TTL_S, expect, goInApp, makeOffer, test } from './demo-fixtures';
import type { Page } from '@playwright/test';
import { setUpVault, unlock } from './vault-steps';

/** From anywhere in the app: "Your credentials", then "Add a credential". */
async function addCredential(page: Page): Promise<void> {
  await goInApp(page, '/');
  await page.getByRole('button', { name: 'Add a credential' }).click();
}

const DVLA = 'Driver and Vehicle Licensing Agency';
const VETERANS = "Office for Veterans' Affairs";

test.describe.configure({ timeout: 180_000 });

test('a driving licence and a veteran card from the admin page; offline reload; a revocation reaches the wallet', async ({ page, context, demo }) => {
  await setUpVault(page);
  const admin = await context.newPage();

  // Driving licence through the offer link: opening it lands on the review screen after unlocking.
  const licence = await makeOffer(admin, demo.servers.adminUrl, /^Driving licence/);
  const entriesBefore = await page.evaluate(() => history.length);
  await page.goto(licence.walletLink);
  await unlock(page);
  // The pre-authorised code leaves the address bar: its history entry is replaced, none is added.
  expect(page.url()).not.toContain('credential_offer');
  expect(await page.evaluate(() => history.length)).toBe(entriesBefore + 1);
  await acceptOffer(page, DVLA, licence.txCode);
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });

  // Veteran card by pasting the offer text, after one wrong code (the issuer says how many tries are left).
  const card = await makeOffer(admin, demo.servers.adminUrl, /^Veteran card/);
  await addCredential(page);
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(card.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  const wrongCode = card.txCode === '00000' ? '11111' : '00000';
  await acceptOffer(page, VETERANS, wrongCode);
  await expect(page.getByTestId('error-summary')).toContainText(/That code is not right.*Tries left: 2/);
  await page.getByRole('textbox', { name: 'Code from your letter or message' }).fill(card.txCode);
  await page.getByRole('button', { name: 'Add to Satchel' }).click();
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });

  await goInApp(page, '/');
  const cards = page.getByTestId('credential-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: 'Driving licence' }).getByTestId('status-tag')).toHaveText('Valid');
  await expect(cards.filter({ hasText: 'Veteran card' }).getByTestId('status-tag')).toHaveText('Valid');

  // The detail page lists every claim by its display name.
  await cards.filter({ hasText: 'Driving licence' }).getByRole('link').click();
  await expect(page.getByTestId('claims')).toContainText('Aged 18 or over');

  // No signal: reload, unlock, both still there and still verified (from the encrypted cache).
  await context.setOffline(true);
  await page.goto('/');
  await unlock(page);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(cards).toHaveCount(2, { timeout: 30_000 });
  await expect(cards.filter({ hasText: 'Driving licence' }).getByTestId('status-tag')).toHaveText('Valid');

  // Back online, the DVLA revokes the licence; after its status list's ttl the wallet shows it.
  await context.setOffline(false);
  await admin.goto(demo.servers.adminUrl);
  // The servers outlive one test: the licence issued here is the newest row.
  await admin.getByRole('row', { name: /Driving licence/ }).last().getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('row', { name: /Driving licence/ }).last()).toContainText('revoked');
  await page.waitForTimeout((E2E_STATUS_LIST_TTL_S + 1) * 1000);
  await page.goto('/');
  await unlock(page);
  await expect(cards.filter({ hasText: 'Driving licence' }).getByTestId('status-tag')).toHaveText('Cancelled by the department', { timeout: 30_000 });
  await expect(cards.filter({ hasText: 'Veteran card' }).getByTestId('status-tag')).toHaveText('Valid');
});

test('an offer accepted with no signal is kept and completes when the connection returns', async ({ page, context, demo }) => {
  await setUpVault(page);
  const admin = await context.newPage();
  // One card online first, so the phone has the trust list and this department's metadata cached.
  const first = await makeOffer(admin, demo.servers.adminUrl, /^Veteran card/);
  await addCredential(page);
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(first.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  await acceptOffer(page, VETERANS, first.txCode);
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });

  const second = await makeOffer(admin, demo.servers.adminUrl, /^Veteran card/, /./);
  await context.setOffline(true);
  await addCredential(page);
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(second.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  await acceptOffer(page, VETERANS, second.txCode);
  await expect(page.getByRole('heading', { name: 'Waiting for a connection' })).toBeVisible({ timeout: 30_000 });
  await goInApp(page, '/');
  await expect(page.getByTestId('pending-offers')).toContainText('Waiting for a connection');
  await expect(page.getByTestId('credential-card')).toHaveCount(1);

  await context.setOffline(false);
  await expect(page.getByTestId('credential-card')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('pending-offers')).toHaveCount(0);
});
