/**
 * Issue 17, the wallet's "Print a card" end to end against the reference DVLA: receiving the
 * driving licence also brings its paper card (configuration `driving_licence_card`, the same
 * token, no proof); the credential screen's "Print a card" shows it at 360×740 in English and
 * Welsh (axe clean); with no signal it is shown again and printed (print media: only the card is
 * left); the PDF Chromium prints is rasterised (pdf.js) and its code scanned from that picture by a
 * second phone's "Check a paper card" with no signal: it passes and names the person. Screenshots
 * of the screen and of the print output in the test's output folder.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, goInApp, test } from './demo-fixtures';
import { openPaperDesk } from './support/pdf-raster';
import { goOffline, phone, picture, receive } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const DVLA = 'Driver and Vehicle Licensing Agency';

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/** The screen, then the print output (print media, the whole page) and its PDF, in the page's language. */
async function screenAndPrint(page: Page, testInfo: TestInfo, language: 'en' | 'cy'): Promise<Buffer> {
  await page.evaluate(() => document.fonts.ready);
  await expectNoViolations(page, `print a card (${language})`);
  await page.screenshot({ path: testInfo.outputPath(`print-card-screen-${language}-360x740.png`) });
  await page.locator('#satchel-print-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath(`print-card-sheet-${language}-360x740.png`) });
  await page.emulateMedia({ media: 'print' });
  // On paper only the card: no navigation, no buttons.
  await expect(page.locator('.govuk-service-navigation')).toBeHidden();
  await expect(page.locator('.govuk-footer')).toBeHidden();
  await expect(page.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath(`print-card-print-media-${language}.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test('the licence comes with its paper card; printed from the wallet with no signal, its code passes a checker with no signal', async ({ browser, baseURL, demo }, testInfo) => {
  const holder = await phone(browser, baseURL);
  await setUpVault(holder);
  await receive(holder, demo, /^Driving licence/, DVLA);
  await goInApp(holder, '/');
  await holder.getByTestId('credential-card').filter({ hasText: 'Driving licence' }).getByRole('link').click();
  await holder.getByRole('link', { name: 'Print a card' }).click();
  await expect(holder.getByRole('heading', { level: 1, name: 'Print a card' })).toBeVisible();
  const codes = holder.locator('svg.satchel-card-qr');
  await expect(codes).toHaveCount(2);
  const code = (await codes.first().getAttribute('data-card-code'))!;
  expect(code).toMatch(/^SC1:/);
  const name = (await holder.locator('.satchel-print-sheet__name').textContent())!.trim();
  // The photo is the credential's, printed beside the claims and on the card to cut out.
  await expect(holder.locator('img.satchel-print-sheet__photo')).toHaveAttribute('alt', `Photo of ${name}`);
  await expect(holder.getByTestId('id-card').locator('img')).toBeVisible();
  expect(name.length).toBeGreaterThan(0);

  // No signal: the card is read from the vault and printed.
  const cardPath = new URL(holder.url()).pathname;
  expect(cardPath).toMatch(/^\/credential\/[^/]+\/card$/);
  await holder.context().setOffline(true);
  await goInApp(holder, '/');
  await goInApp(holder, cardPath);
  await expect(codes).toHaveCount(2);
  const pdf = await screenAndPrint(holder, testInfo, 'en');
  await holder.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await holder.waitForFunction(() => document.documentElement.lang === 'cy');
  await expect(holder.getByRole('heading', { level: 1, name: 'Argraffu cerdyn' })).toBeVisible();
  await screenAndPrint(holder, testInfo, 'cy');

  const desk = await openPaperDesk(browser);
  try {
    // One A4 page: the sheet and the card to cut out together (Chromium's PDF lists each page object uncompressed).
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).toHaveLength(1);
    const text = await desk.pageText(pdf);
    expect(text).toContain(name);
    expect(text).toContain('This card is not linked to a phone: check the name and photo against the person.');
    expect(text).toContain("Nid yw'r cerdyn hwn wedi'i gysylltu â ffôn");
    expect(text).not.toContain('Print this page');
    const sheet = await desk.rasterise(pdf, { dpi: 200 });
    await testInfo.attach('wallet-printed-sheet.png', { body: sheet, contentType: 'image/png' });
    const found = await desk.findCodes(sheet);
    expect(found.map((c) => c.text)).toContain(code);
    const qr = await desk.crop(sheet, found[0]!.box, found[0]!.box.width * 0.15);

    // A checker's phone, ready online, then with no signal, scans the picture.
    const checker = await phone(browser, baseURL);
    await setUpVault(checker);
    await goInApp(checker, '/check');
    await expect(checker.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await checker.getByRole('link', { name: 'Check a paper card' }).click();
    await goOffline(checker);
    await checker.locator('#card-image').setInputFiles(picture(qr));
    const result = checker.getByTestId('check-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toHaveAttribute('data-verdict', 'pass');
    await expect(result).toContainText(name.split(' ')[0]!);
    await expect(result).toContainText(DVLA);
  } finally {
    await desk.close();
  }
});
