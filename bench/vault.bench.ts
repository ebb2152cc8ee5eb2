/**
 * Vault benchmark, in real Chromium (vitest browser project):
 *
 *   npx vitest bench --project browser --run bench/vault.bench.ts
 *
 * Rows: unlock at the Argon2id parameters calibrated on this machine (≈1 s by design); opening a
 * vault of 500 credentials (new connection + unlock + decrypt and list all); listing 500 when
 * already unlocked; adding one credential to it. Figures only; no timing assertions.
 */
import { bench, describe } from 'vitest';
import { deleteDB } from 'idb';
import { createVault, type SatchelVault } from '../src/wallet/vault/vault';
import type { StoredCredential } from '../src/wallet/vault/vault-api';

const PIN = '482916';
const CREDENTIALS = 500;
const RAW_BYTES = 3 * 1024; // a typical SD-JWT VC with a dozen disclosures
const dbName = `satchel-bench-${Date.now().toString(36)}`;

function credential(i: number): StoredCredential {
  const filler = 'A'.repeat(RAW_BYTES);
  return {
    id: `bench-${i}`,
    raw: `eyJhbGciOiJFUzI1NiJ9.${filler}.sig~`,
    format: 'dc+sd-jwt',
    issuerName: 'Driver and Vehicle Licensing Agency',
    type: 'Driving licence',
    receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  };
}

async function prepare(): Promise<{ vault: SatchelVault; params: unknown; setupMs: number; fillMs: number }> {
  await deleteDB(dbName);
  const vault = createVault({ dbName }); // no injected parameters: calibrates as on a phone
  let t = performance.now();
  await vault.setUp(PIN);
  const setupMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < CREDENTIALS; i++) await vault.putCredential(credential(i));
  const fillMs = performance.now() - t;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(dbName);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const params = await new Promise((resolve) => {
    const r = db.transaction('keySlots').objectStore('keySlots').get('pin');
    r.onsuccess = () => resolve((r.result as { kdf: unknown }).kdf);
  });
  db.close();
  return { vault, params, setupMs, fillMs };
}

const ctx = await prepare();
console.log(
  `vault bench: Argon2id ${JSON.stringify(ctx.params)}; set-up (calibration + slots) ${ctx.setupMs.toFixed(0)} ms; ` +
    `filling ${CREDENTIALS} credentials one transaction each ${ctx.fillMs.toFixed(0)} ms`,
);
let added = CREDENTIALS;

describe(`vault (${CREDENTIALS} credentials of ${RAW_BYTES} B)`, () => {
  bench(
    'unlock with PIN at calibrated Argon2id',
    async () => {
      ctx.vault.lock();
      await ctx.vault.unlockWithPin(PIN);
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );

  bench(
    'open (new connection) + unlock + list 500',
    async () => {
      const fresh = createVault({ dbName });
      await fresh.unlockWithPin(PIN);
      const list = await fresh.listCredentials();
      if (list.length < CREDENTIALS) throw new Error(`listed ${list.length}`);
      await fresh.close();
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );

  bench(
    'list 500 (already unlocked)',
    async () => {
      const list = await ctx.vault.listCredentials();
      if (list.length < CREDENTIALS) throw new Error(`listed ${list.length}`);
    },
    {
      iterations: 20,
      time: 0,
      warmupIterations: 2,
      setup: async () => {
        if ((await ctx.vault.state()) !== 'unlocked') await ctx.vault.unlockWithPin(PIN);
      },
    },
  );

  bench(
    'add one credential (to 500)',
    async () => {
      await ctx.vault.putCredential(credential(added++));
    },
    { iterations: 50, time: 0, warmupIterations: 5 },
  );
});
