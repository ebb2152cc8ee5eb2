// Quick Node benchmark of the Ed25519 half of the WASM core against @noble/curves (and Node's
// WebCrypto, which is OpenSSL — not Chromium's BoringSSL; the browser bench is `npm run bench`).
// Usage: node bench/ed25519-node.mjs [path/to/core.wasm]   (default wasm/build/satchel-core.wasm)
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';

const path = process.argv[2] ?? new URL('../wasm/build/satchel-core.wasm', import.meta.url).pathname;
const { instance } = await WebAssembly.instantiate(readFileSync(path), { env: { abort() { throw new Error('abort'); } } });
const ex = instance.exports;
const MESSAGE_BYTES = 1200; // ~ an SD-JWT VC signing input
const BATCH = 1000;
const KEYS = 10;

// Input area: the module's own reserve when exported, else a region far above the heap.
let base;
if (ex.inputReserve) base = ex.inputReserve(BATCH * (MESSAGE_BYTES + 64 + 32 + 20 + 16 + 1) + 4096);
else { base = ex.memory.buffer.byteLength + 48 * 65536; ex.memory.grow(48 + 300); }
const mem = () => new Uint8Array(ex.memory.buffer);

const keys = Array.from({ length: KEYS }, (_, i) => { const sk = new Uint8Array(32).fill(i + 1); return { sk, pk: ed25519.getPublicKey(sk) }; });
const items = Array.from({ length: BATCH }, (_, i) => {
  const k = keys[i % KEYS];
  const msg = new Uint8Array(MESSAGE_BYTES).map((_, j) => (i * 31 + j * 7) & 255);
  return { pk: k.pk, key: i % KEYS, msg, sig: ed25519.sign(msg, k.sk) };
});

// Layout: [items 20·n][random 16·n][results n][per item: pk 32, sig 64, msg]
const itemsPtr = base, randomPtr = itemsPtr + 20 * BATCH, resultsPtr = randomPtr + 16 * BATCH;
let off = resultsPtr + BATCH;
const ptrs = items.map((it) => {
  const pk = off; mem().set(it.pk, off); off += 32;
  const sig = off; mem().set(it.sig, off); off += 64;
  const msg = off; mem().set(it.msg, off); off += it.msg.length;
  return { pk, sig, msg, len: it.msg.length };
});

/** Best of five rounds of n calls (the machine is shared; the minimum is the least disturbed). */
function time(label, n, fn) {
  fn(); // warm
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.min(best, ((performance.now() - t0) * 1000) / n);
  }
  console.log(`${label.padEnd(52)} ${best.toFixed(1).padStart(9)} µs/op`);
  return best;
}

const noble = time('noble ed25519.verify (zip215:false)', 40, (i = 0) => {
  const it = items[i % BATCH]; if (!ed25519.verify(it.sig, it.msg, it.pk, { zip215: false })) throw new Error('noble');
});
const single = time('wasm ed25519Verify', 500, (i = 0) => {
  const p = ptrs[i % BATCH]; if (ex.ed25519Verify(p.pk, p.msg, p.len, p.sig) !== 1) throw new Error('wasm');
});
console.log(`  single speed-up vs noble: ${(noble / single).toFixed(2)}×`);
let t0 = performance.now();
const handles = ptrs.slice(0, KEYS).map((p) => ex.ed25519PrecomputeKey(p.pk));
console.log(`precompute ${KEYS} keys: ${((performance.now() - t0) / KEYS).toFixed(2)} ms/key`);
time('wasm ed25519VerifyWithKey', 500, (i = 0) => {
  const p = ptrs[i % BATCH]; if (ex.ed25519VerifyWithKey(handles[i % KEYS], p.msg, p.len, p.sig) !== 1) throw new Error('key');
});
const dv = () => new DataView(ex.memory.buffer);
ptrs.forEach((p, i) => { const d = dv(); const o = itemsPtr + 20 * i; d.setInt32(o, handles[i % KEYS], true); d.setUint32(o + 4, p.pk, true); d.setUint32(o + 8, p.msg, true); d.setInt32(o + 12, p.len, true); d.setUint32(o + 16, p.sig, true); });
const batch = time(`wasm ed25519VerifyBatch (${BATCH} over ${KEYS} keys), per call`, 1, () => {
  mem().set(webcrypto.getRandomValues(new Uint8Array(16 * BATCH)), randomPtr);
  if (ex.ed25519VerifyBatch(itemsPtr, BATCH, randomPtr, resultsPtr) !== BATCH) throw new Error('batch');
}) / BATCH;
console.log(`  = ${batch.toFixed(1)} µs/sig`);
const wkeys = await Promise.all(keys.map((k) => webcrypto.subtle.importKey('raw', k.pk, { name: 'Ed25519' }, false, ['verify'])));
t0 = performance.now();
const ok = await Promise.all(items.map((it, i) => webcrypto.subtle.verify({ name: 'Ed25519' }, wkeys[i % KEYS], it.sig, it.msg)));
const wc = ((performance.now() - t0) * 1000) / BATCH;
if (!ok.every(Boolean)) throw new Error('webcrypto');
console.log(`${'node webcrypto (OpenSSL) 1000 verify, per sig'.padEnd(44)} ${wc.toFixed(1).padStart(8)} µs/op`);
console.log(`  batch speed-up vs node webcrypto: ${(wc / batch).toFixed(2)}×`);
