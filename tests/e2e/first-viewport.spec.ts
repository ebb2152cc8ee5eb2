/**
 * The screen belongs to the task: on a 360×740 phone, every screen of the README's
 * "Trying it" path shows its main action — and any code to scan — without scrolling, and no
 * screen is wider than the phone. Code screens are checked at 320×640 too: the other phone must be
 * able to scan straight away.
 */
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { acceptOffer, expect, goInApp, makeOffer, test } from './demo-fixtures';
import { fromMenu } from './support/service-menu';
import { picture } from './support/phones';
import { PIN } from './vault-steps';

test.describe.configure({ timeout: 480_000 });

const PHONE = { width: 360, height: 740 };
const SMALL_PHONE = { width: 320, height: 640 };

/** Two pixels per CSS pixel, so every QR module is several screenshot pixels wide. */
async function phone(browser: Browser, baseURL?: string): Promise<Page> {
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), deviceScaleFactor: 2, viewport: PHONE });
  return context.newPage();
}

/**
 * The element's bottom edge, measured from the top of the document, is within the first
 * viewport: seen without scrolling. Also: nothing on the page is wider than the screen.
 */
async function expectInFirstViewport(screen: string, target: Locator, testInfo: TestInfo): Promise<void> {
  const page = target.page();
  await expect(target, screen).toBeVisible({ timeout: 30_000 });
  const { bottom, viewportHeight, scrollWidth, viewportWidth } = await target.evaluate((element) => ({
    bottom: element.getBoundingClientRect().bottom + scrollY,
    viewportHeight: innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
  }));
  // Kept beside the test's results, for a person to look at.
  await page.screenshot({ path: testInfo.outputPath(`${screen.replace(/\W+/g, '-')}-${viewportWidth}x${viewportHeight}.png`) });
  // Soft: one run lists every screen that does not fit.
  expect.soft(bottom, `${screen}: bottom of its main action at ${viewportWidth}×${viewportHeight}`).toBeLessThanOrEqual(viewportHeight);
  expect.soft(scrollWidth, `${screen}: page width at ${viewportWidth} px`).toBeLessThanOrEqual(viewportWidth);
}

/** A code screen: the code fits the first viewport at 360×740 and at 320×640. */
async function expectCodeInFirstViewport(screen: string, code: Locator, testInfo: TestInfo): Promise<void> {
  const page = code.page();
  await expectInFirstViewport(screen, code, testInfo);
  await page.setViewportSize(SMALL_PHONE);
  await page.evaluate(() => scrollTo(0, 0));
  await expectInFirstViewport(screen, code, testInfo);
  await page.setViewportSize(PHONE);
}

