/**
 * Issue 17 ("Nobody left out"), end to end in real Chromium: a paper card printed to PDF
 * (`page.pdf`, A4, print media), rasterised by pdf.js (tests/e2e/support/pdf-raster.ts), and
 * scanned from that picture by a second browser context's "Check a paper card" (/check/card),
 * a checker phone set up online (trust list, status lists) and then with no signal.
 *
 * Cases: the DVLA's counter card (admin page "Print a card") passes offline, naming the person,
 * with the instruction to compare the name and photo; the printed sheet says it in English and
 * Welsh; a photocopy with the QR swapped for another person's names the other person; a QR partly
 * covered still reads (error correction Q), a half-covered one gives "No QR code could be read", a
 * code that reads but is cut short gives "Could not read this card's code"; a card signed by an
 * issuer not on the trust list, an expired card (signed with the DVLA's own key, past its `exp`)
 * and a card revoked on the admin page each fail with their reason.
 */
import AxeBuilder from '@axe-core/playwright';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { Browser, Page, TestInfo } from '@playwright/test';
import qrcode from 'qrcode-generator';
import { preparePaperCard } from '../../src/credentials/formats/paper-card/index';
import { encodeCardCode } from '../../src/protocols/paper/card-code';
import { cardClaims, cardCode, signPaperCard } from '../../src/server/reference/card-issuer';
import { expect, goInApp, test, type DemoEnvironment } from './demo-fixtures';
import { grow, openPaperDesk, type PaperDesk } from './support/pdf-raster';
import { checkResultShown, goOffline, phone, picture, receive } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const LICENCE_CHOICE = /^Driving licence — Driver and Vehicle Licensing Agency/;
const ADA = /^Ada Jones/;
const SAM = /^Sam Okafor/;
/** A flatbed scanner's resolution: a 45 mm code is then about 530 px wide (5 px or more to a module). */
const DPI = 300;

/** What the department's counter hands over: the PDF Chromium printed, and the code the page says it printed. */
interface PrintedCard {
  pdf: Buffer;
  code: string;
}

/** The clerk picks the person and the driving licence on the admin page and presses "Print a card"; the page is printed to A4. */
async function printCounterCard(browser: Browser, demo: DemoEnvironment, person: RegExp): Promise<PrintedCard> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await admin.goto(demo.servers.adminUrl);
    const choose = async (label: string, option: RegExp) => {
      const options = await admin.getByLabel(label).locator('option').allTextContents();
      const wanted = options.find((text) => option.test(text));
      if (!wanted) throw new Error(`no ${label} option matching ${option} on the admin page`);
      await admin.getByLabel(label).selectOption({ label: wanted });
    };
    await choose('Demo person', person);
    await choose('Credential', LICENCE_CHOICE);
    await admin.getByRole('button', { name: 'Print a card' }).click();
    const figure = admin.locator('.a4-qr[data-card-code]');
    await expect(figure).toBeVisible();
    const code = (await figure.getAttribute('data-card-code'))!;
    await admin.emulateMedia({ media: 'print' });
    return { pdf: await admin.pdf({ format: 'A4', printBackground: true }), code };
  } finally {
    await context.close();
  }
}

/** The sheet's first page as a picture, and the first of its codes jsQR finds (the A4 one or the card's: both hold the same code). */
async function scanSheet(desk: PaperDesk, pdf: Buffer) {
  const sheet = await desk.rasterise(pdf, { dpi: DPI });
  const codes = await desk.findCodes(sheet, 1);
  expect(codes.length, 'codes found on the printed sheet').toBeGreaterThan(0);
  return { sheet, codes };
}

/** A checker's phone, set up online (the trust list and every department's status list), on "Check a paper card", then with no signal. */
async function offlineCardChecker(browser: Browser, baseURL: string): Promise<Page> {
  const checker = await phone(browser, baseURL);
  await setUpVault(checker);
  await openCardCheckOnline(checker);
  await goOffline(checker);
  return checker;
}

