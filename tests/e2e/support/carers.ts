/**
 * Steps of the carers specs (issue 16, docs/carers.md): adding a person the holder helps, receiving
 * a credential into someone's space ("Whose is this?"), the OPG's clerk issuing and revoking a
 * lasting power of attorney on the admin page, and a checker asking on someone's behalf.
 */
import type { Page } from '@playwright/test';
import { acceptOffer, expect, goInApp, makeOffer, type DemoEnvironment, type Offer } from '../demo-fixtures';

export const DVLA = 'Driver and Vehicle Licensing Agency';
export const OPG = 'Office of the Public Guardian';
/** The demo's registered authority: Ada acts for her mother Margaret (demo-people.ts DEMO_AUTHORITIES). */
export const FINANCE_AUTHORITY = 'ada-for-margaret-finance';
export const FINANCE_PURPOSE = 'Identity of someone they act for: money and property';

/** People you help → Add a person → their name (the holder's own label). */
export async function addPerson(page: Page, name: string): Promise<void> {
  await goInApp(page, '/');
  await goInApp(page, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People you help' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Add a person' }).click();
  await page.getByRole('textbox', { name: 'Their name' }).fill(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People you help' })).toBeVisible({ timeout: 30_000 });
}

/** The OPG's clerk presses the authority's button on the admin page; the offer page gives its text and code. */
export async function issueAuthority(admin: Page, adminUrl: string, authorityId = FINANCE_AUTHORITY): Promise<Offer> {
  await admin.goto(adminUrl);
  await admin.locator(`#authority-${authorityId}`).click();
  await expect(admin.locator('h1')).toContainText('Offer: Lasting power of attorney');
  return {
    walletLink: (await admin.locator('#wallet-link').getAttribute('href'))!,
    text: await admin.locator('#offer-text').inputValue(),
    txCode: (await admin.locator('#tx-code').textContent())!.trim(),
  };
}

/**
 * The holder pastes an offer and, asked "Whose is this?", picks `whose` ("You", "Mum") before adding
 * it; with `whose` undefined (an authority, always the holder's own) Satchel must not ask.
 */
export async function receiveFor(page: Page, offer: Offer, issuer: string, whose: string | undefined, onReview?: () => Promise<void>): Promise<void> {
  await goInApp(page, '/');
  await page.getByRole('button', { name: 'Add a credential' }).click();
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('offer-summary')).toContainText(issuer, { timeout: 30_000 });
  const question = page.getByTestId('whose-is-this');
  if (whose === undefined) await expect(question).toHaveCount(0);
  else await question.getByRole('radio', { name: whose, exact: true }).check();
  await onReview?.();
  await acceptOffer(page, issuer, offer.txCode);
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
}

/** The DVLA's clerk makes a licence offer for a demo person. */
export async function licenceOffer(page: Page, demo: DemoEnvironment, person: RegExp): Promise<Offer> {
  const admin = await page.context().newPage();
  const offer = await makeOffer(admin, demo.servers.adminUrl, /^Driving licence/, person);
  await admin.close();
  return offer;
}

/** The clerk revokes the authority's row on the admin page (its row names who acts for whom). */
export async function revokeAuthority(admin: Page, adminUrl: string, authorityId = FINANCE_AUTHORITY): Promise<void> {
  await admin.goto(adminUrl);
  const row = admin.locator(`tr[data-authority="${authorityId}"]`).last();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.locator(`tr[data-authority="${authorityId}"]`).last().locator('td[data-status]')).toHaveAttribute('data-status', 'revoked');
}

/** Checker: choose a purpose and a name, show the request code; returns its picture. */
export async function showRequestAs(checker: Page, purpose: string, name: string): Promise<Buffer> {
  await goInApp(checker, '/');
  await goInApp(checker, '/check');
  await expect(checker.getByLabel('Your name or organisation')).toBeVisible({ timeout: 30_000 });
  // The on-behalf purposes are listed in place of the others once asked for (so "Show my code" stays on the first screen).
  const option = checker.getByLabel(purpose);
  if (!(await option.isVisible())) await checker.getByTestId('purposes-on-behalf').click();
  await option.check();
  await checker.getByLabel('Your name or organisation').fill(name);
  await checker.getByRole('button', { name: 'Show my code' }).click();
  return checker.getByTestId('request-qr-code').screenshot();
}

/** "1 December 2027": how the screens write the day a credential issued now is valid until (a year on). */
export function aYearFromToday(language: 'en' | 'cy' = 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'cy-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.now() + 365 * 24 * 3600 * 1000));
}
