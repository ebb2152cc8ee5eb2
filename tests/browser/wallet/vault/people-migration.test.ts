/**
 * Schema v5 (docs/vault.md "People"): a vault written at schema version 4 — made here by today's
 * code and its stores copied into a database created at version 4, less the people document v4
 * never had (credential records without personId are what v4 wrote, byte for byte) — opens with
 * today's code: the upgrade marks it, the first unlock stamps every credential the holder's own
 * (SELF_PERSON) and writes the people document, and nothing else changes; a second unlock does nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openVaultDb } from '../../../../src/storage/db';
import { CREDENTIAL_META_MERGE_ROW, PEOPLE_STAMP_ROW, STORE } from '../../../../src/storage/schema';
import { createPeople } from '../../../../src/wallet/people';
import { PEOPLE_ID, PEOPLE_KIND, SELF_PERSON } from '../../../../src/wallet/shared';
import type { StoredCredential } from '../../../../src/wallet/vault/vault-api';
import { cleanUpVaults, dumpDatabase, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

type Row = { rowKey: string };
const rowKeys = (rows: unknown[] | undefined) => (rows ?? []).map((r) => (r as Row).rowKey).sort();

const LICENCE: StoredCredential = {
  ...sampleCredential('licence', { given_name: 'Ada' }, '2026-03-01T00:00:00.000Z'),
  display: { issuerId: 'https://dvla.example.gov.uk', configurationId: 'driving-licence', typeName: { en: 'Driving licence', cy: 'Trwydded yrru' }, claims: [{ path: ['given_name'], label: { en: 'Given name' } }] },
  statusUri: 'https://dvla.example.gov.uk/status/1',
  notification: { endpoint: 'https://dvla.example.gov.uk/notification', notificationId: 'n-1', accessToken: 'at-1' },
  paperCard: { missing: 'not-offered' },
};
const RTW = sampleCredential('rtw', { given_name: 'Ada' }, '2026-02-01T00:00:00.000Z');

/** A v4 database holding two credentials (one with a device key), settings, an activity entry and a receive document. */
async function v4Database(): Promise<{ name: string; jwk: JsonWebKey }> {
  const source = uniqueDbName('people-mig-src');
  const vault = testVault(source);
  await vault.setUp(PIN);
  // A new vault has no people document (nobody to name yet), as v4 had none.
  expect((await dumpDatabase(source))[STORE.records]).toEqual([]);
  await vault.putCredential(LICENCE);
  await vault.putCredential(RTW);
  const jwk = await vault.createDeviceKey('licence');
  await vault.updateSettings({ autoLockMinutes: 10 });
  await vault.recordActivity({ kind: 'received', counterparty: 'DVLA', claims: [] });
  await vault.putRecord('receive', 'state', { v: 1, pending: [], issuers: {} });
  await vault.close();
  const dump = await dumpDatabase(source);

  const name = uniqueDbName('people-mig-v4');
  const db = await openVaultDb(name, 4);
  const stores = [STORE.keySlots, STORE.meta, STORE.credentials, STORE.deviceKeys, STORE.activity, STORE.records];
  const tx = db.transaction(stores, 'readwrite');
  // A v4 vault that has been unlocked since its v4 upgrade has no merge marker left.
  await tx.objectStore(STORE.meta).delete(CREDENTIAL_META_MERGE_ROW);
  for (const store of stores) for (const row of dump[store]!) await tx.objectStore(store).put(row);
  await tx.done;
  db.close();
  return { name, jwk };
}

describe('a vault written at schema version 4', () => {
  it('unlocks, and every credential is then "You"\'s, with the people document written and nothing else changed', async () => {
    const { name, jwk } = await v4Database();
    const before = await dumpDatabase(name);
    expect(before[STORE.records]).toHaveLength(1);
    const vault = testVault(name);
    expect(await vault.state()).toBe('locked');
    expect(rowKeys((await dumpDatabase(name))[STORE.meta])).toContain(PEOPLE_STAMP_ROW);
    await vault.unlockWithPin(PIN);

    // Every record says whose it is; every other field is as v4 kept it.
    expect(await vault.listCredentials()).toEqual([
      { ...LICENCE, personId: SELF_PERSON },
      { ...RTW, personId: SELF_PERSON },
    ]);
    expect(await vault.getRecord(PEOPLE_KIND, PEOPLE_ID)).toEqual({ v: 1, people: [] });
    const people = createPeople({ vault, views: async () => [] });
    expect(await people.list()).toEqual([{ id: SELF_PERSON, name: '', marker: 'blue' }]);

    const after = await dumpDatabase(name);
    expect(rowKeys(after[STORE.meta])).not.toContain(PEOPLE_STAMP_ROW);
    expect(rowKeys(after[STORE.credentials])).toEqual(rowKeys(before[STORE.credentials]));
    for (const store of [STORE.keySlots, STORE.deviceKeys, STORE.activity]) expect(after[store]).toEqual(before[store]);
    // The records before are all there, unchanged, with one more: the people document.
    for (const row of before[STORE.records]!) expect(after[STORE.records]).toContainEqual(row);
    expect(after[STORE.records]).toHaveLength(2);
    expect(await vault.getRecord('receive', 'state')).toEqual({ v: 1, pending: [], issuers: {} });
    expect(await vault.settings()).toEqual({ autoLockMinutes: 10 });
    expect(await vault.listActivity()).toEqual([expect.objectContaining({ kind: 'received', counterparty: 'DVLA' })]);
    expect(await vault.deviceKeyPublicJwk('licence')).toEqual(jwk);
  });

  it('stamps once: a second unlock changes nothing', async () => {
    const { name } = await v4Database();
    const vault = testVault(name);
    await vault.unlockWithPin(PIN);
    vault.lock();
    const after = await dumpDatabase(name);
    await vault.unlockWithPin(PIN);
    const again = await dumpDatabase(name);
    for (const store of [STORE.credentials, STORE.records, STORE.deviceKeys, STORE.activity, STORE.keySlots]) expect(again[store]).toEqual(after[store]);
    expect((await vault.listCredentials()).map((c) => c.personId)).toEqual([SELF_PERSON, SELF_PERSON]);
  });

  it('keeps a people document and a personId that are already there (a marker left by an interrupted unlock)', async () => {
    const name = uniqueDbName('people-mig-kept');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putCredential({ ...RTW, personId: 'p-mum' });
    await vault.putCredential(LICENCE);
    const document = { v: 1, people: [{ id: 'p-mum', name: 'Mum', marker: 'green', addedAt: '2026-12-01T00:00:00.000Z' }] };
    await vault.putRecord(PEOPLE_KIND, PEOPLE_ID, document);
    vault.lock();
    const db = await openVaultDb(name);
    await db.put(STORE.meta, { rowKey: PEOPLE_STAMP_ROW });
    db.close();
    await vault.unlockWithPin(PIN);
    expect((await vault.listCredentials()).map((c) => [c.id, c.personId])).toEqual([['licence', SELF_PERSON], ['rtw', 'p-mum']]);
    expect(await vault.getRecord(PEOPLE_KIND, PEOPLE_ID)).toEqual(document);
  });
});
