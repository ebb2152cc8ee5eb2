/**
 * The main screens at 360×740, in English and Welsh, as docs/screens/<nn>-<screen>-<en|cy>.png
 * (listed in docs/screens/README.md). Run with `npm run screens`; it walks the steps a person
 * takes against the reference servers: set up, add two credentials, share in person with a
 * checker's phone, a driving licence in another wallet app checked in person over (emulated)
 * Bluetooth, quick show, the menu's screens, the driving licence as an ISO mdoc, a
 * department that issues only after sign-in (its review), and last
 * the two registered verifiers' signed requests online (the job site's, and the corner shop's that
 * asks beyond its registration), then the people the holder helps (issue 16: Mum added, her licence
 * received into her space, the home screen showing her, removing her).
 * Every shot waits for its screen's heading (and the content it shows), never a fixed time.
 */
import type { Locator, Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../chromium-path.mjs';
import { createIsoHolder } from '../../tests/shared/iso-holder/iso-holder';
import { acceptOffer, expect, goInApp, makeOffer, test } from '../../tests/e2e/demo-fixtures';
import { startEmulatedMdocPeripheral, WEB_BLUETOOTH_ARGS } from '../../tests/e2e/support/emulated-mdoc-peripheral';
import { codePicture, licenceFromOffer } from '../../tests/e2e/support/iso-holder-licence';
import { screenshotEveryCode } from '../../tests/e2e/support/looping-code-video';
import { picture, receive } from '../../tests/e2e/support/phones';
import { PIN, setUpVault } from '../../tests/e2e/vault-steps';

// Web Bluetooth on, as on an Android phone: "Check a driving licence" offers to connect.
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...WEB_BLUETOOTH_ARGS] } });

const OUT = process.env.SCREENS_DIR ?? join(import.meta.dirname, '../../docs/screens');

/** File number and name of each screen, in the order a person meets them (README.md lists the same). */
const SCREENS = {
  start: '01-start',
  setUp: '02-set-up',
  addReview: '03-add-review',
  home: '04-home',
  credential: '05-credential',
  checkPurpose: '06-check-purpose',
  checkRequest: '07-check-request',
  consentInPerson: '08-consent-in-person',
  answerQr: '09-answer-qr',
  checkResult: '10-check-result',
  consentOnline: '11-consent-online',
  quickShow: '12-quick-show',
  quickShowCode: '13-quick-show-code',
  activity: '14-activity',
  settings: '15-settings',
  thisPhone: '16-this-phone',
  mdocLicence: '17-mdoc-licence',
  consentOverAsking: '18-consent-over-asking',
  getCredential: '19-get-credential',
  signInReview: '20-sign-in-review',
  licenceCheck: '21-licence-check',
  licenceScan: '22-licence-scan',
  licenceConnect: '23-licence-connect',
  licenceResult: '24-licence-result',
  licenceResultDetails: '25-licence-result-details',
  licenceNoBluetooth: '26-licence-no-bluetooth',
  people: '27-people',
  receiveWhose: '28-receive-whose',
  homeMum: '29-home-mum',
  credentialMum: '30-credential-mum',
  removePerson: '31-remove-person',
} as const;

/**
 * The page has painted its current state (fonts loaded, two frames drawn), with the pointer in
 * the right-hand margin: it stays where the last click left it, and a hovered link looks different.
 */
async function settled(page: Page): Promise<void> {
  await page.mouse.move(355, 370);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

async function switchLanguage(page: Page, link: string, lang: 'en' | 'cy'): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
}

/**
 * Screenshots the screen in English, switches to Welsh (in place: the app keeps the screen's
 * state), screenshots it again and switches back. `ready` is what must be on screen first; in
 * Welsh its text differs, so only its visibility is awaited again. `inView`, named the same way in
 * both languages, is scrolled to before each picture.
 */
