/** Shared set-up for the vault tests: a fresh database per test, fast (but ≥ 19 MiB) Argon2id. */
import { deleteDB } from 'idb';
import type { Argon2Params } from '../../../src/storage/argon2';
import { createVault, type SatchelVault, type VaultOptions } from '../../../src/wallet/vault/vault';
import type { StoredCredential } from '../../../src/wallet/vault/vault-api';

/** Memory at the 19 MiB floor; one pass so a test unlock takes tens of milliseconds, not a second. */
export const TEST_ARGON2: Argon2Params = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
export const PIN = '482916';

let counter = 0;
export function uniqueDbName(label: string): string {
  return `satchel-test-${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const opened: { vault: SatchelVault; name: string }[] = [];

export function testVault(name: string, options: Omit<VaultOptions, 'dbName'> = {}): SatchelVault {
  const vault = createVault({ dbName: name, argon2Params: TEST_ARGON2, ...options });
  opened.push({ vault, name });
  return vault;
}

/** Closes every vault the test opened and deletes its database. */
export async function cleanUpVaults(): Promise<void> {
  const all = opened.splice(0);
  for (const { vault } of all) await vault.close();
  for (const name of new Set(all.map((o) => o.name))) await deleteDB(name);
}

const b64url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A credential shaped like a compact SD-JWT VC whose claims (base64url inside) are `claims`. */
export function sampleCredential(id: string, claims: Record<string, string> = {}, receivedAt = '2026-01-02T03:04:05.000Z'): StoredCredential {
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'dc+sd-jwt' }));
  const payload = b64url(JSON.stringify({ iss: 'https://dvla.example.gov.uk', vct: 'urn:example:driving-licence', ...claims }));
  const disclosures = Object.entries(claims).map(([k, v]) => b64url(JSON.stringify(['c2FsdA', k, v])));
  return {
    id,
    raw: `${header}.${payload}.c2lnbmF0dXJl~${disclosures.join('~')}~`,
    format: 'dc+sd-jwt',
    issuerName: claims.issuer_name ?? 'Driver and Vehicle Licensing Agency',
    type: claims.type ?? 'Driving licence',
    receivedAt,
  };
}

/** Every record of every store of a database, as stored (for "nothing changed" comparisons). */
export async function dumpDatabase(name: string): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const out: Record<string, unknown[]> = {};
    const names = Array.from(db.objectStoreNames);
    if (names.length === 0) return out;
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (store) =>
          new Promise<void>((resolve, reject) => {
            const req = tx.objectStore(store).getAll();
            req.onsuccess = () => {
              out[store] = req.result;
              resolve();
            };
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    return out;
  } finally {
    db.close();
  }
}

export async function expectVaultError(promise: Promise<unknown>, code: string): Promise<import('../../../src/wallet/vault/vault-api').VaultError> {
  try {
    await promise;
  } catch (error) {
    const e = error as import('../../../src/wallet/vault/vault-api').VaultError;
    if (e?.name !== 'VaultError' || e.code !== code) throw new Error(`expected VaultError(${code}), got ${e?.name}(${(e as { code?: string })?.code}): ${e?.message}`);
    return e;
  }
  throw new Error(`expected VaultError(${code}), but the call succeeded`);
}
