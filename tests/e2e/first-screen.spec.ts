/**
 * The first screen loads only what it shows (issue 18), against the production build: English
 * words only (the Welsh catalogue is fetched for a Welsh first screen, before any word renders),
 * the first screen's stylesheet only (the rest comes with the first lazy screen), and the crypto
 * worker started once the page is idle, with nothing asked of it, its noble fallback script
 * fetched only where the WASM core cannot serve; the page's icon and manifest linked then too.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from './demo-fixtures';

// Each language's words in two parts (src/ui/i18n/translate.ts): the first screen's, and every other screen's.
const WELSH_FIRST_SCREEN_WORDS = /\/assets\/cy-first-screen-[\w-]+\.js$/;
const WELSH_OTHER_SCREENS_WORDS = /\/assets\/cy-(?!first-screen-)[\w-]+\.js$/;
const ENGLISH_OTHER_SCREENS_WORDS = /\/assets\/en-[\w-]+\.js$/;
// The vault's operations (src/wallet/vault/vault-operations.ts): not in the entry, fetched once the first screen is shown.
const VAULT_OPERATIONS = /\/assets\/vault-operations-[\w-]+\.js$/;
const NOBLE_SCRIPT = /\/assets\/noble-fallback-[\w-]+\.js$/;

/**
 * Asks a crypto worker of the built app its status, speaking comlink's wire messages (APPLY, RAW
 * values) as the app's client does; first forcing the noble engine when asked, as a browser
 * without WebAssembly would get it.
 */
async function builtWorkerStatus(page: Page, workerUrl: string, forceNoble: boolean): Promise<Record<string, unknown>> {
  return page.evaluate(async ({ url, noble }) => {
    const worker = new Worker(url, { name: 'satchel-crypto-test' });
    const call = (method: string, args: unknown[]) => new Promise<unknown>((resolve, reject) => {
      const id = `${method}-${Math.random()}`;
      worker.addEventListener('message', function answer(event: MessageEvent<{ id: string; type: string; value: unknown }>) {
        if (event.data.id !== id) return;
        worker.removeEventListener('message', answer);
        if (event.data.type === 'HANDLER') reject(new Error(`${method} threw`)); else resolve(event.data.value);
      });
      worker.postMessage({ id, type: 'APPLY', path: [method], argumentList: args.map((value) => ({ type: 'RAW', value })) });
    });
    if (noble) await call('forceEngine', ['noble']);
    const status = await call('status', []);
    worker.terminate();
    return status as Record<string, unknown>;
  }, { url: workerUrl, noble: forceNoble });
}
const SCREENS_STYLESHEET = /\/assets\/screen-styles-[\w-]+\.css$/;

/**
 * The page's requests, its workers' included, but not the service worker's (which fetches every
 * file to keep the app offline, the Welsh words among them, whatever the page shows).
 */
function requestsOf(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request: Request) => {
    if (!request.serviceWorker()) urls.push(request.url());
  });
  return urls;
}

test('an English first screen loads no Welsh words and only its own stylesheet, then warms the crypto worker and links the icon and manifest when idle', async ({ page }) => {
  const requested = requestsOf(page);
  const worker = page.waitForEvent('worker', { predicate: (w) => /crypto-worker/.test(w.url()) });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Satchel' })).toBeVisible();
  // Nothing asked: the worker starts in idle time after the first screen (warm-signature-checking.ts),
  // and the rest of the vault is fetched then too, before a tap on "Start now" needs it.
  const workerUrl = (await worker).url();
  await expect.poll(() => requested.filter((url) => VAULT_OPERATIONS.test(url)).length).toBe(1);
  // index.html links an empty icon and no manifest; the app links both then (src/sw/page-links.ts).
  const served = await (await page.request.get('/')).text();
  expect(served).toMatch(/<link rel="icon" href="data:," ?\/?>/);
  expect(served).not.toContain('rel="manifest"');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/icons/icon-192.png');

  // The WASM core serves, and the noble script is not fetched; a phone without WebAssembly gets it.
  expect(await builtWorkerStatus(page, workerUrl, false)).toMatchObject({ engine: 'wasm', selfTest: true, nobleLoaded: false });
  expect(requested.filter((url) => NOBLE_SCRIPT.test(url))).toEqual([]);
  expect(await builtWorkerStatus(page, workerUrl, true)).toMatchObject({ engine: 'noble', selfTest: true, nobleLoaded: true });
  await expect.poll(() => requested.filter((url) => NOBLE_SCRIPT.test(url)).length).toBeGreaterThan(0);
  expect(requested.filter((url) => WELSH_FIRST_SCREEN_WORDS.test(url) || WELSH_OTHER_SCREENS_WORDS.test(url))).toEqual([]);
  // The first screen's English words are in the entry script; the other screens' are not fetched.
  expect(requested.filter((url) => ENGLISH_OTHER_SCREENS_WORDS.test(url))).toEqual([]);
  expect(requested.filter((url) => SCREENS_STYLESHEET.test(url))).toEqual([]);
  const stylesheets = await page.evaluate(() => Array.from(document.styleSheets, (sheet) => sheet.href ?? 'inline'));
  expect(stylesheets).toHaveLength(1);
  expect(stylesheets[0]).toMatch(/\/assets\/index-[\w-]+\.css$/);

  // The next screen brings the screens' stylesheet (and every language's words) before it shows.
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('textbox', { name: 'PIN or passphrase', exact: true })).toBeVisible();
  expect(requested.filter((url) => SCREENS_STYLESHEET.test(url))).toHaveLength(1);
  for (const words of [ENGLISH_OTHER_SCREENS_WORDS, WELSH_FIRST_SCREEN_WORDS, WELSH_OTHER_SCREENS_WORDS]) expect(requested.filter((url) => words.test(url))).toHaveLength(1);
});