async function shoot(page: Page, screen: keyof typeof SCREENS, ready: Locator, inView?: Locator): Promise<void> {
  await expect(ready).toBeVisible({ timeout: 60_000 });
  await inView?.scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: join(OUT, `${SCREENS[screen]}-en.png`) });
  await switchLanguage(page, 'Cymraeg', 'cy');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Switching language redraws the screen from its top: scroll back to what the picture is of.
  await inView?.scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: join(OUT, `${SCREENS[screen]}-cy.png`) });
  await switchLanguage(page, 'English', 'en');
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('screens', async ({ page: holder, browser, demo, baseURL }) => {
  await mkdir(OUT, { recursive: true });

  // Set up.
  await holder.goto('/');
  await shoot(holder, 'start', holder.getByRole('button', { name: 'Start now' }));
  await holder.getByRole('button', { name: 'Start now' }).click();
  await shoot(holder, 'setUp', holder.getByRole('textbox', { name: 'PIN or passphrase', exact: true }));
  await holder.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(PIN);
  await holder.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(PIN);
  await holder.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(holder, 'Save your recovery code')).toBeVisible({ timeout: 30_000 });
  await holder.getByLabel('I have saved my recovery code').check();
  await holder.getByRole('button', { name: 'Continue' }).click();
  const home = heading(holder, 'Your credentials');
  const passkeyOffer = holder.getByRole('link', { name: 'Not now, use my PIN only' });
  await expect(home.or(passkeyOffer)).toBeVisible();
  if (await passkeyOffer.isVisible()) await passkeyOffer.click();
  await expect(home).toBeVisible();

  // Two credentials; the first one's review screen is shot.
  // From the home screen, as a person does ("Credential added" is the add screen's last step: going
  // to /add from there would not start it again).
  await receive(holder, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency', () => shoot(holder, 'addReview', holder.getByTestId('offer-summary')));
  await receive(holder, demo, /^Right to work/, 'Home Office');
  await goInApp(holder, '/');
  await expect(holder.getByTestId('credential-card')).toHaveCount(2);
  await shoot(holder, 'home', home);
  await holder.getByTestId('credential-card').getByRole('link', { name: /Driving licence/ }).click();
  await shoot(holder, 'credential', heading(holder, /Driving licence/));

  // In person: the checker's phone asks for "over 18"; the holder reads its code and shares.
  const checker = await (await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 })).newPage();
  await setUpVault(checker);
  await goInApp(checker, '/check');
  await shoot(checker, 'checkPurpose', checker.getByRole('radio', { name: /over 18/i }));
  await checker.getByRole('radio', { name: /over 18/i }).check();
  await checker.getByLabel('Your name or organisation').fill('Corner shop');
  await checker.getByRole('button', { name: 'Show my code' }).click();
  await shoot(checker, 'checkRequest', checker.getByTestId('request-qr-code'));
  const request = await checker.getByTestId('request-qr-code').screenshot();

  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(request));
  await shoot(holder, 'consentInPerson', holder.getByTestId('requester'));
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  await shoot(holder, 'answerQr', holder.getByTestId('response-qr-code'));
  const codes = await screenshotEveryCode(holder, holder.getByTestId('response-qr'), holder.getByTestId('response-qr-code'));
  for (const code of codes) await checker.locator('#response-image').setInputFiles(picture(code));
  await expect(checker.getByTestId('check-result')).toHaveAttribute('data-ok', 'true');
  await shoot(checker, 'checkResult', checker.getByTestId('check-result'));

  // A driving licence in any wallet app, checked in person (ISO/IEC 18013-5 reader): what to ask,
  // the other wallet's code scanned, ready to connect, and the result over (emulated) Bluetooth —
  // the other wallet is the test holder (tests/shared/iso-holder) with a DVLA licence; and the page
  // a browser with no Web Bluetooth shows instead.
  const adminContext = await browser.newContext();
  const offer = await makeOffer(await adminContext.newPage(), demo.servers.adminUrl, /^Mobile driving licence/);
  await adminContext.close();
  const otherWallet = await createIsoHolder(await licenceFromOffer(offer.text, offer.txCode));
  await goInApp(checker, '/check/licence');
  await shoot(checker, 'licenceCheck', checker.getByRole('button', { name: 'Scan their code' }));
  await checker.locator('#purpose-driving').check();
  await checker.locator('#verifier-name').fill('Hire desk');
  await checker.getByRole('button', { name: 'Scan their code' }).click();
  await shoot(checker, 'licenceScan', heading(checker, 'Scan the code on their phone'));
  await checker.locator('#engagement-image').setInputFiles(codePicture(otherWallet.qrText));
  await shoot(checker, 'licenceConnect', checker.getByRole('button', { name: 'Connect by Bluetooth' }));
  const otherPhone = await startEmulatedMdocPeripheral(checker, { serviceUuid: otherWallet.serviceUuid, onMessage: (message) => otherWallet.onMessage(message) });
  try {
    await checker.getByRole('button', { name: 'Connect by Bluetooth' }).click();
    await expect(checker.getByTestId('check-result')).toHaveAttribute('data-verdict', 'pass', { timeout: 60_000 });
    await shoot(checker, 'licenceResult', checker.getByTestId('check-result'));
    // What they shared: the photo to compare with their face, and the licence categories.
    await shoot(checker, 'licenceResultDetails', checker.getByTestId('disclosed-claims'), checker.getByTestId('disclosed-claims'));
  } finally {
    await otherPhone.stop();
  }
  await checker.evaluate(() => Object.defineProperty(navigator, 'bluetooth', { configurable: true, value: undefined }));
  await goInApp(checker, '/check');
  await goInApp(checker, '/check/licence');
  await shoot(checker, 'licenceNoBluetooth', checker.getByTestId('no-bluetooth'));

  // Quick show: the choice, then the code.
  await goInApp(holder, '/');
  await goInApp(holder, '/share/quick');
  await shoot(holder, 'quickShow', holder.getByRole('button', { name: 'Make the code' }));
  if ((await holder.locator('.govuk-checkboxes__input:checked').count()) === 0) await holder.locator('.govuk-checkboxes__input').first().check();
  await holder.getByRole('button', { name: 'Make the code' }).click();
  await shoot(holder, 'quickShowCode', holder.getByTestId('response-qr-code'));

  // The menu's screens.
  await goInApp(holder, '/activity');
  await shoot(holder, 'activity', holder.getByTestId('activity-table'));
  await goInApp(holder, '/settings');
  await shoot(holder, 'settings', heading(holder, 'Settings'));
  await goInApp(holder, '/about');
  await shoot(holder, 'thisPhone', heading(holder, 'This phone'));

  // The licence as an ISO mdoc: its detail screen where the photo and the categories are.
  await goInApp(holder, '/');
  await receive(holder, demo, /^Mobile driving licence/, 'Driver and Vehicle Licensing Agency');
  await goInApp(holder, '/');
  await expect(holder.getByTestId('credential-card')).toHaveCount(3);
  await holder.getByTestId('credential-card').getByRole('link', { name: /^Mobile driving licence/ }).click();
  await shoot(holder, 'mdocLicence', holder.getByRole('img', { name: 'Photo' }), holder.locator('img.satchel-portrait'));

  // A department that issues only after the person signs in (the DBS): chosen from the departments
  // Satchel knows, then its review, which says why it needs the person to sign in. Not added.
  await goInApp(holder, '/');
  await goInApp(holder, '/get-credential');
  await shoot(holder, 'getCredential', holder.getByRole('radio', { name: 'Basic DBS check' }));
  await holder.getByRole('radio', { name: 'Basic DBS check' }).check();
  await holder.getByRole('button', { name: 'Continue', exact: true }).click();
  await shoot(holder, 'signInReview', holder.getByRole('button', { name: 'Continue to sign in' }));
  await holder.getByRole('button', { name: 'Do not add' }).click();
  await expect(home).toBeVisible();

  // Online, last: the job site's request, on a laptop (answering or declining would take the
  // holder's page to the job site).
  const laptop = await (await browser.newContext({ deviceScaleFactor: 2 })).newPage();
  await laptop.goto(demo.verifier.url);
  await laptop.getByRole('button', { name: 'Prove my right to work' }).click();
  const online = await laptop.locator('.qr svg').screenshot();
  await goInApp(holder, '/');
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(online));
  await shoot(holder, 'consentOnline', holder.getByTestId('registered'));

  // The corner shop asks for name and date of birth beyond its registration (age only): the warning and the marked claims.
  await laptop.goto(demo.shop.url);
  await laptop.getByRole('button', { name: 'Prove you are over 18', exact: true }).click();
  const overAsking = await laptop.locator('.qr svg').screenshot();
  await goInApp(holder, '/');
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(overAsking));
  await shoot(holder, 'consentOverAsking', holder.getByTestId('beyond-registration'));

  // People you help (issue 16): Mum added, Margaret Jones's licence received into her space
  // ("Whose is this?"), the home screen showing Mum, her licence, and removing her (not done).
  await goInApp(holder, '/');
  await goInApp(holder, '/people/add');
  await holder.getByRole('textbox', { name: 'Their name' }).fill('Mum');
  await holder.getByRole('button', { name: 'Add person' }).click();
  await expect(holder.getByTestId('people-list')).toContainText('Mum');
  await shoot(holder, 'people', holder.getByTestId('people-list'));
  await goInApp(holder, '/');
  await holder.getByTestId('person-switcher').getByRole('button', { name: 'Mum' }).click();
  const admin = await holder.context().newPage();
  const mumsOffer = await makeOffer(admin, demo.servers.adminUrl, /^Driving licence/, /Margaret/);
  await admin.close();
  await holder.getByRole('button', { name: 'Add a credential' }).click();
  await holder.getByRole('textbox', { name: 'Offer link or text' }).fill(mumsOffer.text);
  await holder.getByRole('button', { name: 'Continue' }).click();
  await shoot(holder, 'receiveWhose', holder.getByTestId('whose-is-this'));
  await acceptOffer(holder, 'Driver and Vehicle Licensing Agency', mumsOffer.txCode);
  await expect(holder.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
  await goInApp(holder, '/');
  const mums = heading(holder, "Mum's credentials");
  await expect(holder.getByTestId('credential-card')).toHaveCount(1);
  await shoot(holder, 'homeMum', mums);
  await holder.getByTestId('credential-card').getByRole('link', { name: /Driving licence/ }).click();
  await shoot(holder, 'credentialMum', heading(holder, "Mum's driving licence"));
  await goInApp(holder, '/people');
  await holder.getByTestId('person-row').nth(1).getByRole('link').click();
  await shoot(holder, 'removePerson', holder.getByTestId('remove-warning'));
});
