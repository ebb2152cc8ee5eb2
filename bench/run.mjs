// `npm run bench [-- --json FILE]`: builds the core, serves bench/ with Vite, runs the benchmark
// in one headless Debian Chromium (workers), prints a table and optionally writes JSON:
// {"results":[{"case","impl","usPerOp"}], ...extra fields}.
// `node bench/run.mjs --only ed25519` runs only the cases whose name starts with that prefix (no
// cold-start runs); `--wasm FILE` benchmarks that core instead of building wasm/build (to compare
// an experimental build side by side without touching the one the tests use).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath, requireChromium } from '../scripts/chromium-path.mjs';

const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
if (jsonAt > 0 && !jsonFile) { console.error('--json needs a file name'); process.exit(2); }
const option = (name) => { const at = process.argv.indexOf(name); return at > 0 ? process.argv[at + 1] : undefined; };
const only = option('--only') ?? '';
const wasmFile = option('--wasm') ? resolve(option('--wasm')) : undefined;
const TIMEOUT_MS = 10 * 60_000;

requireChromium();
if (!wasmFile) execFileSync(process.execPath, ['scripts/build-wasm.mjs'], { stdio: 'inherit' });
const wasm = readFileSync(wasmFile ?? 'wasm/build/satchel-core.wasm');
const size = { rawBytes: wasm.length, gzipBytes: gzipSync(wasm, { level: 9 }).length };

const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', optimizeDeps: { entries: ['bench/index.html'] }, server: { port: 0, host: '127.0.0.1', hmr: false, watch: null, fs: { allow: [process.cwd(), ...(wasmFile ? [dirname(wasmFile)] : [])] } } });
await server.listen();
const address = server.httpServer.address();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
let done;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const query = new URLSearchParams({ only, ...(wasmFile ? { wasm: `/@fs${wasmFile}` } : {}) });
  await page.goto(`http://127.0.0.1:${address.port}/bench/index.html?${query}`);
  let printed = 0;
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const state = await page.evaluate(() => ({ done: window.benchDone, error: window.benchError, log: window.benchLog ?? [] }));
    for (; printed < state.log.length; printed++) console.error(`  ${state.log[printed]}`);
    if (state.error) throw new Error(state.error);
    if (state.done) { done = state.done; break; }
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  await browser.close();
  await server.close();
}

const cases = ['es256-single', 'es256-batch-known-keys', 'ed25519-single', 'ed25519-batch-known-keys', 'sha256-1k'].filter((c) => c.startsWith(only));
const get = (c, i) => done.results.find((r) => r.case === c && r.impl === i);
const fmt = (r) => (r ? `${r.usPerOp.toFixed(1).padStart(9)} µs ${Math.round(1e6 / r.usPerOp).toString().padStart(7)}/s` : '        —              ');
const ratio = (a, b) => (a && b ? `${(b.usPerOp / a.usPerOp).toFixed(2)}×` : '—');
console.log(`\nSatchel crypto core benchmark — ${done.userAgent}`);
console.log(`${'case'.padEnd(26)}${'wasm'.padEnd(24)}${'noble'.padEnd(24)}${'webcrypto'.padEnd(24)}wasm vs noble  wasm vs webcrypto`);
for (const c of cases) {
  const w = get(c, 'wasm'), n = get(c, 'noble'), x = get(c, 'webcrypto');
  console.log(`${c.padEnd(26)}${fmt(w)} ${fmt(n)} ${fmt(x)} ${ratio(w, n).padStart(12)} ${ratio(w, x).padStart(18)}`);
}
const cold = done.cold.map((c) => c.totalMs);
if (only) {
  console.log(`\nmodule: ${(size.rawBytes / 1024).toFixed(1)} KiB raw, ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip${wasmFile ? ` (${wasmFile})` : ''}`);
  process.exit(0);
}
console.log(`\nmodule: ${(size.rawBytes / 1024).toFixed(1)} KiB raw, ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip; compile ${done.compileMs.toFixed(1)} ms, instantiate ${done.instantiateMs.toFixed(2)} ms`);
console.log(`first ES256 verification of a fresh instance: ${done.firstVerifyMs.toFixed(2)} ms; G table (warm-up): ${done.gTableMs.toFixed(2)} ms; one P-256 key table: ${done.prepareKeyMs.toFixed(2)} ms`);
console.log(`cold worker → first verification result, seen from the page (3 runs): ${cold.map((m) => m.toFixed(1)).join(', ')} ms`);
console.log(`  inside the worker: module start → instantiated ${done.cold.map((c) => c.loadMs.toFixed(1)).join(', ')} ms; self-test ${done.cold.map((c) => c.selfTestMs.toFixed(1)).join(', ')} ms (warm: ${done.cold.map((c) => c.warmSelfTestMs.toFixed(1)).join(', ')} ms); first verification ${done.cold.map((c) => c.verifyMs.toFixed(1)).join(', ')} ms`);
const ms = (list) => list.map((m) => m.toFixed(1)).join(', ');
console.log(`first ES256 verification through the app's worker client, seen from the page (3 runs): worker warmed in idle time (target ≤ 30 ms) ${ms(done.firstFromPage.warmed)} ms; cold, as before issue 18: ${ms(done.firstFromPage.cold)} ms`);
console.log(`Ed25519 engine inside the WASM verifier: ${done.ed25519Engine}`);

if (jsonFile) {
  const out = {
    results: done.results.map(({ case: c, impl, usPerOp }) => ({ case: c, impl, usPerOp })),
    wasmBytes: size.rawBytes, wasmGzipBytes: size.gzipBytes,
    compileMs: done.compileMs, instantiateMs: done.instantiateMs, firstVerifyMs: done.firstVerifyMs, gTableMs: done.gTableMs,
    prepareKeyMs: done.prepareKeyMs, coldWorkerFirstVerifyMs: cold, coldWorkerInside: done.cold, userAgent: done.userAgent,
    firstVerifyFromPageMs: done.firstFromPage,
  };
  writeFileSync(jsonFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${jsonFile}`);
}
