/**
 * A DBS certificate through the department's sign-in (OpenID4VCI 1.0 authorization code flow with
 * PAR, PKCE and DPoP), against the reference servers as `npm start` runs them, on one phone
 * (same device): the offer from the admin page is reviewed, "Continue to sign in" opens the
 * reference sign-in page; the app is closed there and opened again (the offer waits under "On
 * their way"), "Continue" opens a new sign-in; after signing in the browser comes back to
 * /authorised, where the app, loaded afresh, is reloaded before unlocking; unlocking finishes and
 * the certificate is shown, with the code gone from the address bar. Then wallet-initiated: "Get a
 * credential from a department", the DBS check chosen, signed in for, added. No signal on the way
 * back: it says where it stopped and finishes online. Cancelled on the sign-in page: nothing added,
 * "Sign in again" from "On their way". Each new screen is
 * scanned for WCAG 2.2 A/AA and pictured at 360×740 in English and Welsh in the test's output folder.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/server/reference/demo-people';
import { expect, goInApp, test } from './demo-fixtures';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 300_000 });
test.use({ viewport: { width: 360, height: 740 } });

const DBS = 'Disclosure and Barring Service';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/** The screen scanned and pictured in English, then in Welsh (switched in place: the app keeps its state), then English again. */
async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expectNoViolations(page, `${name} (en)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-en.png`) });
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  await expectNoViolations(page, `${name} (cy)`);
  await page.screenshot({ path: testInfo.outputPath(`${name}-cy.png`) });
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** The admin page's DBS offer: its wallet link, and the email of the person who must sign in. */
async function dbsOffer(admin: Page, adminUrl: string): Promise<{ walletLink: string; email: string }> {
  await admin.goto(adminUrl);
  const credential = admin.getByLabel('Credential');
  const option = (await credential.locator('option').allTextContents()).find((label) => /^Basic DBS/.test(label))!;
  await credential.selectOption({ label: option });
  await admin.getByRole('button', { name: 'Create offer' }).click();
  await expect(admin.locator('#sign-in')).toBeVisible();
  return {
    walletLink: (await admin.locator('#wallet-link').getAttribute('href'))!,
    email: (await admin.locator('#sign-in code').first().textContent())!.trim(),
  };
}

/** On the reference sign-in page: sign in as `email`; the browser goes back to the app's /authorised. */
async function signIn(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/authorised\?/);
}

