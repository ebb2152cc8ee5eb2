/**
 * Issue 11: real credentials from the reference departments (a driving licence with an address
 * and driving privileges, a right to work, a veteran card) read as a person would write them, in
 * English and in Welsh. On the home screen, each credential's detail and Activity, the text on
 * screen is scanned for raw claim keys (snake_case), ISO 8601 and US-style dates, and, in Welsh,
 * for words of the English catalogue that Welsh does not also use.
 */
import type { Page } from '@playwright/test';
import { cy, en } from '../shared/catalogues';
import { acceptOffer, expect, goInApp, makeOffer, test } from './demo-fixtures';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 240_000 });

const words = (text: string) => new Set(text.toLowerCase().match(/[a-zâêîôûŵŷáéíóúàèìòùäëïöüÿ’']+/g) ?? []);
const WELSH = words(Object.values(cy).join(' '));
const ENGLISH_ONLY = [...words(Object.values(en).join(' '))].filter((w) => w.length >= 4 && !WELSH.has(w) && w !== 'satchel');
/** What the departments wrote for the demo person Ada (demo-people.ts), shown as given. */
const DEPARTMENT_WORDS = ['Unlimited', 'None', 'Royal Navy', 'Heol y Frenhines', 'Cardiff'];

async function problems(page: Page, language: 'en' | 'cy'): Promise<string[]> {
  const main = page.locator('main');
  let text = await main.innerText();
  const found: string[] = [];
  for (const key of text.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []) found.push(`raw claim key "${key}"`);
  for (const date of text.match(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g) ?? []) found.push(`unformatted date "${date}"`);
  if (language === 'cy') {
    // Department text the department gave no Welsh for is marked lang="en" (WCAG 3.1.2): not the wallet's words.
    const marked = await main.locator('[lang="en"]').allInnerTexts();
    for (const given of [...DEPARTMENT_WORDS, ...marked]) text = text.split(given).join(' ');
    const seen = words(text);
    for (const word of ENGLISH_ONLY) if (seen.has(word)) found.push(`English word "${word}"`);
  }
  return found;
}

test('real credentials read as a person writes them, in English and Welsh', async ({ page, context, demo }) => {
  await setUpVault(page);
  const admin = await context.newPage();
  for (const [credential, department] of [[/^Driving licence/, 'Driver and Vehicle Licensing Agency'], [/^Right to work/, 'Home Office'], [/^Veteran card/, "Office for Veterans' Affairs"]] as const) {
    const offer = await makeOffer(admin, demo.servers.adminUrl, credential, /Ada/);
    await goInApp(page, '/');
    await page.getByRole('button', { name: 'Add a credential' }).click();
    await page.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
    await page.getByRole('button', { name: 'Continue' }).click();
    await acceptOffer(page, department, offer.txCode);
    await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
  }
  await admin.close();

  for (const language of ['en', 'cy'] as const) {
    const t = language === 'en' ? en : cy;
    if (language === 'cy') await page.getByRole('link', { name: 'Cymraeg' }).click();
    await goInApp(page, '/');
    const cards = page.getByTestId('credential-card');
    await expect(cards).toHaveCount(3, { timeout: 30_000 });
    await expect(cards.getByTestId('status-tag')).toHaveText([t['status.valid'], t['status.valid'], t['status.valid']]);
    expect(await problems(page, language), `home (${language})`).toEqual([]);

    for (let i = 0; i < 3; i++) {
      await goInApp(page, '/');
      await page.getByTestId('credential-card').nth(i).getByRole('link').click();
      await expect(page.getByTestId('claims')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('validity')).toContainText(t['credential.validUntil']);
      expect(await problems(page, language), `${await page.locator('h1').innerText()} (${language})`).toEqual([]);
    }
    // The licence: an address as lines, privileges as sentences, the date of birth written out.
    await goInApp(page, '/');
    await page.getByTestId('credential-card').filter({ hasText: language === 'en' ? 'Driving licence' : 'Trwydded yrru' }).getByRole('link').click();
    await expect(page.locator('[data-claim-shape="address"] li')).toHaveText(['12 Heol y Frenhines', 'Cardiff', 'CF10 2AA', language === 'en' ? 'United Kingdom' : 'Y Deyrnas Unedig']);
    await expect(page.locator('[data-claim-shape="driving-privileges"] li').first()).toHaveText(language === 'en' ? 'Category AM' : 'Categori AM');
    await expect(page.getByTestId('claims')).toContainText(language === 'en' ? '9 March 1984' : '9 Mawrth 1984');

    await goInApp(page, '/activity');
    await expect(page.getByTestId('activity-table')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('activity-table')).toContainText(language === 'en' ? 'Driver and Vehicle Licensing Agency' : 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    expect(await problems(page, language), `activity (${language})`).toEqual([]);
  }
});
