/**
 * Issue 16's evidence, end to end against the reference servers: a carer (Ada's phone) adds "Mum",
 * receives Margaret's driving licence into Mum's space and a lasting power of attorney from the
 * Office of the Public Guardian into her own; switching people on the home screen never shows the
 * other person's credential; she proves Mum's identity on her behalf to the community bank
 * (online: "Presented by Ada Jones on behalf of Margaret Jones…") and to a second phone's checker
 * (in person, no signal, purpose identity-for-finance: pass, the same line). The clerk revokes the
 * authority on the admin page while the carer's phone has no signal (so her Satchel still thinks
 * it good): the checker, after refreshing its status lists online, then offline again, fails the
 * next check with the reason; back online, her own Satchel no longer offers to answer for Mum. axe
 * clean on the new screens; English and Welsh; screenshots at 360×740.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, goInApp, test } from './demo-fixtures';
import { addPerson, aYearFromToday, DVLA, FINANCE_PURPOSE, issueAuthority, licenceOffer, OPG, receiveFor, revokeAuthority, showRequestAs } from './support/carers';
import { answerFrames, goOffline, openRequest, phone, scanAnswer } from './support/phones';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 420_000 });
test.use({ actionTimeout: 30_000 });

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PRESENTED = 'Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs)';

async function expectNoViolations(page: Page, label: string): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

/** A screenshot at the phone's size (360×740), kept with the test's output, and axe on the same screen. */
async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoViolations(page, name);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