test('a DBS certificate through the sign-in, the app closed and reloaded on the way', async ({ page, context, demo }, testInfo) => {
  await setUpVault(page);
  const admin = await context.newPage();
  const offer = await dbsOffer(admin, demo.servers.adminUrl);
  await admin.close();

  // The offer link: unlock, then the review says why the DBS needs the person to sign in.
  await page.goto(offer.walletLink);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Check before you add this credential' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: `Sign in to ${DBS}` })).toBeVisible();
  await expect(page.getByText(`${DBS} needs to know it is you before it issues your Basic DBS check.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to sign in' })).toBeInViewport();
  await checkScreen(page, testInfo, 'sign-in-review');
  // In Welsh too, the main action is on the phone's first screen.
  await page.getByRole('link', { name: 'Cymraeg', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Parhau i fewngofnodi' })).toBeInViewport();
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 30_000 });

  // The app is closed at the sign-in page and opened again: the offer waits for the sign-in.
  await page.close();
  const app = await context.newPage();
  await app.goto('/');
  await unlock(app);
  const pending = app.getByTestId('pending-offers');
  await expect(pending).toContainText('Waiting for you to sign in', { timeout: 30_000 });
  await checkScreen(app, testInfo, 'sign-in-pending');
  await pending.getByRole('button', { name: /^Continue/ }).click();
  await signIn(app, offer.email);

  // Back at /authorised, the app is loaded afresh (locked) and is reloaded before unlocking.
  await expect(app.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText('Unlock to finish adding the credential you signed in for.')).toBeVisible();
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible({ timeout: 30_000 });
  const code = new URL(app.url()).searchParams.get('code')!;
  expect(code).toBeTruthy();
  await checkScreen(app, testInfo, 'sign-in-unlock');
  await unlock(app);
  await expect(app.getByRole('heading', { level: 1, name: 'Credential added' })).toBeVisible({ timeout: 60_000 });
  await expect(app.locator('.govuk-panel__body')).toHaveText('Basic DBS check');
  // The code has left the address bar and is nowhere in web storage.
  expect(new URL(app.url()).pathname).toBe('/authorised');
  expect(new URL(app.url()).search).toBe('');
  expect(await app.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(code);
  await checkScreen(app, testInfo, 'sign-in-added');

  await app.getByRole('link', { name: 'View your credential' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Basic DBS check/ })).toBeVisible({ timeout: 30_000 });
  await goInApp(app, '/');
  await expect(app.getByTestId('credential-card').filter({ hasText: 'Basic DBS check' }).getByTestId('status-tag')).toHaveText('Valid');
  await expect(app.getByTestId('pending-offers')).toHaveCount(0);
});

test('wallet-initiated: "Get a credential from a department", the DBS check chosen and signed in for', async ({ page }, testInfo) => {
  await setUpVault(page);
  await page.getByRole('link', { name: 'Get a credential from a department' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Get a credential from a department' })).toBeVisible({ timeout: 30_000 });
  const choice = page.getByRole('radio', { name: 'Basic DBS check' });
  await expect(choice).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`From ${DBS}`)).toBeVisible();
  await checkScreen(page, testInfo, 'get-credential');
  await choice.check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Sign in to ${DBS}` })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  // Wallet-initiated: whoever signs in gets their own certificate.
  await signIn(page, 'sam.okafor@example.com');
  // The page was loaded afresh at /authorised: unlock, then it finishes.
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Credential added' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'View your credential' }).click();
  await expect(page.getByTestId('claims')).toContainText('Okafor', { timeout: 30_000 });
});

test('no signal when back from the sign-in page: it says where it stopped, and finishes when the connection returns', async ({ page, context, demo }, testInfo) => {
  await setUpVault(page);
  const admin = await context.newPage();
  const offer = await dbsOffer(admin, demo.servers.adminUrl);
  await admin.close();
  await page.goto(offer.walletLink);
  await unlock(page);
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await signIn(page, offer.email);
  // Signed in and back in the app, which is locked: the signal goes before Satchel can fetch the certificate.
  await context.setOffline(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Satchel' })).toBeVisible({ timeout: 30_000 });
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting for a connection' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('You have signed in, but you are offline.')).toBeVisible();
  await checkScreen(page, testInfo, 'sign-in-offline');
  await goInApp(page, '/');
  await expect(page.getByTestId('pending-offers')).toContainText('Waiting for a connection');

  await context.setOffline(false);
  await expect(page.getByTestId('credential-card').filter({ hasText: 'Basic DBS check' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pending-offers')).toHaveCount(0);
});

test('the person cancels on the sign-in page: nothing added, and "Sign in again" from their credentials gets it', async ({ page, context, demo }, testInfo) => {
  await setUpVault(page);
  const admin = await context.newPage();
  const offer = await dbsOffer(admin, demo.servers.adminUrl);
  await admin.close();
  await page.goto(offer.walletLink);
  await unlock(page);
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Back at /authorised with error=access_denied (RFC 6749 §4.1.2.1), the app loaded afresh.
  await page.waitForURL(/\/authorised\?/);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your credential has not been added' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Signing in was cancelled or refused, so nothing has been added.')).toBeVisible();
  await checkScreen(page, testInfo, 'sign-in-cancelled');

  await page.getByRole('link', { name: 'Go to your credentials' }).click();
  const pending = page.getByTestId('pending-offers');
  await expect(pending).toContainText('Signing in was cancelled or refused', { timeout: 30_000 });
  await checkScreen(page, testInfo, 'sign-in-failed-pending');
  await pending.getByRole('button', { name: /^Sign in again/ }).click();
  await signIn(page, offer.email);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Credential added' })).toBeVisible({ timeout: 60_000 });
  await goInApp(page, '/');
  await expect(page.getByTestId('credential-card').filter({ hasText: 'Basic DBS check' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('pending-offers')).toHaveCount(0);
});