async function openCardCheckOnline(checker: Page): Promise<void> {
  await goInApp(checker, '/');
  await goInApp(checker, '/check');
  await expect(checker.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await checker.getByRole('link', { name: 'Check a paper card' }).click();
  await expect(checker.getByRole('heading', { level: 1, name: 'Check a paper card' })).toBeVisible();
}

/** "Use a picture of the QR code" with `png`; the result, once shown. */
async function scanPicture(checker: Page, png: Buffer) {
  await checker.locator('#card-image').setInputFiles(picture(png));
  return checkResultShown(checker);
}

/** Back to the scan step for the next card. */
async function nextCard(checker: Page): Promise<void> {
  await checker.getByRole('button', { name: 'Check the next card' }).click();
  await expect(checker.locator('#card-image')).toBeVisible();
}

/** The checker goes online (its lists are refetched once their ttl has passed), then checks `qr` with no signal: revoked. */
async function expectRevokedAfterRefresh(checker: Page, qr: Buffer): Promise<void> {
  await expect(async () => {
    await checker.context().setOffline(false);
    await openCardCheckOnline(checker);
    await checker.context().setOffline(true);
    const result = await scanPicture(checker, qr);
    await expect(result).toHaveAttribute('data-verdict', 'fail', { timeout: 1000 });
    await expect(result.getByTestId('check-reasons')).toContainText('The issuer has revoked this credential');
  }).toPass({ timeout: 90_000 });
}

/** A code's QR as a picture (alphanumeric mode, error correction Q, as a card prints it). */
function qrPicture(text: string, mode: 'Alphanumeric' | 'Byte' = 'Alphanumeric'): Buffer {
  const qr = qrcode(0, 'Q');
  qr.addData(text, mode);
  qr.make();
  const url = qr.createDataURL(4, 16);
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/** Axe in English and Welsh, and a picture of each at 360×740 (switched in place: the screen keeps its result). */
async function checkScreen(page: Page, testInfo: TestInfo, name: string, welsh?: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expectNoViolations(page, `${name} (en)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-en-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  await welsh?.();
  await expectNoViolations(page, `${name} (cy)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-cy-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

test('the DVLA counter card, printed to PDF and scanned from the picture by a checker with no signal: passes, names Ada, says to compare the name and photo', async ({ browser, baseURL, demo }, testInfo) => {
  const printed = await printCounterCard(browser, demo, ADA);
  const desk = await openPaperDesk(browser);
  try {
    // The printed sheet: the person, the instruction, English and Welsh labels (read from the PDF by pdf.js).
    const text = await desk.pageText(printed.pdf);
    expect(text).toContain('Ada Jones');
    expect(text).toContain('Driver and Vehicle Licensing Agency');
    expect(text).toContain('Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    expect(text).toContain('Date of birth / Dyddiad geni');
    expect(text).toContain('This card is not linked to a phone: check the name and photo against the person.');
    expect(text).toContain('Nid yw\'r cerdyn hwn wedi\'i gysylltu â ffôn');

    const { sheet, codes } = await scanSheet(desk, printed.pdf);
    await testInfo.attach('printed-sheet.png', { body: sheet, contentType: 'image/png' });
    // What was printed is what the page meant to print (the A4 code; the card's code says the same).
    expect(codes.map((c) => c.text)).toContain(printed.code);
    const qr = await desk.crop(sheet, codes[0]!.box, codes[0]!.box.width * 0.15);

    const checker = await offlineCardChecker(browser, baseURL);
    const result = await scanPicture(checker, qr);
    await expect(result).toHaveAttribute('data-verdict', 'pass');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Ada');
    await expect(result).toContainText('Jones');
    await expect(result).toContainText('Driver and Vehicle Licensing Agency');
    await expect(checker.getByTestId('paper-not-bound')).toContainText('Compare the name and photo on the card with the person');
    const reasons = result.getByTestId('check-reasons');
    await expect(reasons).toContainText('The issuer’s signature is genuine');
    await expect(reasons).toContainText('The issuer is trusted for this kind of credential');
    await expect(reasons).toContainText('The credential has not been revoked or suspended');
    await checkScreen(checker, testInfo, 'paper-card-pass', async () => {
      await expect(checker.getByTestId('paper-not-bound')).toContainText('Cymharwch yr enw a’r llun ar y cerdyn â’r person');
    });
  } finally {
    await desk.close();
  }
});

test('a photocopy of Ada\'s card with the QR swapped for Sam\'s: the checker names Sam, so comparing with the printed name catches it', async ({ browser, baseURL, demo }, testInfo) => {
  const ada = await printCounterCard(browser, demo, ADA);
  const sam = await printCounterCard(browser, demo, SAM);
  const desk = await openPaperDesk(browser);
  try {
    expect(await desk.pageText(ada.pdf)).toContain('Ada Jones');
    const adaSheet = await scanSheet(desk, ada.pdf);
    const samSheet = await scanSheet(desk, sam.pdf);
    const adaQr = adaSheet.codes[0]!.box;
    const forged = await desk.paste(adaSheet.sheet, grow(adaQr, 0.05), samSheet.sheet, grow(samSheet.codes[0]!.box, 0.05));
    await testInfo.attach('forged-sheet.png', { body: forged, contentType: 'image/png' });
    // Where Ada's code was printed, the forged sheet has Sam's.
    const photographed = await desk.crop(forged, adaQr, adaQr.width * 0.15);
    expect((await desk.findCodes(photographed, 1)).map((c) => c.text)).toEqual([sam.code]);

    const checker = await offlineCardChecker(browser, baseURL);
    const result = await scanPicture(checker, photographed);
    // Sam's card is genuine, so it passes — and it says Sam Okafor, not the Ada Jones printed beside it.
    await expect(result).toHaveAttribute('data-verdict', 'pass');
    await expect(result).toContainText('Sam');
    await expect(result).toContainText('Okafor');
    await expect(result).not.toContainText('Ada');
    await expect(result).not.toContainText('Jones');
    await expect(checker.getByTestId('paper-not-bound')).toContainText('Compare the name and photo on the card with the person');
  } finally {
    await desk.close();
  }
});

test('a damaged card: a small cover still reads (level Q), half covered says no code could be read, a code cut short says the card\'s code could not be read; another QR is not a card', async ({ browser, baseURL, demo }, testInfo) => {
  const printed = await printCounterCard(browser, demo, ADA);
  const desk = await openPaperDesk(browser);
  try {
    const { sheet, codes } = await scanSheet(desk, printed.pdf);
    const box = codes[0]!.box;
    const checker = await offlineCardChecker(browser, baseURL);

    // A thumb or a sticker over a corner of the data (a 20% by 20% square, clear of the finder patterns).
    const thumb = { x: box.x + box.width * 0.55, y: box.y + box.height * 0.4, width: box.width * 0.2, height: box.height * 0.2 };
    const smallCover = await desk.crop(await desk.cover(sheet, thumb), box, box.width * 0.15);
    await testInfo.attach('small-cover.png', { body: smallCover, contentType: 'image/png' });
    const passed = await scanPicture(checker, smallCover);
    await expect(passed).toHaveAttribute('data-verdict', 'pass');
    await expect(passed).toContainText('Ada');
    await nextCard(checker);

    // Half the code gone (torn off): nothing to read.
    const half = { x: box.x + box.width / 2, y: box.y - 2, width: box.width / 2 + 4, height: box.height + 4 };
    const halfCover = await desk.crop(await desk.cover(sheet, half), box, box.width * 0.15);
    await testInfo.attach('half-cover.png', { body: halfCover, contentType: 'image/png' });
    await checker.locator('#card-image').setInputFiles(picture(halfCover));
    await expect(checker.locator('#card-image-error')).toContainText('No QR code could be read in that picture');
    await expect(checker.getByTestId('check-result')).toHaveCount(0);

    // A QR that reads, but whose card code was cut short (a bad copy of a copy): the card's code cannot be read.
    await checker.locator('#card-image').setInputFiles(picture(qrPicture(printed.code.slice(0, Math.floor(printed.code.length * 0.7)))));
    await expect(checker.locator('#card-image-error')).toContainText('Could not read this card’s code. Ask for another copy of the card, or try a clearer picture.');
    await expect(checker.getByTestId('check-result')).toHaveCount(0);
    await checkScreen(checker, testInfo, 'paper-card-damaged', async () => {
      await expect(checker.locator('#card-image-error')).toContainText('Nid oedd modd darllen cod y cerdyn hwn');
    });

    // Some other QR code (a web address): not a card, said so.
    await checker.locator('#card-image').setInputFiles(picture(qrPicture('https://www.gov.uk/view-driving-licence', 'Byte')));
    await expect(checker.locator('#card-image-error')).toContainText('This is not a Satchel card code. Scan the QR code printed on the card.');
    await expect(checker.getByTestId('check-result')).toHaveCount(0);
  } finally {
    await desk.close();
  }
});

test('a card from an issuer not on the trust list, and an expired DVLA card, each fail with their reason', async ({ browser, baseURL, demo }, testInfo) => {
  const dvla = demo.servers.issuers.dvla;
  const licence = dvla.configuration('driving_licence')!;
  const claims = cardClaims(licence, { given_name: 'Ada', family_name: 'Jones', birth_date: '1984-03-09', driving_privileges: [{ vehicle_category_code: 'B' }] });
  const now = Math.floor(Date.now() / 1000);

  // Signed with a key of this test's own, under an issuer id no trust list names (C1's encoder for the code).
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const lookAlike = preparePaperCard({ iss: 'https://dvla.look-alike.example', kid: 'look-alike-1', vct: licence.type, claims, iat: now - 60 });
  const unknownCode = await encodeCardCode(lookAlike.finish(new Uint8Array(sign('sha256', lookAlike.toBeSigned, { key: privateKey, dsaEncoding: 'ieee-p1363' }))));

  // Signed by the DVLA itself (its JWKS key, as the trust list gives it), but its exp has passed.
  const year = 365 * 24 * 3600_000;
  const expiredCode = cardCode(Buffer.from(signPaperCard(dvla.key, { issuer: dvla.url, type: licence.type, claims, issuedAt: new Date(Date.now() - 6 * year), expiresAt: new Date(Date.now() - 24 * 3600_000) })).toString('base64url'));

  const checker = await offlineCardChecker(browser, baseURL);
  const unknown = await scanPicture(checker, qrPicture(unknownCode));
  await expect(unknown).toHaveAttribute('data-verdict', 'fail');
  await expect(unknown.getByTestId('check-reasons')).toContainText('The issuer is not on the trust list');
  await expect(checker.getByTestId('paper-not-bound')).toBeVisible();
  await checkScreen(checker, testInfo, 'paper-card-unknown-issuer');
  await nextCard(checker);

  const expired = await scanPicture(checker, qrPicture(expiredCode));
  await expect(expired).toHaveAttribute('data-verdict', 'fail');
  await expect(expired.getByTestId('check-reasons')).toContainText('The credential has expired');
  await expect(expired.getByTestId('check-reasons')).toContainText('The issuer’s signature is genuine');
});

test('a card revoked on the admin page: the checker, online again, fetches the lists, and offline says it is revoked', async ({ browser, baseURL, demo }) => {
  const printed = await printCounterCard(browser, demo, SAM);
  const desk = await openPaperDesk(browser);
  let qr: Buffer;
  try {
    const { sheet, codes } = await scanSheet(desk, printed.pdf);
    qr = await desk.crop(sheet, codes[0]!.box, codes[0]!.box.width * 0.15);
  } finally {
    await desk.close();
  }
  const checker = await offlineCardChecker(browser, baseURL);
  await expect(await scanPicture(checker, qr)).toHaveAttribute('data-verdict', 'pass');

  // The clerk revokes the card just printed (the newest paper card row).
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto(demo.servers.adminUrl);
  const row = admin.getByRole('row').filter({ hasText: 'Driving licence (paper card)' }).filter({ hasText: 'Sam Okafor' }).last();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('row').filter({ hasText: 'Driving licence (paper card)' }).filter({ hasText: 'Sam Okafor' }).last()).toContainText('revoked');
  await context.close();

  await expectRevokedAfterRefresh(checker, qr);
});

test('the wallet: a holder receives the licence with its card, prints it with no signal, a checker with no signal passes it; revoking the credential revokes the card', async ({ browser, baseURL, demo }, testInfo) => {
  const holder = await phone(browser, baseURL);
  await setUpVault(holder);
  await receive(holder, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency');
  await holder.getByRole('link', { name: 'View your credential' }).click();

  // Reprinting needs no signal: the card came with the credential and is kept in the vault.
  await holder.context().setOffline(true);
  await holder.getByRole('link', { name: 'Print a card' }).click();
  await expect(holder.getByRole('heading', { level: 1, name: 'Print a card' })).toBeVisible();
  await expect(holder.getByTestId('printable-card')).toBeVisible();
  await holder.emulateMedia({ media: 'print' });
  const pdf = await holder.pdf({ format: 'A4', printBackground: true });
  await holder.emulateMedia({ media: 'screen' });

  const desk = await openPaperDesk(browser);
  let qr: Buffer;
  try {
    const text = await desk.pageText(pdf);
    expect(text).toContain('Ada');
    expect(text).toContain('Jones');
    const { sheet, codes } = await scanSheet(desk, pdf);
    await testInfo.attach('wallet-printed-sheet.png', { body: sheet, contentType: 'image/png' });
    expect(codes[0]!.text).toMatch(/^SC1:/);
    qr = await desk.crop(sheet, codes[0]!.box, codes[0]!.box.width * 0.15);
  } finally {
    await desk.close();
  }

  const checker = await offlineCardChecker(browser, baseURL);
  const result = await scanPicture(checker, qr);
  await expect(result).toHaveAttribute('data-verdict', 'pass');
  await expect(result).toContainText('Ada');
  await expect(result).toContainText('Jones');
  await expect(checker.getByTestId('paper-not-bound')).toContainText('Compare the name and photo on the card with the person');

  // The card carries the credential's status entry: the clerk revoking the credential revokes the card.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto(demo.servers.adminUrl);
  // Named by its credential too: the demo is shared by every spec in a worker, and Ada's right to
  // work (another department, listed after the DVLA) may also have come with its card.
  const row = () => admin.getByRole('row').filter({ hasText: 'Driving licence and its paper card' }).filter({ hasText: 'Ada Jones' }).last();
  await row().getByRole('button', { name: 'Revoke' }).click();
  await expect(row()).toContainText('revoked');
  await context.close();
  await expectRevokedAfterRefresh(checker, qr);
});
