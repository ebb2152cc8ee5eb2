/**
 * The driving licence as an ISO mdoc, shared (docs/sharing.md, "The driving licence as an ISO
 * mdoc"), against the real reference servers on 360×740 phones:
 * - in person to a second phone: the checker asks "Over 18"; the request QR carries the mDL query
 *   as a DeviceRequest; the holder shares only "Aged 18 or over" and the checker, offline after
 *   its set-up, accepts it with nothing else revealed;
 * - online with the reference verifier: the mDL's name and age and the SD-JWT right to work in one
 *   answer (OpenID4VP 1.0 §8.1), its DeviceResponse bound to the OpenID4VPHandover (B.2.6.1).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, goInApp, test } from './demo-fixtures';
import { answerFrames, openRequest, phone, receive, scanAnswer, showRequest } from './support/phones';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

const DVLA = 'Driver and Vehicle Licensing Agency';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core finds no WCAG 2.2 A/AA violation on the screen as it is. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}
const MDL = /^Mobile driving licence/;

test('in person: over 18 from the mdoc licence to a second phone, only "Aged 18 or over" revealed', async ({ browser, demo, baseURL }, testInfo) => {
  const holder = await phone(browser, baseURL);
  const checker = await phone(browser, baseURL);
  await setUpVault(holder);
  await setUpVault(checker);
  await receive(holder, demo, MDL, DVLA);

  const request = await showRequest(checker, 'Over 18');

  await openRequest(holder, request);
  const ticked = holder.locator('.govuk-checkboxes__item').filter({ has: holder.locator('input:checked') });
  await expect(ticked).toHaveText(['Aged 18 or over']);
  await expect(holder.getByTestId('not-shared')).toContainText('Date of birth');
  await holder.screenshot({ path: testInfo.outputPath('mdoc-consent-en-360x740.png'), fullPage: true });
  await expectAccessible(holder, 'the consent screen for an mdoc');
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  const frames = await answerFrames(holder.getByTestId('response-qr'), holder);

  const result = await scanAnswer(checker, frames);
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText('Aged 18 or over');
  // Nothing else from the licence reaches the checker: no name, number, date of birth or photo.
  await expect(result).not.toContainText('Jones');
  await expect(result).not.toContainText('Date of birth');
  await expect(result.locator('img')).toHaveCount(0);
  await checker.screenshot({ path: testInfo.outputPath('mdoc-check-result-en-360x740.png'), fullPage: true });
  await expectAccessible(checker, 'the check result of an mdoc');

  // Quick show answers no mdoc (docs/sharing.md): the holder's only licence is left out, and the screen says why.
  await goInApp(holder, '/share/quick');
  await expect(holder.getByTestId('mdoc-hidden')).toContainText('Mobile driving licences (mDL) are not listed');
  await expectAccessible(holder, 'quick show with only an mdoc held');
});

test('online: the mdoc licence and the right to work in one answer to the reference verifier', async ({ page, demo }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await setUpVault(page);
  await receive(page, demo, MDL, DVLA);
  await receive(page, demo, /^Right to work/, 'Home Office');

  await page.goto(demo.verifier.url);
  await page.getByRole('button', { name: 'Prove my name and age (mobile driving licence) and my right to work' }).click();
  await page.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  // Both credentials on one consent screen.
  await expect(page.locator('body')).toContainText('Mobile driving licence');
  await expect(page.locator('body')).toContainText('Right to work');
  await page.getByRole('button', { name: 'Share', exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`^${demo.verifier.url}`), { timeout: 30_000 });
  const body = page.locator('body');
  await expect(body).toContainText('The credential verified.', { timeout: 30_000 });
  await expect(body).toContainText('every credential asked for was shared');
  await expect(body).toContainText('age_over_18');
  await expect(body).toContainText('right_to_work');
  await expect(body).not.toContainText('birth_date');
});
