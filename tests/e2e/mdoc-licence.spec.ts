/**
 * The driving licence as an ISO mdoc (OpenID4VCI 1.0 Appendix A.2), against the real reference
 * servers on a 360×740 phone: the DVLA's clerk makes the offer on the admin page, the person pastes
 * it, reviews it and adds it (the review and "added" screens photographed in English and Welsh);
 * the card says it is valid; with no signal the app reloads and the licence's detail screen still
 * shows its fields (the portrait as an image, the categories with their dates and codes); the DVLA revokes it on the admin page and, after its status list's ttl, the
 * wallet says it was cancelled. And an mdoc signed under an IACA the trust list does not name is
 * refused on the review screen with a reason a person can act on, nothing saved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { loadOrCreateMdocSigner } from '../../src/server/reference/iaca';
import { MDL_DOCTYPE } from '../../src/server/reference/departments';
import { issueMdoc } from '../../src/server/reference/mdoc-issuer';
import { acceptOffer, E2E_STATUS_LIST_TTL_S, expect, goInApp, makeOffer, test } from './demo-fixtures';
import { phone } from './support/phones';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

const DVLA = 'Driver and Vehicle Licensing Agency';
const LICENCE = 'Mobile driving licence';

/** A screenshot of the whole screen in English, then in Welsh (switched in place, as the screens script does), back to English. */
async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}-en-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  await page.screenshot({ path: testInfo.outputPath(`${name}-cy-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

test('the mdoc licence: received from the admin page, shown offline, cancelled when the DVLA revokes it', async ({ browser, baseURL, demo }, testInfo) => {
  const holder = await phone(browser, baseURL);
  await setUpVault(holder);
  const admin = await holder.context().newPage();

  // The clerk offers the mdoc licence; the person pastes the offer text.
  const offer = await makeOffer(admin, demo.servers.adminUrl, new RegExp(`^${LICENCE}`));
  await goInApp(holder, '/');
  await holder.getByRole('button', { name: 'Add a credential' }).click();
  await holder.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
  await holder.getByRole('button', { name: 'Continue' }).click();
  await expect(holder.getByRole('heading', { level: 1, name: 'Check before you add this credential' })).toBeVisible({ timeout: 30_000 });
  // The review names the licence and its elements by the DVLA's display names.
  await expect(holder.getByTestId('offer-summary')).toContainText(LICENCE);
  await holder.getByText('What it contains (12 details)').click();
  await expect(holder.getByTestId('offer-summary')).toContainText('Aged 18 or over');
  await photograph(holder, testInfo, 'mdoc-review');
  await acceptOffer(holder, DVLA, offer.txCode);
  await expect(holder.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 60_000 });
  await photograph(holder, testInfo, 'mdoc-added');

  await goInApp(holder, '/');
  const card = holder.getByTestId('credential-card').filter({ hasText: LICENCE });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('status-tag')).toHaveText('Valid');

  // No signal: the app reloads from its service worker, unlocks, and the licence's detail screen shows its fields.
  await holder.context().setOffline(true);
  await holder.goto('/');
  await unlock(holder);
  await expect(holder.getByTestId('offline-banner')).toBeVisible();
  await expect(card.getByTestId('status-tag')).toHaveText('Valid', { timeout: 30_000 });
  await card.getByRole('link').click();
  const claims = holder.getByTestId('claims');
  await expect(claims).toContainText('Licence number');
  await expect(claims).toContainText(/JONES\d{6}/);
  await expect(claims).toContainText('Aged 18 or over');
  await expect(claims).toContainText('Category B, from 12 June 2002 to 8 March 2054, codes 01');
  // The portrait is the JPEG's bytes from the IssuerSigned, shown as an image with no network.
  const portrait = claims.getByRole('img', { name: 'Photo' });
  await expect(portrait).toBeVisible();
  await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
  await holder.screenshot({ path: testInfo.outputPath('mdoc-detail-offline-en-360x740.png'), fullPage: true });

  // Back online, the DVLA revokes it; after the status list's ttl the wallet says it was cancelled.
  await holder.context().setOffline(false);
  await admin.goto(demo.servers.adminUrl);
  const row = admin.getByRole('row', { name: new RegExp(LICENCE) }).last();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('row', { name: new RegExp(LICENCE) }).last()).toContainText('revoked');
  // The wallet asks again once the list's ttl (E2E_STATUS_LIST_TTL_S) has passed: open the app until it has.
  await expect(async () => {
    await holder.goto('/');
    await unlock(holder);
    await expect(card.getByTestId('status-tag')).toHaveText('Cancelled by the department', { timeout: 10_000 });
  }).toPass({ timeout: 90_000, intervals: [E2E_STATUS_LIST_TTL_S * 1000] });
});

test('an mdoc whose Document Signer chains to an IACA not on the trust list is refused with a clear reason; nothing is saved', async ({ browser, baseURL, demo }, testInfo) => {
  const holder = await phone(browser, baseURL);
  await setUpVault(holder);
  const admin = await holder.context().newPage();
  // A look-alike IACA and Document Signer (same names and profile, other keys), made as the DVLA's are.
  const impostorDir = await mkdtemp(join(tmpdir(), 'satchel-impostor-'));
  try {
    const impostor = await loadOrCreateMdocSigner(impostorDir, 'dvla', DVLA);
    // The DVLA's credential endpoint answers (CORS and all), but with an mdoc the impostor signed for the phone's device key.
    await holder.route(`${demo.servers.issuers.dvla.url}/credential`, async (route) => {
      const response = await route.fetch();
      const proof = (route.request().postDataJSON() as { proofs: { jwt: string[] } }).proofs.jwt[0]!;
      const deviceJwk = JSON.parse(Buffer.from(proof.split('.')[0]!, 'base64url').toString()).jwk as JsonWebKey;
      const now = new Date();
      const credential = await issueMdoc({
        docType: MDL_DOCTYPE,
        nameSpaces: { 'org.iso.18013.5.1': { given_name: 'Ada', family_name: 'Jones', age_over_18: true } },
        deviceJwk,
        signed: now,
        validFrom: now,
        validUntil: new Date(now.getTime() + 30 * 86400_000),
        x5chain: [impostor.documentSignerCertificate],
        sign: impostor.sign,
      });
      await route.fulfill({ response, json: { ...(await response.json()), credentials: [{ credential }] } });
    });
    const offer = await makeOffer(admin, demo.servers.adminUrl, new RegExp(`^${LICENCE}`));
    await goInApp(holder, '/');
    await holder.getByRole('button', { name: 'Add a credential' }).click();
    await holder.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
    await holder.getByRole('button', { name: 'Continue' }).click();
    await acceptOffer(holder, DVLA, offer.txCode);
    await expect(holder.getByTestId('error-summary')).toContainText('What the department sent is not signed by a certificate Satchel recognises for it, so Satchel did not keep it.', { timeout: 60_000 });
    await photograph(holder, testInfo, 'mdoc-refused-unlisted-iaca');
    await goInApp(holder, '/');
    await expect(holder.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible();
    await expect(holder.getByTestId('credential-card')).toHaveCount(0);
  } finally {
    await rm(impostorDir, { recursive: true, force: true });
  }
});