async function switchLanguage(page: Page, to: 'cy' | 'en'): Promise<void> {
  await page.getByRole('link', { name: to === 'cy' ? 'Cymraeg' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Home, showing `who` ("You" or "Mum"): the list holds that person's credentials only, each marked as theirs. */
async function show(page: Page, who: string): Promise<void> {
  await goInApp(page, '/');
  await page.getByTestId('person-switcher').getByRole('button', { name: who, exact: true }).click();
  await expect(page.getByTestId('person-switcher').getByRole('button', { name: who, exact: true })).toHaveAttribute('aria-pressed', 'true');
}

/** The carer shares what is asked, on Mum's behalf, from the consent screen already open. */
async function consentOnMumsBehalf(carer: Page, verifier: RegExp): Promise<void> {
  const note = carer.getByTestId('on-behalf');
  await expect(note).toContainText('You are acting for Mum (Margaret Jones) under a lasting power of attorney (property and financial affairs).', { timeout: 30_000 });
  await expect(note).toContainText(verifier);
  await expect(note).toContainText("Mum's driving licence and your authority, with your name.");
  await carer.getByRole('button', { name: 'Share', exact: true }).click();
}

test('a carer acts for Mum: her licence and the authority, the bank online and a second phone offline; revoked, the next check fails', async ({ browser, demo, baseURL }, testInfo) => {
  const carer = await phone(browser, baseURL);
  await setUpVault(carer);

  // Ada's own licence (so both people hold one), then "Mum", Margaret's licence into her space, the LPA into Ada's own.
  await goInApp(carer, '/people/add');
  await look(carer, testInfo, 'add-person-en');
  await addPerson(carer, 'Mum');
  await look(carer, testInfo, 'people-en');
  await receiveFor(carer, await licenceOffer(carer, demo, /^Ada Jones/), DVLA, 'You');
  await receiveFor(carer, await licenceOffer(carer, demo, /^Margaret Jones/), DVLA, 'Mum', async () => look(carer, testInfo, 'whose-is-this-en'));
  // The clerk's own computer: it stays online when the carer's phone loses its signal.
  const admin = await (await browser.newContext()).newPage();
  // The authority is the carer's own (bound to her key): Satchel does not ask whose it is.
  await receiveFor(carer, await issueAuthority(admin, demo.servers.adminUrl), OPG, undefined);

  // Switching people never shows the other person's credential.
  await show(carer, 'Mum');
  await expect(carer.getByRole('heading', { level: 1 })).toHaveText("Mum's credentials");
  const mums = carer.getByTestId('credential-card');
  await expect(mums).toHaveCount(1);
  await expect(mums).toContainText('Driving licence');
  await expect(carer.getByTestId('credential-list')).not.toContainText('Lasting power of attorney');
  await look(carer, testInfo, 'home-mum-en');
  await mums.getByRole('link').click();
  await expect(carer.locator('main')).toContainText('Margaret');
  await expect(carer.locator('main')).not.toContainText('Ada');
  await show(carer, 'You');
  await expect(carer.getByRole('heading', { level: 1 })).toHaveText('Your credentials');
  const yours = carer.getByTestId('credential-card');
  await expect(yours).toHaveCount(2);
  await expect(carer.getByTestId('credential-list')).toContainText('Lasting power of attorney');
  await yours.filter({ hasText: 'Driving licence' }).getByRole('link').click();
  await expect(carer.locator('main')).toContainText('Ada');
  await expect(carer.locator('main')).not.toContainText('Margaret');

  // Welsh: the switcher and whose credentials are listed.
  await show(carer, 'Mum');
  await switchLanguage(carer, 'cy');
  await expect(carer.getByTestId('person-switcher')).toContainText('Yn dangos:');
  await expect(carer.getByTestId('person-switcher').getByRole('button', { name: 'Chi', exact: true })).toBeVisible();
  await expect(carer.getByTestId('credential-card')).toHaveCount(1);
  await look(carer, testInfo, 'home-mum-cy');
  await goInApp(carer, '/people');
  await look(carer, testInfo, 'people-cy');
  await goInApp(carer, '/people/add');
  await look(carer, testInfo, 'add-person-cy');
  await switchLanguage(carer, 'en');

  // Online, same device: the community bank asks for Mum's identity and the authority; it says who acted for whom.
  await carer.goto(demo.bank.url);
  await carer.getByRole('button', { name: 'Open an account for someone I act for' }).click();
  await carer.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(carer);
  await expect(carer.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await look(carer, testInfo, 'consent-on-behalf-en');
  await consentOnMumsBehalf(carer, /Cardiff Community Bank/);
  await expect(carer).toHaveURL(new RegExp(`^${demo.bank.url}`), { timeout: 30_000 });
  await expect(carer.locator('#on-behalf')).toHaveText(`${PRESENTED}, valid until ${aYearFromToday()}`, { timeout: 30_000 });
  await expect(carer.locator('.pass')).toHaveText('Both credentials verified: the person’s own and the authority to act for them.');
  await look(carer, testInfo, 'bank-result-en');

  // In person, no signal: a second phone checks "Identity of someone they act for: money and property".
  await carer.goto('/');
  await unlock(carer);
  await expect(carer.getByRole('heading', { level: 1 })).toBeVisible();
  const checker = await phone(browser, baseURL);
  await setUpVault(checker);
  await goInApp(checker, '/check');
  await expect(checker.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await goOffline(checker);
  await openRequest(carer, await showRequestAs(checker, FINANCE_PURPOSE, 'Cardiff Community Bank'));
  await switchLanguage(carer, 'cy');
  await expect(carer.getByTestId('on-behalf')).toContainText('Rydych chi’n gweithredu ar ran Mum (Margaret Jones) o dan atwrneiaeth arhosol (eiddo a materion ariannol).');
  await look(carer, testInfo, 'consent-on-behalf-cy');
  await switchLanguage(carer, 'en');
  await consentOnMumsBehalf(carer, /Cardiff Community Bank/);
  const passed = await scanAnswer(checker, await answerFrames(carer.getByTestId('response-qr'), carer));
  await expect(passed).toHaveAttribute('data-verdict', 'pass');
  await expect(passed.getByTestId('on-behalf')).toHaveAttribute('data-ok', 'true');
  await expect(passed.getByTestId('on-behalf')).toContainText(`${PRESENTED}, valid until ${aYearFromToday()}`);
  await look(checker, testInfo, 'check-on-behalf-pass-en');
  await switchLanguage(checker, 'cy');
  await expect(checker.getByTestId('on-behalf')).toContainText(/Wedi’i gyflwyno gan Ada Jones ar ran Margaret Jones, o dan atwrneiaeth arhosol \(eiddo a materion ariannol\), yn ddilys tan \d{1,2} \S+ \d{4}/);
  await look(checker, testInfo, 'check-on-behalf-pass-cy');
  await switchLanguage(checker, 'en');

  // The carer's phone loses its signal (her Satchel still thinks the authority good); the OPG's clerk revokes it.
  await goOffline(carer);
  await revokeAuthority(admin, demo.servers.adminUrl);

  // The checker, online again, refreshes its status lists (their ttl is 2 s here), goes offline, and the next check fails with the reason.
  await expect(async () => {
    await checker.context().setOffline(false);
    await goInApp(checker, '/');
    await goInApp(checker, '/check');
    await expect(checker.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 10_000 });
    await checker.context().setOffline(true);
    await openRequest(carer, await showRequestAs(checker, FINANCE_PURPOSE, 'Cardiff Community Bank'));
    await consentOnMumsBehalf(carer, /Cardiff Community Bank/);
    const failed = await scanAnswer(checker, await answerFrames(carer.getByTestId('response-qr'), carer));
    await expect(failed).toHaveAttribute('data-verdict', 'fail', { timeout: 1000 });
    await expect(failed.getByTestId('on-behalf')).toHaveAttribute('data-ok', 'false');
    await expect(failed.getByTestId('on-behalf')).toContainText('The authority to act for them has been cancelled');
  }).toPass({ timeout: 180_000 });
  const failed = checker.getByTestId('check-result');
  await expect(failed.getByTestId('on-behalf')).not.toContainText('Presented by');
  await look(checker, testInfo, 'check-on-behalf-revoked-en');
  await switchLanguage(checker, 'cy');
  await expect(checker.getByTestId('on-behalf')).toContainText('Mae’r awdurdod i weithredu ar eu rhan wedi’i ganslo');
  await look(checker, testInfo, 'check-on-behalf-revoked-cy');

  // Back online, the carer's own Satchel learns the authority was cancelled and no longer offers to answer for Mum.
  await carer.context().setOffline(false);
  await expect(async () => {
    await carer.goto(demo.bank.url);
    await carer.getByRole('button', { name: 'Open an account for someone I act for' }).click();
    await carer.getByRole('link', { name: 'open Satchel to share' }).click();
    await unlock(carer);
    await expect(carer.locator('main')).toContainText('Mum: your lasting power of attorney for them has been cancelled.', { timeout: 15_000 });
  }).toPass({ timeout: 120_000 });
  await expect(carer.getByTestId('on-behalf')).toHaveCount(0);
});
