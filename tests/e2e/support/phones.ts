/** Steps shared by the specs where two phones (a holder and a checker) exchange QR codes. */
import type { Browser, Page } from '@playwright/test';
import { acceptOffer, expect, goInApp, makeOffer, type DemoEnvironment } from '../demo-fixtures';

/** Two pixels per CSS pixel, so every QR module is several screenshot pixels wide. */
export async function phone(browser: Browser, baseURL: string, viewport = { width: 360, height: 740 }): Promise<Page> {
  const context = await browser.newContext({ baseURL, deviceScaleFactor: 2, viewport });
  return context.newPage();
}

/**
 * The holder receives a credential from the admin page's offer, pasted as text, starting from the
 * home screen. `onReview` runs while the offer's review is on screen, before it is accepted.
 */
export async function receive(page: Page, demo: DemoEnvironment, credential: RegExp, issuer: string, onReview?: () => Promise<void>): Promise<void> {
  const admin = await page.context().newPage();
  const offer = await makeOffer(admin, demo.servers.adminUrl, credential);
  await admin.close();
  await goInApp(page, '/');
  await page.getByRole('button', { name: 'Add a credential' }).click();
  await page.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
  await page.getByRole('button', { name: 'Continue' }).click();
  await onReview?.();
  await acceptOffer(page, issuer, offer.txCode);
  await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
}

/** A screenshot of a code, as a file for "Use a picture of the QR code". */
export const picture = (buffer: Buffer) => ({ name: 'code.png', mimeType: 'image/png', buffer });
