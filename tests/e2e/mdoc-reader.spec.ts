/**
 * Issue 15: Satchel as an ISO/IEC 18013-5 reader, end to end in real Chromium at 360×740. The
 * holder is another wallet's phone: the test holder (tests/shared/iso-holder, @owf/mdoc and
 * WebCrypto, none of Satchel's code) played over Bluetooth by Chromium's BluetoothEmulation
 * (tests/e2e/support/emulated-mdoc-peripheral.ts), its `mdoc:` engagement given to "Check a
 * driving licence" (/check/licence) as a picture. The checker's phone is set up online (trust list
 * and status lists) and then has no signal for every check.
 *
 * Cases: the reference DVLA's licence passes, asked for exactly the 'driving' elements; tampered
 * after signing, replayed from another reader's session, signed under an IACA on no trust list,
 * revoked by the DVLA's clerk — each a clear "Do not accept" with its reason; an element not asked for
 * flagged; the holder declining; an answer that does not decrypt (session status 10 back);
 * the link dropped mid-answer (a clear message at once, and connecting again works). And a Satchel
 * holder's mdoc licence checked from the same screen's Satchel-code fallback, offline. Each result
 * axe-clean (WCAG 2.2 A/AA) and pictured in English and Welsh.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.mjs';
import { createIsoHolder, type IsoHolder, type Misbehaviour } from '../shared/iso-holder/iso-holder';
import { expect, goInApp, makeOffer, test, type DemoEnvironment } from './demo-fixtures';
import { startEmulatedMdocPeripheral, WEB_BLUETOOTH_ARGS, type EmulatedMdocPeripheral, type EmulatedMdocPeripheralOptions } from './support/emulated-mdoc-peripheral';
import { codePicture, licenceFromOffer, licenceFromUnknownIaca, type HeldLicence } from './support/iso-holder-licence';
import { answerFrames, goOffline, openRequest, phone, receive, scanAnswer } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...WEB_BLUETOOTH_ARGS] } });

const DVLA = 'Driver and Vehicle Licensing Agency';
const LICENCE = 'Mobile driving licence';
const MDL_NAMESPACE = 'org.iso.18013.5.1';
/** src/wallet/shared/purposes.ts: what the 'driving' purpose asks of an mDL. */
const DRIVING_ELEMENTS = ['driving_privileges', 'expiry_date', 'family_name', 'given_name', 'portrait'];
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/** Axe in English and Welsh, and a picture of each (switched in place: the app keeps its state). */
async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expectNoViolations(page, `${name} (en)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-en-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  await expectNoViolations(page, `${name} (cy)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-cy-360x740.png`), fullPage: true });
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** A licence the reference DVLA issues (through its own offer, received by the test holder's client). */
async function dvlaLicence(browser: Browser, demo: DemoEnvironment): Promise<HeldLicence> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  const offer = await makeOffer(admin, demo.servers.adminUrl, new RegExp(`^${LICENCE}`));
  await context.close();
  return licenceFromOffer(offer.text, offer.txCode);
}

/** The checker's phone, set up online (trust list and every department's status list), on "Check a driving licence", then with no signal. */
async function offlineChecker(browser: Browser, baseURL: string): Promise<Page> {
  const checker = await phone(browser, baseURL);
  await setUpVault(checker);
  await goInApp(checker, '/check');
  await expect(checker.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await checker.getByRole('link', { name: 'Check a driving licence in another wallet app' }).click();
  await expect(checker.getByRole('heading', { level: 1, name: 'Check a driving licence' })).toBeVisible();
  await goOffline(checker);
  return checker;
}

interface HolderPhone {
  holder: IsoHolder;
  peripheral: EmulatedMdocPeripheral;
}

/** The test holder showing its code, and its phone answering over (emulated) Bluetooth. */
async function holderPhone(checker: Page, licence: HeldLicence, misbehave?: Misbehaviour, radio: Partial<EmulatedMdocPeripheralOptions> = {}): Promise<HolderPhone> {
  const holder = await createIsoHolder({ issuerSigned: licence.issuerSigned, deviceKey: licence.deviceKey, misbehave });
  const peripheral = await startEmulatedMdocPeripheral(checker, { serviceUuid: holder.serviceUuid, onMessage: (message) => holder.onMessage(message), ...radio });
  return { holder, peripheral };
}

/** Checker: Driving, a name, "Scan their code", the holder's code as a picture; then "Connect by Bluetooth". */
async function scanAndConnect(checker: Page, holder: IsoHolder): Promise<void> {
  await checker.locator('#purpose-driving').check();
  await checker.locator('#verifier-name').fill('Hire desk');
  await checker.getByRole('button', { name: 'Scan their code' }).click();
  await checker.locator('#engagement-image').setInputFiles(codePicture(holder.qrText));
  await expect(checker.getByRole('heading', { level: 1, name: 'Connect to their phone' })).toBeVisible({ timeout: 30_000 });
  await checker.getByRole('button', { name: 'Connect by Bluetooth' }).click();
}

async function result(checker: Page) {
  const shown = checker.getByTestId('check-result');
  await expect(shown).toBeVisible({ timeout: 60_000 });
  return shown;
}

/** One Bluetooth check from a fresh checker; the peripheral is stopped afterwards. */
async function bluetoothCheck(browser: Browser, baseURL: string, licence: HeldLicence, misbehave?: Misbehaviour) {
  const checker = await offlineChecker(browser, baseURL);
  const phoneOf = await holderPhone(checker, licence, misbehave);
  await scanAndConnect(checker, phoneOf.holder);
  return { checker, ...phoneOf };
}

test('a DVLA licence in another wallet, over Bluetooth with no signal: asked for exactly what driving needs, passes, the session ended', async ({ browser, baseURL, demo }, testInfo) => {
  const { checker, holder, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo));
  try {
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'pass');
    await expect(shown).toHaveAttribute('data-ok', 'true');
    const reasons = shown.getByTestId('check-reasons');
    await expect(reasons).toContainText('The issuer is trusted for this kind of credential');
    await expect(reasons).toContainText('The credential has not been revoked or suspended');
    await expect(reasons).toContainText('It was shown from the holder’s own phone, just now, for this check');
    await expect(shown.getByTestId('disclosed-claims')).toContainText(/Jones|JONES/i);
    await expect(shown.getByTestId('unrequested')).toHaveCount(0);
    await expect(shown.getByTestId('disclosed-claims').getByRole('img')).toBeVisible();

    // What the holder was asked (read by @owf/mdoc): one mDL DocRequest for the driving elements, none to be kept.
    const docRequests = holder.log.deviceRequest!.docRequests;
    expect(holder.log.deviceRequest!.version).toBe('1.0');
    expect(docRequests).toHaveLength(1);
    expect(docRequests[0]!.itemsRequest.docType).toBe('org.iso.18013.5.1.mDL');
    const asked = docRequests[0]!.itemsRequest.namespaces.get(MDL_NAMESPACE)!;
    expect([...asked.keys()].sort()).toEqual(DRIVING_ELEMENTS);
    expect([...asked.values()].every((retain) => retain === false)).toBe(true);
    expect(docRequests[0]!.readerAuth).toBeUndefined();
    // §9.1.1.4: the reader ended the session with status 20 and State END (§8.3.3.1.1.5).
    await expect.poll(() => holder.log.statusesReceived).toEqual([20]);
    expect(await peripheral.ended).toMatch(/end|disconnected/);
    expect(peripheral.stateWrites[0]).toBe(0x01);
    expect(peripheral.errors).toEqual([]);
    expect(holder.log.errors).toEqual([]);
    await checkScreen(checker, testInfo, 'reader-pass');
  } finally {
    await peripheral.stop();
  }
});

test('tampered after signing: "Do not accept", the shared details do not match what the issuer signed', async ({ browser, baseURL, demo }, testInfo) => {
  const { checker, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo), 'tamper');
  try {
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'fail');
    await expect(shown.getByTestId('check-reasons')).toContainText('The shared details do not match what the issuer signed');
    await checkScreen(checker, testInfo, 'reader-tampered');
  } finally {
    await peripheral.stop();
  }
});

test('replayed from another reader\'s session: "Do not accept", not shown from the holder\'s phone for this check', async ({ browser, baseURL, demo }, testInfo) => {
  const { checker, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo), 'replay');
  try {
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'fail');
    await expect(shown.getByTestId('check-reasons')).toContainText('It was not shown from the holder’s phone for this check');
    await checkScreen(checker, testInfo, 'reader-replayed');
  } finally {
    await peripheral.stop();
  }
});

test('signed under an IACA on no trust list: "Do not accept", the issuer is not on the trust list', async ({ browser, baseURL }, testInfo) => {
  const { checker, peripheral } = await bluetoothCheck(browser, baseURL, await licenceFromUnknownIaca());
  try {
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'fail');
    await expect(shown.getByTestId('check-reasons')).toContainText('The issuer is not on the trust list');
    await checkScreen(checker, testInfo, 'reader-unknown-iaca');
  } finally {
    await peripheral.stop();
  }
});

test('revoked by the DVLA before the checker last went online: "Do not accept", the issuer has revoked it', async ({ browser, baseURL, demo }, testInfo) => {
  const licence = await dvlaLicence(browser, demo);
  // The clerk revokes the licence just issued (the newest row); the checker's phone then fetches the lists.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto(demo.servers.adminUrl);
  await admin.getByRole('row', { name: new RegExp(LICENCE) }).last().getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('row', { name: new RegExp(LICENCE) }).last()).toContainText('revoked');
  await context.close();
  const { checker, peripheral } = await bluetoothCheck(browser, baseURL, licence);
  try {
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'fail');
    await expect(shown.getByTestId('check-reasons')).toContainText('The issuer has revoked this credential');
    await checkScreen(checker, testInfo, 'reader-revoked');
  } finally {
    await peripheral.stop();
  }
});

test('a holder that shares more than was asked: the extra detail is flagged to the checker', async ({ browser, baseURL, demo }) => {
  const { checker, holder, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo), 'unrequested');
  try {
    const shown = await result(checker);
    const asked = new Set(holder.log.deviceRequest!.docRequests[0]!.itemsRequest.namespaces.get(MDL_NAMESPACE)!.keys());
    expect(asked.size).toBe(DRIVING_ELEMENTS.length);
    await expect(shown.getByTestId('unrequested')).toBeVisible();
    await expect(shown.getByTestId('unrequested')).toContainText(MDL_NAMESPACE);
  } finally {
    await peripheral.stop();
  }
});

test('the holder declines: the screen says they did not share their licence', async ({ browser, baseURL, demo }) => {
  const { checker, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo), 'decline');
  try {
    await expect(checker.getByTestId('error-summary')).toContainText('The person did not share their licence.', { timeout: 60_000 });
    await expect(checker.getByTestId('check-result')).toHaveCount(0);
  } finally {
    await peripheral.stop();
  }
});

test('an answer that does not decrypt under this session\'s key: the screen says it could not be read, and to start again', async ({ browser, baseURL, demo }) => {
  const { checker, holder, peripheral } = await bluetoothCheck(browser, baseURL, await dvlaLicence(browser, demo), 'garbage');
  try {
    await expect(checker.getByTestId('error-summary')).toContainText('Their phone’s answer could not be read.', { timeout: 60_000 });
    await expect(checker.getByTestId('check-result')).toHaveCount(0);
    // §9.1.1.4 Table 20: the reader ends the session with status 10 (session encryption error).
    await expect.poll(() => holder.log.statusesReceived).toEqual([10]);
  } finally {
    await peripheral.stop();
  }
});

test('the link drops mid-answer: a clear message at once, and connecting again gets the licence', async ({ browser, baseURL, demo }, testInfo) => {
  const checker = await offlineChecker(browser, baseURL);
  const { holder, peripheral } = await holderPhone(checker, await dvlaLicence(browser, demo), undefined, { dropAfterReplyChunks: 2 });
  try {
    await scanAndConnect(checker, holder);
    const summary = checker.getByTestId('error-summary');
    await expect(summary).toContainText('The connection to their phone was lost.', { timeout: 60_000 });
    expect(await peripheral.ended).toBe('disconnected');
    await checkScreen(checker, testInfo, 'reader-connection-lost');
    // "Connect by Bluetooth" again: a new session with the same phone, which answers in full this time.
    await checker.getByRole('button', { name: 'Connect by Bluetooth' }).click();
    const shown = await result(checker);
    await expect(shown).toHaveAttribute('data-verdict', 'pass');
    expect(holder.log.sessionsStarted).toBe(2);
  } finally {
    await peripheral.stop();
  }
});

test('a Satchel holder\'s mdoc licence, checked with no signal from the licence screen\'s Satchel-code fallback', async ({ browser, baseURL, demo }, testInfo) => {
  const satchelHolder = await phone(browser, baseURL);
  await setUpVault(satchelHolder);
  await receive(satchelHolder, demo, new RegExp(`^${LICENCE}`), DVLA);
  const checker = await offlineChecker(browser, baseURL);
  await satchelHolder.context().setOffline(true);

  await checker.getByRole('link', { name: 'Check with a Satchel code instead' }).first().click();
  await checker.getByLabel('Driving', { exact: true }).check();
  await checker.getByLabel('Your name or organisation').fill('Hire desk');
  await checker.getByRole('button', { name: 'Show my code' }).click();
  const request = await checker.getByTestId('request-qr-code').screenshot();
  await openRequest(satchelHolder, request);
  await satchelHolder.getByRole('button', { name: 'Share', exact: true }).click();
  const frames = await answerFrames(satchelHolder.getByTestId('response-qr'), satchelHolder);
  const shown = await scanAnswer(checker, frames);
  await expect(shown).toHaveAttribute('data-verdict', 'pass');
  await expect(shown.getByTestId('check-reasons')).toContainText('The credential has not been revoked or suspended');
  await checkScreen(checker, testInfo, 'reader-satchel-fallback');
});