async function setUp(page: Page, testInfo: TestInfo): Promise<void> {
  await page.goto('/');
  await expectInFirstViewport('start', page.getByRole('button', { name: 'Start now' }), testInfo);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expectInFirstViewport('choose a PIN', page.getByRole('button', { name: 'Continue' }), testInfo);
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery code' })).toBeVisible({ timeout: 30_000 });
  await expectInFirstViewport('recovery code', page.getByRole('button', { name: 'Continue' }), testInfo);
  await page.getByLabel('I have saved my recovery code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const home = page.getByRole('heading', { level: 1, name: 'Your credentials' });
  const passkeyOffer = page.getByRole('link', { name: 'Not now, use my PIN only' });
  await expect(home.or(passkeyOffer)).toBeVisible();
  if (await passkeyOffer.isVisible()) await passkeyOffer.click();
  await expect(home).toBeVisible();
}

/** Every frame of a looping code, paused and stepped through. */
async function allFrames(page: Page, view: Locator, code: Locator): Promise<Buffer[]> {
  const total = Number(await view.getAttribute('data-frame-total'));
  if (total > 1) await page.getByRole('button', { name: 'Pause' }).click();
  const frames: Buffer[] = [];
  let index = Number(await view.getAttribute('data-frame-index'));
  for (let i = 0; i < total; i++) {
    frames[index] = await code.screenshot();
    if (total === 1) break;
    await page.getByRole('button', { name: 'Next code' }).click();
    index = (index + 1) % total;
    await expect(view).toHaveAttribute('data-frame-index', String(index));
  }
  return frames;
}

test('the README path at 360×740: each screen’s main action and code without scrolling', async ({ browser, demo, baseURL }, testInfo) => {
  const holder = await phone(browser, baseURL);
  const checker = await phone(browser, baseURL);
  await setUp(holder, testInfo);
  await expectInFirstViewport('home, empty', holder.getByRole('button', { name: 'Add a credential' }), testInfo);

  // Add a credential from the admin page: "Open in Satchel" reloads the app, which asks for the PIN.
  const admin = await holder.context().newPage();
  const offer = await makeOffer(admin, demo.servers.adminUrl, /^Right to work/);
  await admin.close();
  await holder.goto(offer.walletLink);
  await expectInFirstViewport('unlock', holder.getByRole('button', { name: 'Unlock' }), testInfo);
  await holder.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(PIN);
  await holder.getByRole('button', { name: 'Unlock' }).click();
  await expect(holder.getByRole('heading', { level: 1, name: 'Check before you add this credential' })).toBeVisible({ timeout: 30_000 });
  await expectInFirstViewport('review an offer', holder.getByRole('button', { name: 'Add to Satchel' }), testInfo);
  await acceptOffer(holder, 'Home Office', offer.txCode);
  await expect(holder.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
  await goInApp(holder, '/');
  await expectInFirstViewport('home with a credential', holder.getByRole('button', { name: 'Share a credential' }), testInfo);

  // In person: the checker shows a request code, the holder reads it and answers with codes.
  await setUp(checker, testInfo);
  // The menu is one button on a phone, named for screen readers and saying whether it is open.
  const menu = checker.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await fromMenu(checker, 'Check someone');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await checker.getByRole('radio', { name: /right to work/i }).check();
  await checker.getByLabel('Your name or organisation').fill('Corner shop');
  await expectInFirstViewport('check: what to check', checker.getByRole('button', { name: 'Show my code' }), testInfo);
  await checker.getByRole('button', { name: 'Show my code' }).click();
  const requestCode = checker.getByTestId('request-qr-code');
  await expectCodeInFirstViewport('check: request code', requestCode, testInfo);

  await holder.getByRole('button', { name: 'Share a credential' }).click();
  await expectInFirstViewport('share: read the request', holder.getByRole('button', { name: 'Open camera' }), testInfo);
  await holder.locator('#request-image').setInputFiles(picture(await requestCode.screenshot()));
  await expect(holder.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await expectInFirstViewport('share: consent', holder.getByRole('button', { name: 'Share', exact: true }), testInfo);
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  const answer = holder.getByTestId('response-qr');
  await expectCodeInFirstViewport('share: answer code', holder.getByTestId('response-qr-code'), testInfo);

  for (const frame of await allFrames(holder, answer, holder.getByTestId('response-qr-code'))) {
    await checker.locator('#response-image').setInputFiles(picture(frame));
  }
  const result = checker.getByTestId('check-result');
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  // A result's main message is its verdict: the panel's heading.
  await expectInFirstViewport('check: result', result.getByRole('heading').first(), testInfo);

  // Quick show, for a checker who cannot show a code.
  await goInApp(holder, '/share/quick');
  await holder.getByRole('button', { name: 'Right to work' }).click();
  await expect(holder.locator('.govuk-checkboxes__input:checked').first()).toBeChecked();
  await holder.getByRole('button', { name: 'Make the code' }).click();
  await expectCodeInFirstViewport('quick show: code', holder.getByTestId('response-qr-code'), testInfo);

  // Activity: every record fits the screen, its Delete button too.
  await fromMenu(holder, 'Activity');
  await expectInFirstViewport('activity', holder.getByRole('heading', { level: 1, name: 'Activity' }), testInfo);
  const deleteButtons = holder.getByRole('button', { name: /^Delete/ });
  await expect(deleteButtons.first()).toBeVisible();
  for (const size of [PHONE, SMALL_PHONE]) {
    await holder.setViewportSize(size);
    for (const button of await deleteButtons.all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width, 'a Delete button inside the screen').toBeLessThanOrEqual(size.width);
    }
    expect(await holder.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  await holder.setViewportSize(PHONE);

  // The job site, on a phone: its buttons, its code, and its result page fit the screen.
  const jobSite = await phone(browser);
  await jobSite.goto(demo.verifier.url);
  await expectInFirstViewport('job site: apply', jobSite.getByRole('button', { name: 'Prove my right to work' }), testInfo);
  await jobSite.getByRole('button', { name: 'Prove my right to work' }).click();
  const siteCode = jobSite.locator('.qr svg');
  await expectCodeInFirstViewport('job site: request code', siteCode, testInfo);
  await expect(jobSite.getByText('Scan a code')).toHaveCount(0);
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(await siteCode.screenshot()));
  // Online, the consent also says where the answer goes: Share still on the first screen.
  await expect(holder.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await expect(holder.getByTestId('response-origin')).toBeVisible();
  await expectInFirstViewport('share online: consent', holder.getByRole('button', { name: 'Share', exact: true }), testInfo);
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(jobSite.getByRole('heading', { level: 1, name: 'Verified' })).toBeVisible({ timeout: 60_000 });
  await expectInFirstViewport('job site: result', jobSite.locator('.pass'), testInfo);
  for (const size of [PHONE, SMALL_PHONE]) {
    await jobSite.setViewportSize(size);
    expect(await jobSite.evaluate(() => document.documentElement.scrollWidth), `job site result at ${size.width} px`).toBeLessThanOrEqual(size.width);
  }
});
