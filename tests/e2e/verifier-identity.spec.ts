/**
 * Who is asking (issue 14; docs/sharing.md), against the two reference verifiers, each signing its
 * requests with its certificate from the reference register (OpenID4VP 1.0 §5.9.3): the job site's
 * request (x509_san_dns:localhost) shows the register's name and registration; the corner shop's
 * (x509_hash:), which asks beyond its registration, shows the warning and marks those claims; a
 * request whose signature no longer matches is stopped, nothing sent. Each consent state is
 * screenshotted at 360×740 in English and Welsh into the test's output folder (to look at) and
 * checked for WCAG 2.2 A/AA violations (axe) in both.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, goInApp, test, type DemoEnvironment } from './demo-fixtures';
import { openRequest, phone, receive, showRequest } from './support/phones';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 240_000 });

const CONSENT = 'Do you want to share this?';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/**
 * The screen in English, then in Welsh (switched in place: the app keeps the screen's state), then
 * English again: a screenshot of each, and no WCAG 2.2 A/AA violations in either.
 */
async function shots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}-en.png`) });
  await expectNoViolations(page, `${name} (en)`);
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  await page.screenshot({ path: testInfo.outputPath(`${name}-cy.png`) });
  await expectNoViolations(page, `${name} (cy)`);
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** A phone with a vault and `credential` from the admin page's offer. */
async function holderWith(browser: import('@playwright/test').Browser, demo: DemoEnvironment, credential: RegExp, issuer: string): Promise<Page> {
  const page = await phone(browser, demo.appUrl);
  await page.goto('/');
  await setUpVault(page);
  await receive(page, demo, credential, issuer);
  return page;
}

/** On the verifier's site, press `button` and follow its same-device link into the wallet, up to consent. */
async function askFrom(page: Page, siteUrl: string, button: string): Promise<void> {
  await page.goto(siteUrl);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: CONSENT })).toBeVisible({ timeout: 30_000 });
}

test('the job site\'s signed request: the register\'s name and registration, where the answer goes; shared', async ({ browser, demo }, testInfo) => {
  const page = await holderWith(browser, demo, /^Right to work/, 'Home Office');
  await askFrom(page, demo.verifier.url, 'Prove my right to work');
  await expect(page.getByTestId('requester')).toHaveText('Example Jobs Ltd is asking.');
  const registered = page.getByTestId('registered');
  await expect(registered.locator('.govuk-tag--green')).toHaveText('Registered verifier');
  await expect(registered).toContainText('Registered to check the right to work and identity');
  await expect(page.getByTestId('response-origin')).toContainText(new URL(demo.verifier.url).origin);
  // The name the request gives itself is not what the person is shown.
  await expect(page.locator('main')).not.toContainText('Acme Café jobs');
  await expect(page.getByTestId('unregistered')).toHaveCount(0);
  await expect(page.getByTestId('beyond-registration')).toHaveCount(0);
  await expect(page.getByTestId('beyond-hint')).toHaveCount(0);
  await shots(page, testInfo, 'consent-registered');
  await expect(page.getByTestId('registered')).toContainText('Registered to check the right to work and identity');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${demo.verifier.url}`), { timeout: 30_000 });
  await expect(page.locator('body')).toContainText('The credential verified.', { timeout: 30_000 });
});

test('the corner shop asks beyond its registration: a warning above the claims, each such claim marked', async ({ browser, demo }, testInfo) => {
  const page = await holderWith(browser, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency');
  await askFrom(page, demo.shop.url, 'Prove you are over 18');
  await expect(page.getByTestId('requester')).toHaveText('Corner Shop Ltd is asking.');
  await expect(page.getByTestId('registered')).toContainText('Registered to check age for age-restricted sales');
  await expect(page.getByTestId('beyond-registration')).toContainText('Corner Shop Ltd is asking for more than it is registered for');
  const item = (label: string) => page.locator('.govuk-checkboxes__item').filter({ has: page.getByText(label, { exact: true }) });
  await expect(item('Aged 18 or over').getByTestId('beyond-hint')).toHaveCount(0);
  for (const label of ['Given name', 'Family name', 'Date of birth']) {
    await expect(item(label).getByTestId('beyond-hint')).toHaveText('Not covered by their registration');
  }
  await shots(page, testInfo, 'consent-over-asking');

  // Still the person's choice: they leave out what the shop is not registered for, and share the rest.
  for (const label of ['Given name', 'Family name', 'Date of birth']) await page.getByLabel(label, { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${demo.shop.url}`), { timeout: 30_000 });
  // The shop received the age only, and says what it asked for and did not get.
  await expect(page.locator('body')).toContainText('not shared, though asked for: given_name, family_name, birth_date', { timeout: 30_000 });
  await expect(page.locator('body')).toContainText('age_over_18');
});

test('a signed request changed on the way is stopped: why, what to do, and nothing sent', async ({ browser, demo }, testInfo) => {
  const page = await holderWith(browser, demo, /^Right to work/, 'Home Office');
  // The job site's genuine request object, its nonce changed after signing.
  const site = await page.context().newPage();
  await site.goto(demo.verifier.url);
  await site.getByRole('button', { name: 'Prove my right to work' }).click();
  const sameDevice = new URL((await site.getByRole('link', { name: 'open Satchel to share' }).getAttribute('href'))!);
  const clientId = sameDevice.searchParams.get('client_id')!;
  const jws = (await (await site.request.get(sameDevice.searchParams.get('request_uri')!)).text()).trim();
  const [header, payload, signature] = jws.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const changed = Buffer.from(JSON.stringify({ ...claims, nonce: 'changed-on-the-way' })).toString('base64url');
  const link = `openid4vp://?client_id=${encodeURIComponent(clientId)}&request=${header}.${changed}.${signature}`;

  await goInApp(page, '/');
  await goInApp(page, '/share');
  await page.getByRole('textbox', { name: 'Or paste a request link' }).fill(link);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Satchel stopped this request' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('refused-reason')).toHaveText('This request says it is from localhost. The request’s signature does not match its certificate. It may have been changed on the way, or it is not from who it says.');
  await expect(page.getByTestId('refused')).toContainText('Nothing has been shared');
  await shots(page, testInfo, 'refused-bad-signature');
  // The job site is still waiting: nothing reached it, not even a "no".
  await expect(site.locator('body')).not.toContainText('Nothing was shared');
  await expect(site.locator('body')).not.toContainText('The credential verified.');
});

test('in person (a checker\'s phone) the verifier is unregistered: the plain warning', async ({ browser, demo }, testInfo) => {
  const holder = await holderWith(browser, demo, /^Right to work/, 'Home Office');
  const checker = await phone(browser, demo.appUrl);
  await checker.goto('/');
  await setUpVault(checker);
  await openRequest(holder, await showRequest(checker, 'Right to work'));
  await expect(holder.getByTestId('requester')).toHaveText('Corner shop is asking.');
  await expect(holder.getByTestId('unregistered')).toContainText('Satchel could not confirm who this is. Only share if you trust them.');
  await expect(holder.getByTestId('registered')).toHaveCount(0);
  await expect(holder.getByRole('button', { name: 'Share', exact: true })).toBeEnabled();
  await shots(holder, testInfo, 'consent-unregistered');
});
