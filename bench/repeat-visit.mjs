// `npm run bench:repeat-visit [-- --dist DIR] [--runs N] [--json FILE]`: a repeat visit with no
// signal on a slow phone. Loads the production build once in Debian's Chromium (Playwright) from
// src/server/static-server.ts, sets up a vault (so the app opens on its unlock screen) and waits
// until the service worker controls the page; then, per run, opens the app again in a new tab with
// the network cut (context.setOffline) and the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate),
// and times from navigation start (performance.now() is 0 there) to the "Unlock Satchel" heading
// being in the page and painted (the frame after it is added). Target ≤ 1 s. Prints; asserts nothing.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath, requireChromium } from '../scripts/chromium-path.mjs';
import { builtApp, median, option, serveApp } from './lighthouse-app.mjs';

const RUNS = Number(option('--runs') ?? 3);
const jsonFile = option('--json');
const CPU_SLOWDOWN = 4;
const PIN = 'repeat visit 4821';
const UNLOCK_HEADING = 'Unlock Satchel';

// Runs in the page before any of its scripts: notes when the unlock heading is added, and the
// next frame after it (when it has been painted), in ms since navigation start.
function watchForUnlockHeading(heading) {
  const found = () => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === heading && h.getClientRects().length > 0);
  const observer = new MutationObserver(() => {
    if (window.__unlockHeading || !found()) return;
    const inPage = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__unlockHeading = { inPage, painted: performance.now() }), 0));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

requireChromium();
const app = builtApp();
const server = await serveApp(app.dir);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
const runs = [];
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.addInitScript(watchForUnlockHeading, UNLOCK_HEADING);
  const first = await context.newPage();
  await setUpVault(first, server.url);
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await first.close();

  await context.setOffline(true);
  for (let run = 1; run <= RUNS; run++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(server.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__unlockHeading, undefined, { timeout: 60_000 });
    const timing = await handle.jsonValue();
    const { fcp, controlled, fromServiceWorker } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      controlled: navigator.serviceWorker.controller !== null,
      fromServiceWorker: performance.getEntriesByType('navigation')[0]?.workerStart > 0,
    }));
    if (!controlled) throw new Error(`run ${run}: the page is not controlled by the service worker: it cannot have loaded offline`);
    runs.push({ run, headingInPageMs: timing.inPage, headingPaintedMs: timing.painted, firstContentfulPaintMs: fcp, fromServiceWorker });
    console.error(`  run ${run}: unlock screen painted at ${Math.round(timing.painted)} ms`);
    await cdp.detach();
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  app.cleanUp();
}

const ms = (value) => (value === null ? '—' : `${Math.round(value)} ms`);
console.log(`\nRepeat visit, offline, CPU ${CPU_SLOWDOWN}× slower — Chromium ${browser.version()}: navigation start → "${UNLOCK_HEADING}" (target ≤ 1000 ms)`);
console.log(`${'run'.padEnd(8)}${'heading in page'.padStart(17)}${'painted'.padStart(10)}${'FCP'.padStart(9)}`);
for (const r of runs) console.log(`${String(r.run).padEnd(8)}${ms(r.headingInPageMs).padStart(17)}${ms(r.headingPaintedMs).padStart(10)}${ms(r.firstContentfulPaintMs).padStart(9)}`);
console.log(`${'median'.padEnd(8)}${ms(median(runs.map((r) => r.headingInPageMs))).padStart(17)}${ms(median(runs.map((r) => r.headingPaintedMs))).padStart(10)}${ms(median(runs.map((r) => r.firstContentfulPaintMs ?? 0))).padStart(9)}`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ cpuSlowdown: CPU_SLOWDOWN, runs }, null, 2));

/** The set-up screens, as a new person goes through them (tests/e2e/vault-steps.ts). */
async function setUpVault(page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Save your recovery code' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('I have saved my recovery code').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const home = page.getByRole('heading', { level: 1, name: 'Your credentials' });
  const passkeyOffer = page.getByRole('link', { name: 'Not now, use my PIN only' });
  await home.or(passkeyOffer).waitFor();
  if (await passkeyOffer.isVisible()) await passkeyOffer.click();
  await home.waitFor();
}
