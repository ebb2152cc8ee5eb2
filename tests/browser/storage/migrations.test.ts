import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openVaultDb } from '../../../src/storage/db';
import { CREDENTIAL_META_MERGE_ROW, MIGRATIONS, PEOPLE_STAMP_ROW, RECORDS_BY_KIND, SCHEMA_VERSION, STORE } from '../../../src/storage/schema';
import { cleanUpVaults, dumpDatabase, PIN, sampleCredential, testVault, uniqueDbName } from '../support/vault-helpers';

const names: string[] = [];
afterEach(async () => {
  await cleanUpVaults();
  for (const n of names.splice(0)) await deleteDB(n);
});
const dbName = (label: string) => {
  const n = uniqueDbName(label);
  names.push(n);
  return n;
};

const V1_STORES = [STORE.keySlots, STORE.meta, STORE.credentials, STORE.deviceKeys];

describe('schema migrations (one per version)', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(5);
  });

  it('0 → 1 creates the initial stores', async () => {
    const name = dbName('mig-v1');
    const db = await openVaultDb(name, 1);
    expect(db.version).toBe(1);
    expect(Array.from(db.objectStoreNames).sort()).toEqual([...V1_STORES].sort());
    db.close();
  });

  it('1 → 2 adds the activity store and keeps every v1 record byte for byte', async () => {
    const name = dbName('mig-v2');
    const v1 = await openVaultDb(name, 1);
    const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    const records = {
      keySlots: [{ kind: 'pin', v: 1, salt: bytes(16, 1), iv: bytes(12, 2), wrappedKey: bytes(48, 3), kdf: { memoryKiB: 19456, iterations: 2, parallelism: 1 } }],
      meta: [
        { rowKey: 'throttle', failedAttempts: 2, retryAt: 0 },
        { rowKey: 'settings', v: 1, iv: bytes(12, 4), ct: bytes(40, 5) },
      ],
      credentials: Array.from({ length: 20 }, (_, i) => ({ rowKey: `row${i}`, v: 1, iv: bytes(12, i), ct: bytes(100 + i, i) })),
      deviceKeys: [{ rowKey: 'dk1', v: 1, iv: bytes(12, 9), ct: bytes(300, 9) }],
    };
    const tx = v1.transaction(V1_STORES, 'readwrite');
    for (const [store, list] of Object.entries(records)) for (const r of list) await tx.objectStore(store as (typeof V1_STORES)[number]).put(r);
    await tx.done;
    v1.close();

    const v2 = await openVaultDb(name, 2);
    expect(v2.version).toBe(2);
    expect(Array.from(v2.objectStoreNames).sort()).toEqual([...V1_STORES, STORE.activity].sort());
    expect(await v2.count(STORE.activity)).toBe(0);
    v2.close();
    const dump = await dumpDatabase(name);
    for (const [store, list] of Object.entries(records)) {
      const sortKey = (r: unknown) => String((r as { rowKey?: string; kind?: string }).rowKey ?? (r as { kind: string }).kind);
      expect(dump[store]!.slice().sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(list.slice().sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
    }
  });

  it('2 → 3 adds the records store with its kind index and keeps every v2 record', async () => {
    const name = dbName('mig-v3');
    const v2 = await openVaultDb(name, 2);
    const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    const activity = Array.from({ length: 7 }, (_, i) => ({ rowKey: `act${i}`, v: 1, iv: bytes(12, i), ct: bytes(60 + i, i) }));
    const credentials = [{ rowKey: 'c', v: 1, iv: bytes(12, 1), ct: bytes(80, 1) }];
    const tx = v2.transaction([STORE.activity, STORE.credentials], 'readwrite');
    for (const r of activity) await tx.objectStore(STORE.activity).put(r);
    for (const r of credentials) await tx.objectStore(STORE.credentials).put(r);
    await tx.done;
    v2.close();

    const v3 = await openVaultDb(name, 3);
    expect(v3.version).toBe(3);
    expect(Array.from(v3.objectStoreNames)).toContain(STORE.records);
    expect(Array.from(v3.transaction(STORE.records).objectStore(STORE.records).indexNames)).toEqual([RECORDS_BY_KIND]);
    v3.close();
    const dump = await dumpDatabase(name);
    const byKey = (a: unknown, b: unknown) => ((a as { rowKey: string }).rowKey < (b as { rowKey: string }).rowKey ? -1 : 1);
    expect(dump.activity!.slice().sort(byKey)).toEqual(activity);
    expect(dump.credentials).toEqual(credentials);
    expect(dump.records).toEqual([]);
  });

  it('3 → 4 keeps every v3 record and marks the vault for the credential metadata move', async () => {
    const name = dbName('mig-v4');
    const v3 = await openVaultDb(name, 3);
    const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    const credentials = [{ rowKey: 'c', v: 1, iv: bytes(12, 1), ct: bytes(80, 1) }];
    const records = [{ rowKey: 'r', v: 1, iv: bytes(12, 2), ct: bytes(90, 2), kindTag: 'k' }];
    const meta = [{ rowKey: 'settings', v: 1, iv: bytes(12, 3), ct: bytes(40, 3) }];
    const tx = v3.transaction([STORE.credentials, STORE.records, STORE.meta], 'readwrite');
    for (const r of credentials) await tx.objectStore(STORE.credentials).put(r);
    for (const r of records) await tx.objectStore(STORE.records).put(r);
    for (const r of meta) await tx.objectStore(STORE.meta).put(r);
    await tx.done;
    v3.close();

    const v4 = await openVaultDb(name, 4);
    expect(v4.version).toBe(4);
    v4.close();
    const dump = await dumpDatabase(name);
    expect(dump.credentials).toEqual(credentials);
    expect(dump.records).toEqual(records);
    expect(dump.meta).toEqual([{ rowKey: CREDENTIAL_META_MERGE_ROW }, ...meta]);
  });

  it('4 → 5 keeps every v4 record and marks the vault for stamping whose each credential is', async () => {
    const name = dbName('mig-v5');
    const v4 = await openVaultDb(name, 4);
    const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    const credentials = [{ rowKey: 'c', v: 1, iv: bytes(12, 1), ct: bytes(80, 1) }];
    const records = [{ rowKey: 'r', v: 1, iv: bytes(12, 2), ct: bytes(90, 2), kindTag: 'k' }];
    const activity = [{ rowKey: 'a', v: 1, iv: bytes(12, 4), ct: bytes(70, 4) }];
    const tx = v4.transaction([STORE.credentials, STORE.records, STORE.activity, STORE.meta], 'readwrite');
    for (const r of credentials) await tx.objectStore(STORE.credentials).put(r);
    for (const r of records) await tx.objectStore(STORE.records).put(r);
    for (const r of activity) await tx.objectStore(STORE.activity).put(r);
    await tx.objectStore(STORE.meta).delete(CREDENTIAL_META_MERGE_ROW);
    await tx.done;
    v4.close();

    const v5 = await openVaultDb(name);
    expect(v5.version).toBe(5);
    v5.close();
    const dump = await dumpDatabase(name);
    expect(dump.credentials).toEqual(credentials);
    expect(dump.records).toEqual(records);
    expect(dump.activity).toEqual(activity);
    expect(dump.meta).toEqual([{ rowKey: PEOPLE_STAMP_ROW }]);
  });

  it('a real vault written at v1 opens, unlocks and lists after the upgrade', async () => {
    // Write a vault through the current code, then copy its v1 stores into a database created at v1.
    const source = dbName('mig-source');
    const vault = testVault(source);
    await vault.setUp(PIN);
    for (let i = 0; i < 5; i++) await vault.putCredential(sampleCredential(`c${i}`));
    await vault.createDeviceKey('c0');
    const jwk = await vault.deviceKeyPublicJwk('c0');
    await vault.close();
    const dump = await dumpDatabase(source);

    const target = dbName('mig-target');
    const v1 = await openVaultDb(target, 1);
    const tx = v1.transaction(V1_STORES, 'readwrite');
    for (const store of V1_STORES) for (const r of dump[store]!) await tx.objectStore(store).put(r);
    await tx.done;
    v1.close();

    const upgraded = testVault(target);
    expect(await upgraded.state()).toBe('locked');
    await upgraded.unlockWithPin(PIN);
    expect((await upgraded.listCredentials()).map((c) => c.id).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(await upgraded.deviceKeyPublicJwk('c0')).toEqual(jwk);
    await upgraded.recordActivity({ kind: 'shared' }); // the new stores work
    expect(await upgraded.listActivity()).toHaveLength(1);
    await upgraded.putRecord('pending-offer', 'o1', { state: 'queued' });
    expect(await upgraded.listRecords('pending-offer')).toEqual([{ id: 'o1', value: { state: 'queued' } }]);
  });

  it('refuses to open a database from a newer Satchel', async () => {
    const name = dbName('mig-newer');
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, SCHEMA_VERSION + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    await expect(openVaultDb(name)).rejects.toMatchObject({ name: 'StorageError', code: 'newer-schema' });
  });
});
