/**
 * Issue 16, "helping is not authority", end to end: a carer who keeps Mum's licence (and her own)
 * but holds no authority for her helps Mum show her own licence to the job site (a request with no
 * authority query). With Mum chosen on the home screen, the consent says it is Mum's licence and
 * that this is help, not acting for her; the site verifies it and says nothing of anyone's behalf.
 * Asked on Mum's behalf (the community bank) with no authority held, Satchel says it cannot answer
 * for anyone, and why.
 */
import type { Page } from '@playwright/test';
import { expect, goInApp, test } from './demo-fixtures';
import { addPerson, DVLA, licenceOffer, receiveFor } from './support/carers';
import { phone } from './support/phones';
import { setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

/** Home, showing `who`: what the carer shares next is taken from that person's credentials first. */
async function show(page: Page, who: string): Promise<void> {
  await goInApp(page, '/');
  await page.getByTestId('person-switcher').getByRole('button', { name: who, exact: true }).click();
  await expect(page.getByTestId('person-switcher').getByRole('button', { name: who, exact: true })).toHaveAttribute('aria-pressed', 'true');
}

test('a carer helps Mum show her own licence (no authority claimed), and cannot answer on her behalf without an authority', async ({ browser, demo, baseURL }) => {
  const carer = await phone(browser, baseURL);
  await setUpVault(carer);
  await addPerson(carer, 'Mum');
  await receiveFor(carer, await licenceOffer(carer, demo, /^Ada Jones/), DVLA, 'You');
  await receiveFor(carer, await licenceOffer(carer, demo, /^Margaret Jones/), DVLA, 'Mum');

  // Cross device: the job site's code on a computer, scanned by the carer's Satchel while it shows Mum.
  const desktop = await (await browser.newContext({ deviceScaleFactor: 2 })).newPage();
  await desktop.goto(demo.verifier.url);
  await desktop.getByRole('button', { name: 'Prove I am over 18', exact: true }).click();
  const code = await desktop.locator('.qr svg').screenshot();
  await show(carer, 'Mum');
  await goInApp(carer, '/share');
  await carer.locator('#request-image').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: code });
  await expect(carer.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  const help = carer.getByTestId('assisted-use');
  await expect(help).toContainText('You are helping Mum show their own driving licence.');
  await expect(help).toContainText('This does not say you act for them.');
  await expect(carer.getByTestId('on-behalf')).toHaveCount(0);
  await carer.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(desktop.locator('body')).toContainText('The credential verified.', { timeout: 30_000 });
  await expect(desktop.locator('body')).not.toContainText('on behalf of');

  // Asked on Mum's behalf with no authority for her: Satchel cannot answer for anyone, and says why.
  await carer.goto(demo.bank.url);
  await carer.getByRole('button', { name: 'Open an account for someone I act for' }).click();
  await carer.getByRole('link', { name: 'open Satchel to share' }).click();
  await unlock(carer);
  await expect(carer.locator('main')).toContainText('You cannot answer this for anyone.', { timeout: 30_000 });
  await expect(carer.locator('main')).toContainText('Mum: you do not hold a lasting power of attorney for them.');
  await expect(carer.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
});
