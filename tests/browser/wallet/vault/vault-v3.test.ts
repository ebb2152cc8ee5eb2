/**
 * A vault database written by Satchel at schema version 3 (fixtures/vault-v3.json, made by
 * fixtures/write-vault-v3.ts with the code of that version) opens with today's code: it unlocks,
 * every credential's metadata moves from the receive document into the credential's own record,
 * and nothing else changes. A backup that version made restores the same way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fixture from './fixtures/vault-v3.json';
import { openVaultDb } from '../../../../src/storage/db';
import { CREDENTIAL_META_MERGE_ROW, STORE } from '../../../../src/storage/schema';
import type { StoredCredential } from '../../../../src/wallet/vault/vault-api';
import { cleanUpVaults, dumpDatabase, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

/** { $bytes: base64 } back to Uint8Array, as IndexedDB held them. */
function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object' && value !== null) {
    const bytes = (value as { $bytes?: unknown }).$bytes;
    if (typeof bytes === 'string') return Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
}

/** The fixture's stores written into a new database at version 3, as that Satchel left it. */
async function v3Database(): Promise<string> {
  const name = uniqueDbName('vault-v3');
  const db = await openVaultDb(name, 3);
  const stores = fromJson(fixture.stores) as Record<string, unknown[]>;
  const tx = db.transaction(Object.keys(stores), 'readwrite');
  for (const [store, rows] of Object.entries(stores)) for (const row of rows) await tx.objectStore(store).put(row);
  await tx.done;
  db.close();
  return name;
}

const licence = fixture.credentials[0] as StoredCredential;
const rtw = fixture.credentials[1] as StoredCredential;
const LICENCE_META = {
  display: {
    issuerId: 'https://dvla.example.gov.uk',
    configurationId: 'driving-licence',
    typeName: { en: 'Driving licence', cy: 'Trwydded yrru' },
    claims: [{ path: ['given_name'], label: { en: 'Given name', cy: 'Enw cyntaf' } }],
  },
  statusUri: 'https://dvla.example.gov.uk/status/1',
  notification: { endpoint: 'https://dvla.example.gov.uk/notification', notificationId: 'n-1', accessToken: 'at-1' },
};
const RTW_META = { display: { issuerId: 'https://home-office.example.gov.uk', configurationId: 'rtw', typeName: { en: 'Right to work' }, claims: [] } };
/** The receive document as v3 left it, less the credentials field that moved. */
const { credentials: _moved, ...RECEIVE_AFTER } = fixture.receiveState;

describe('a vault written at schema version 3', () => {
  it('unlocks, and each credential record then carries its own metadata', async () => {
    const name = await v3Database();
    const vault = testVault(name);
    expect(await vault.state()).toBe('locked');
    await vault.unlockWithPin(fixture.pin);

    // v4 → v5 then marks each one the holder's own (people-migration.test.ts).
    expect(await vault.listCredentials()).toEqual([
      { ...rtw, ...RTW_META, personId: 'self' },
      { ...licence, ...LICENCE_META, personId: 'self' },
    ]);
    expect(await vault.getCredential('licence')).toEqual({ ...licence, ...LICENCE_META, personId: 'self' });
    expect(await vault.getCredential('gone')).toBeUndefined();
    // Only the moved field left the receive document: pending offers, issuer metadata and the
    // cached lists (which the trust folder adopts) are as they were.
    expect(await vault.getRecord('receive', 'state')).toEqual(RECEIVE_AFTER);
    expect(RECEIVE_AFTER).toMatchObject({ pending: [expect.objectContaining({ offerId: 'offer-1' })], trustList: { jwt: 'trust.list.jwt' } });

    expect(await vault.settings()).toEqual({ autoLockMinutes: 10 });
    expect(await vault.listActivity()).toEqual([expect.objectContaining({ kind: 'received', counterparty: 'DVLA' })]);
    expect(await vault.deviceKeyPublicJwk('licence')).toEqual(fixture.deviceKeyJwk);
    const data = new TextEncoder().encode('kb-jwt signing input');
    const pub = await crypto.subtle.importKey('jwk', fixture.deviceKeyJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, await vault.signWithDeviceKey('licence', data), data)).toBe(true);
  });

  it('moves the metadata once: the marker goes, and the next unlock changes nothing', async () => {
    const name = await v3Database();
    const vault = testVault(name);
    await vault.unlockWithPin(fixture.pin);
    vault.lock();
    const after = await dumpDatabase(name);
    expect(after.meta!.map((r) => (r as { rowKey: string }).rowKey)).not.toContain(CREDENTIAL_META_MERGE_ROW);
    await vault.unlockWithRecoveryCode(fixture.recoveryCode, '271828');
    const again = await dumpDatabase(name);
    expect(again[STORE.credentials]).toEqual(after[STORE.credentials]);
    expect(again[STORE.records]).toEqual(after[STORE.records]);
    expect((await vault.listCredentials()).map((c) => c.display?.configurationId)).toEqual(['rtw', 'driving-licence']);
  });

  it('never overwrites a record with bad or older metadata', async () => {
    const name = uniqueDbName('vault-v3-bad');
    const vault = testVault(name);
    await vault.setUp(fixture.pin);
    await vault.putCredential({ ...licence, ...LICENCE_META });
    await vault.putCredential(rtw);
    await vault.putRecord('receive', 'state', {
      ...RECEIVE_AFTER,
      credentials: {
        licence: { issuerId: 'https://elsewhere.example', configurationId: 'x', typeName: { en: 'Older' }, claims: [], statusUri: 'https://elsewhere.example/s' },
        'right-to-work': { issuerId: 'https://home-office.example.gov.uk', configurationId: 'rtw', typeName: 'not localised', claims: [], statusUri: 42, notificationEndpoint: 'https://x', accessToken: 'at' },
      },
    });
    vault.lock();
    const db = await openVaultDb(name);
    await db.put(STORE.meta, { rowKey: CREDENTIAL_META_MERGE_ROW });
    db.close();
    await vault.unlockWithPin(fixture.pin);
    expect(await vault.getCredential('licence')).toEqual({ ...licence, ...LICENCE_META });
    expect(await vault.getCredential('right-to-work')).toEqual(rtw);
    expect(await vault.getRecord('receive', 'state')).toEqual(RECEIVE_AFTER);
  });

  it('a backup written at version 3 restores with each credential carrying its metadata', async () => {
    const vault = testVault(uniqueDbName('vault-v3-backup'));
    await vault.restoreBackup(new Blob([fixture.backup.file]), fixture.backup.passphrase, '314159');
    expect(await vault.listCredentials()).toEqual([
      { ...rtw, ...RTW_META },
      { ...licence, ...LICENCE_META },
    ]);
    expect(await vault.getRecord('receive', 'state')).toEqual(RECEIVE_AFTER);
  });
});
