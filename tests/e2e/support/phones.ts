/** Steps shared by the specs where two phones (a holder and a checker) exchange QR codes. */
import type { Browser, Locator, Page } from '@playwright/test';
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

/** Checker: choose a purpose, show the request code; returns its picture. */
export async function showRequest(checker: Page, purpose: string): Promise<Buffer> {
  await goInApp(checker, '/');
  await goInApp(checker, '/check');
  await checker.getByLabel(purpose).check();
  await checker.getByLabel('Your name or organisation').fill('Corner shop');
  await checker.getByRole('button', { name: 'Show my code' }).click();
  return checker.getByTestId('request-qr-code').screenshot();
}

/** Holder: scan a picture of the request code and wait for the consent screen. */
export async function openRequest(holder: Page, request: Buffer): Promise<void> {
  await goInApp(holder, '/');
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(request));
  await expect(holder.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
}

/** Holder: every frame of the answer on screen (`view`), paused and stepped through when there are several. */
export async function answerFrames(view: Locator, holder: Page): Promise<Buffer[]> {
  await expect(view).toBeVisible({ timeout: 30_000 });
  const total = Number(await view.getAttribute('data-frame-total'));
  if (total > 1) await holder.getByRole('button', { name: 'Pause' }).click();
  const frames: Buffer[] = [];
  let index = Number(await view.getAttribute('data-frame-index'));
  for (let i = 0; i < total; i++) {
    frames[index] = await holder.getByTestId('response-qr-code').screenshot();
    if (total === 1) break;
    await holder.getByRole('button', { name: 'Next code' }).click();
    index = (index + 1) % total;
    await expect(view).toHaveAttribute('data-frame-index', String(index));
  }
  expect(frames.filter(Boolean)).toHaveLength(total);
  return frames;
}

/** Checker: scan every frame (in the order given), then read the verdict. */
export async function scanAnswer(checker: Page, frames: Buffer[]): Promise<Locator> {
  for (const [n, frame] of frames.entries()) {
    await checker.locator('#response-image').setInputFiles(picture(frame));
    // One picture at a time, as a person would: wait until the checker has read this one.
    if (n < frames.length - 1) await expect(checker.getByTestId('frame-progress')).toContainText(`Read ${n + 1} of ${frames.length}`);
  }
  return checkResultShown(checker);
}

/**
 * The checker's result once shown. A problem shown instead (the screen's error summary) fails at
 * once with its words, rather than after a long wait for a result that is not coming.
 */
export async function checkResultShown(checker: Page): Promise<Locator> {
  const result = checker.getByTestId('check-result');
  const problem = checker.getByTestId('error-summary');
  await expect(result.or(problem).first()).toBeVisible({ timeout: 30_000 });
  if (await problem.isVisible()) throw new Error(`The checker showed a problem instead of a result: ${await problem.innerText()}`);
  return result;
}

/**
 * Takes a phone off the network once the app works offline there: the service worker controls
 * the page only after its install has precached every asset (the QR decoder among them), so a
 * phone cut off sooner, on a busy machine, cannot load what a check needs. Never a fixed wait.
 */
export async function goOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.context().setOffline(true);
}
