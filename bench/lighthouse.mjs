// `npm run bench:lighthouse [-- --dist DIR] [--runs N] [--json FILE]`: the first visit on a slow
// phone, measured by Lighthouse 12.2.3 (node API) in its default mobile mode (simulated slow 4G,
// 4× CPU slowdown, a Moto G Power sized screen) against the production build served by
// src/server/static-server.ts, in Debian's Chromium (headless). Each run measures the same build
// twice, side by side: with the pre-compressed Brotli/gzip files (as deployed) and with
// compression off (precompressed: false), so the difference the compression makes is in one run;
// and a bare page (bench/bare-page.html: no script, no stylesheet) from the same server, the floor
// this machine and Lighthouse's simulation set for any page, in the same runs.
// Prints every run and the medians; asserts nothing (README "Performance").
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath, requireChromium } from '../scripts/chromium-path.mjs';
import { builtApp, median, option, serveApp } from './lighthouse-app.mjs';

const RUNS = Number(option('--runs') ?? 3);
const jsonFile = option('--json');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
/** Lighthouse ran but could not measure (its lhr.runtimeError); declared before the runs use it. */
class LighthouseRuntimeError extends Error {}

requireChromium();
const app = builtApp();
const bareDir = mkdtempSync(join(tmpdir(), 'satchel-bare-page-'));
copyFileSync(new URL('./bare-page.html', import.meta.url), join(bareDir, 'index.html'));
const VARIANTS = ['compressed', 'uncompressed', 'bare'];
const LABELS = { compressed: 'br/gzip', uncompressed: 'uncompressed', bare: 'bare page' };
const servers = { compressed: await serveApp(app.dir), uncompressed: await serveApp(app.dir, { precompressed: false }), bare: await serveApp(bareDir) };
const results = { compressed: [], uncompressed: [], bare: [] };
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const variant of VARIANTS) {
      const figures = await measureWithRetries(servers[variant].url);
      results[variant].push(figures);
      console.error(`  run ${run} ${variant.padEnd(12)} performance ${figures.performance.toFixed(2)}, FCP ${ms(figures.fcpMs)}, LCP ${ms(figures.lcpMs)}`);
    }
  }
} finally {
  for (const server of Object.values(servers)) await server.close();
  app.cleanUp();
  rmSync(bareDir, { recursive: true, force: true });
}

const header = `${'run'.padEnd(22)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'b-p'.padStart(6)}${'FCP'.padStart(9)}${'LCP'.padStart(9)}${'TBT'.padStart(8)}${'CLS'.padStart(7)}${'SI'.padStart(9)}${'transfer'.padStart(12)}${'script'.padStart(11)}${'css'.padStart(11)}${'html'.padStart(10)}`;
const row = (label, f) =>
  `${label.padEnd(22)}${f.performance.toFixed(2).padStart(6)}${f.accessibility.toFixed(2).padStart(6)}${f.bestPractices.toFixed(2).padStart(6)}${ms(f.fcpMs).padStart(9)}${ms(f.lcpMs).padStart(9)}${`${Math.round(f.tbtMs)} ms`.padStart(8)}${f.cls.toFixed(3).padStart(7)}${ms(f.siMs).padStart(9)}${kib(f.transfer.total).padStart(12)}${kib(f.transfer.script).padStart(11)}${kib(f.transfer.stylesheet).padStart(11)}${kib(f.transfer.document).padStart(10)}`;
const medianOf = (list) => ({
  performance: median(list.map((f) => f.performance)),
  accessibility: median(list.map((f) => f.accessibility)),
  bestPractices: median(list.map((f) => f.bestPractices)),
  fcpMs: median(list.map((f) => f.fcpMs)),
  lcpMs: median(list.map((f) => f.lcpMs)),
  tbtMs: median(list.map((f) => f.tbtMs)),
  cls: median(list.map((f) => f.cls)),
  siMs: median(list.map((f) => f.siMs)),
  transfer: Object.fromEntries(['total', 'script', 'stylesheet', 'document'].map((k) => [k, median(list.map((f) => f.transfer[k]))])),
});