test('a Welsh first screen fetches the Welsh words before any word renders: never English, never a key', async ({ page }) => {
  const requested = requestsOf(page);
  // Every heading and every text the page ever showed, from before the app's script runs.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { seenTexts: string[] }).seenTexts = []);
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (app?.textContent) seen.push(app.textContent);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('/?lang=cy');
  await expect(page.getByRole('heading', { level: 1, name: 'Sefydlu Satchel' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  // The Welsh first screen waits for its own words alone, not every screen's (issue 18).
  expect(requested.filter((url) => WELSH_FIRST_SCREEN_WORDS.test(url))).toHaveLength(1);
  expect(requested.filter((url) => WELSH_OTHER_SCREENS_WORDS.test(url))).toEqual([]);
  const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) {
    expect(text).not.toContain('Set up Satchel');
    expect(text).not.toContain('Start now');
    // a message key shown instead of its words (start.title, nav.home, phase.tag…)
    expect(text).not.toMatch(/\b(?:app|start|setup|vault|nav|phase|footer|language|offline|update)\.[a-z]/);
  }
});

/** Where the service's name is on the page (the shell's before the script runs, the app's after). */
async function serviceNameBox(page: Page) {
  return page.locator('.govuk-service-navigation__service-name a').first().boundingBox();
}

test('the app shell: the service name is painted before the script, and the app puts its own in the same place, in English and Welsh', async ({ browser, baseURL }) => {
  for (const language of ['en', 'cy'] as const) {
    // With no script the page is the shell: the name, where the app will put it, and nothing else.
    const before = await browser.newContext({ baseURL, javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const shellPage = await before.newPage();
    await shellPage.goto(`/?lang=${language}`);
    const shell = shellPage.locator('#app-shell');
    await expect(shell.getByRole('link', { name: 'Satchel', exact: true })).toBeVisible();
    await expect(shellPage.locator('#app')).toBeEmpty();
    const shellBox = await serviceNameBox(shellPage);
    await before.close();

    // With the script the app replaces the shell: one name, in the same place, beside the app's own.
    const after = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    const page = await after.newPage();
    // Frames the page rendered with the shell and no app yet: the shell was on screen.
    await page.addInitScript(() => {
      const counted = window as Window & { shellOnlyFrames?: number };
      const frame = (): void => {
        const app = document.getElementById('app');
        if (app && !app.firstChild && document.getElementById('app-shell')) counted.shellOnlyFrames = (counted.shellOnlyFrames ?? 0) + 1;
        if (!app?.firstChild) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`/?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1, name: language === 'en' ? 'Set up Satchel' : 'Sefydlu Satchel' })).toBeVisible();
    await expect(page.locator('#app-shell')).toHaveCount(0);
    await expect(page.locator('.govuk-service-navigation')).toHaveCount(1);
    expect(await serviceNameBox(page)).toEqual(shellBox);
    expect(await page.evaluate(() => (window as Window & { shellOnlyFrames?: number }).shellOnlyFrames ?? 0)).toBeGreaterThan(0);
    await after.close();
  }
});
