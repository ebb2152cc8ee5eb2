// Size budget for the built app (dist/). Prints the figures on every run and fails when over:
//  - JavaScript needed for the first screen (entry script + its modulepreloads), gzip;
//  - everything the service worker precaches, gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Back to 50 KiB with issue 18 (it was raised to 51 KiB with issue 14): only the catalogue of the
// language in use loads with the first screen (src/ui/i18n/translate.ts), 50.8 → 41.6 KiB.
export const FIRST_SCREEN_JS_BUDGET_BYTES = 50 * 1024;
// The precache raised from 360 KiB with issue 15 (checking any wallet's licence): the ISO/IEC
// 18013-5 session, the Bluetooth transport, the proximity check, the Digital Credentials API with
// HPKE and their screens are 19 KiB of lazy code, and all of it must be precached, because a
// checker uses it with no signal. None of it loads with the first screen.
// Raised again from 385 KiB with issue 16 (carers) and issue 18 (speed): the people use case and
// screens, answering and checking on someone's behalf and their words in both languages are about
// 18 KiB of lazy code a carer needs offline; the faster Ed25519 core is 2.4 KiB more .wasm; the
// @noble/curves fallback, now its own worker script so that it loads only where WebAssembly cannot
// run, and the Welsh catalogue, now its own chunk, still have to be precached for such a phone
// offline. The trimmed CSS took 4 KiB off. None of it loads with the first screen.
export const PRECACHE_BUDGET_BYTES = 412 * 1024;

const dist = process.argv[2] ?? 'dist';
const gzipBytes = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstScreenScripts = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g),
].map((match) => match[1]);
if (firstScreenScripts.length === 0) throw new Error('size budget: no entry script found in dist/index.html');

const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...new Set([...sw.matchAll(/url:\s*["'`]([^"'`]+)["'`]|"url":\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]))];
if (precached.length === 0) throw new Error('size budget: no precache manifest found in dist/sw.js');

const rows = [];
const measure = (label, files, budget) => {
  const total = files.reduce((sum, file) => sum + gzipBytes(file), 0);
  rows.push({ label, files: files.length, total, budget });
  return total <= budget;
};
const ok = [
  measure('first-screen JavaScript', firstScreenScripts, FIRST_SCREEN_JS_BUDGET_BYTES),
  measure('service-worker precache', [...precached, 'sw.js'], PRECACHE_BUDGET_BYTES),
].every(Boolean);

console.log('Size budget (gzip -9):');
for (const { label, files, total, budget } of rows) {
  console.log(`  ${label.padEnd(26)} ${kib(total).padStart(10)} of ${kib(budget).padStart(10)}  (${files} files)${total > budget ? '  OVER BUDGET' : ''}`);
}
console.log('  largest precached files:');
for (const file of [...precached].sort((a, b) => gzipBytes(b) - gzipBytes(a)).slice(0, 5)) {
  console.log(`    ${kib(gzipBytes(file)).padStart(10)}  ${file}`);
}
if (!ok) {
  console.error('Size budget exceeded: see above.');
  process.exit(1);
}