console.log(`\nFirst visit on a slow phone — Lighthouse ${results.compressed[0]?.lighthouseVersion} mobile (simulated slow 4G, 4× CPU), ${results.compressed[0]?.userAgent}`);
console.log('Targets: performance 1.00 in every run, FCP ≤ 1.2 s, LCP ≤ 1.5 s, accessibility and best practices 1.00.');
console.log(header);
for (const variant of VARIANTS) {
  results[variant].forEach((f, i) => console.log(row(`${LABELS[variant]} ${i + 1}`, f)));
  console.log(row(`${LABELS[variant]} median`, medianOf(results[variant])));
}
const range = (list, key, format) => `${format(Math.min(...list.map((f) => f[key])))}–${format(Math.max(...list.map((f) => f[key])))}`;
const score = (value) => value.toFixed(2);
const blocking = (value) => `${Math.round(value)} ms`;
console.log(
  `The floor, in the same runs: the bare page (no script, no stylesheet) scores ${range(results.bare, 'performance', score)}, ` +
    `total blocking time ${range(results.bare, 'tbtMs', blocking)}; the app (br/gzip) ${range(results.compressed, 'performance', score)}, ${range(results.compressed, 'tbtMs', blocking)}.`,
);
const last = results.compressed.at(-1);
if (last?.failing.length) console.log(`Audits below 1 (last br/gzip run): ${last.failing.join(', ')}`);
for (const o of last?.opportunities ?? []) console.log(`  opportunity: ${o.title} ${o.display}`);
for (const variant of VARIANTS) {
  const f = results[variant].at(-1);
  if (f?.longTasks.length) console.log(`Long tasks (last ${LABELS[variant]} run): ${f.longTasks.map((t) => `${t.url} at ${t.startMs} ms for ${t.durationMs} ms`).join('; ')}`);
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ runs: RUNS, results, medians: Object.fromEntries(VARIANTS.map((variant) => [variant, medianOf(results[variant])])) }, null, 2));

/**
 * Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART, NO_FCP): such a run has no
 * figures at all, so it is run again (at most twice), saying so; a run with figures is never retried.
 */
async function measureWithRetries(url, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(url);
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt >= attempts) throw error;
      console.error(`  (${error.message}: running it again)`);
    }
  }
}

/** One Lighthouse run in a fresh headless Chromium (a fresh profile: a first visit). */
async function measure(url) {
  const profile = mkdtempSync(join(tmpdir(), 'satchel-lighthouse-profile-'));
  const chromium = spawn(chromiumPath, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...chromiumArgs, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  try {
    const port = await devToolsPort(chromium);
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse: ${lhr.runtimeError.code}`);
    const audit = (id) => lhr.audits[id];
    const requests = audit('network-requests')?.details?.items ?? [];
    const transfer = { total: 0, script: 0, stylesheet: 0, document: 0 };
    for (const r of requests) {
      transfer.total += r.transferSize ?? 0;
      const kind = { Script: 'script', Stylesheet: 'stylesheet', Document: 'document' }[r.resourceType];
      if (kind) transfer[kind] += r.transferSize ?? 0;
    }
    return {
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      performance: lhr.categories.performance.score ?? 0,
      accessibility: lhr.categories.accessibility.score ?? 0,
      bestPractices: lhr.categories['best-practices'].score ?? 0,
      fcpMs: audit('first-contentful-paint').numericValue,
      lcpMs: audit('largest-contentful-paint').numericValue,
      tbtMs: audit('total-blocking-time').numericValue,
      cls: audit('cumulative-layout-shift').numericValue,
      siMs: audit('speed-index').numericValue,
      transfer,
      // Where the blocking time comes from (simulated times). Lighthouse 12.2.3 cannot say which
      // element shifted with Chromium 156 (its RootCauses gatherer fails on the trace).
      longTasks: (audit('long-tasks')?.details?.items ?? []).slice(0, 6).map((t) => ({ url: shortUrl(t.url), startMs: Math.round(t.startTime), durationMs: Math.round(t.duration) })),
      failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id),
      opportunities: Object.values(lhr.audits)
        .filter((a) => a.details?.type === 'opportunity' && a.score !== null && a.score < 1 && (a.details.overallSavingsMs > 0 || a.details.overallSavingsBytes > 0))
        .map((a) => ({ id: a.id, title: a.title, display: a.displayValue ?? '' })),
    };
  } finally {
    // Debian's /usr/bin/chromium is a script that does not exec the browser: its own process group
    // (detached) is killed whole, so no browser process is left writing to the profile being removed.
    const exited = new Promise((done) => (chromium.exitCode !== null ? done() : chromium.once('exit', done)));
    try {
      process.kill(-chromium.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
  }
}

/** The port Chromium chose for DevTools (--remote-debugging-port=0 prints it on stderr). */
function devToolsPort(child) {
  return new Promise((resolvePort, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start DevTools within 30 s: ${seen}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools started: ${seen}`)));
  });
}

function shortUrl(url) {
  try {
    return new URL(url).pathname.split('/').pop() || '/';
  } catch {
    return String(url ?? '');
  }
}
function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
