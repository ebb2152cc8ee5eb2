/**
 * People over the real vault (IndexedDB, docs/vault.md "People"): removing a person deletes their
 * credentials, those credentials' device keys and writes the people document in one transaction —
 * a write failing mid-way (a quota error) leaves every row as it was — and a backup carries the
 * people document (tombstones too) and every credential's personId into a fresh browser profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STORE } from '../../../../src/storage/schema';
import { createPeople, type People } from '../../../../src/wallet/people';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { cleanUpVaults, dumpDatabase, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);
const PASSPHRASE = 'correct horse battery staple';

const peopleOf = (vault: SatchelVault): People => createPeople({ vault, views: async () => [], now: () => Date.parse('2026-12-01T06:00:00Z') });

/** You with a licence; Mum with a licence and a device key; Dad added, then removed with his credential. */
async function carersVault(): Promise<{ vault: SatchelVault; name: string; people: People; mum: string; dad: string }> {
  const name = uniqueDbName('people');
  const vault = testVault(name);
  await vault.setUp(PIN);
  const people = peopleOf(vault);
  const mum = (await people.add('Mum')).id;
  const dad = (await people.add('Dad')).id;
  await vault.putCredential({ ...sampleCredential('mine', { given_name: 'Ada' }, '2026-01-01T00:00:00.000Z'), personId: SELF_PERSON });
  await vault.createDeviceKey('mine');
  await vault.putCredential({ ...sampleCredential('mums', { given_name: 'Margaret' }, '2026-02-01T00:00:00.000Z'), personId: mum });
  await vault.createDeviceKey('mums');
  await vault.putCredential({ ...sampleCredential('mums-2', { given_name: 'Margaret' }, '2026-03-01T00:00:00.000Z'), personId: mum });
  await vault.putCredential({ ...sampleCredential('dads', { given_name: 'David' }, '2026-04-01T00:00:00.000Z'), personId: dad });
  await vault.createDeviceKey('dads');
  await vault.recordActivity({ kind: 'received', personId: dad, claims: [] });
  await people.remove(dad);
  return { vault, name, people, mum, dad };
}

describe('removing a person (real vault)', () => {
  it('deletes their credentials and device keys and keeps them as a tombstone; their activity stays', async () => {
    const { vault, people, mum, dad } = await carersVault();
    expect((await vault.listCredentials()).map((c) => [c.id, c.personId])).toEqual([['mums-2', mum], ['mums', mum], ['mine', SELF_PERSON]]);
    expect(await vault.deviceKeyPublicJwk('dads')).toBeUndefined();
    expect(await vault.deviceKeyPublicJwk('mums')).toBeDefined();
    expect((await people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
    expect((await people.list({ includeRemoved: true })).find((p) => p.id === dad)).toMatchObject({ name: 'Dad', removedAt: '2026-12-01T06:00:00.000Z' });
    expect(await vault.listActivity()).toEqual([expect.objectContaining({ personId: dad })]);

    await people.remove(mum);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mine']);
    expect(await vault.deviceKeyPublicJwk('mums')).toBeUndefined();
    expect(await vault.deviceKeyPublicJwk('mine')).toBeDefined();
  });

  it('changes nothing when the write fails mid-way (a quota error after the deletes were asked for)', async () => {
    const { vault, name, people, mum } = await carersVault();
    const before = await dumpDatabase(name);
    const put = IDBObjectStore.prototype.put;
    let deletesBefore = 0;
    const del = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.delete = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
      deletesBefore++;
      return del.apply(this, args);
    };
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === STORE.records) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expectVaultError(people.remove(mum), 'storage-full');
    } finally {
      IDBObjectStore.prototype.put = put;
      IDBObjectStore.prototype.delete = del;
    }
    // Her two credentials and one key were being deleted in the same transaction when the write failed.
    expect(deletesBefore).toBe(4);
    const after = await dumpDatabase(name);
    for (const store of [STORE.credentials, STORE.deviceKeys, STORE.records, STORE.activity]) expect(after[store]).toEqual(before[store]);
    expect((await people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mums-2', 'mums', 'mine']);
    // And it works once there is room.
    await people.remove(mum);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mine']);
  });
});

describe('removing a person while another tab changes one of their credentials', () => {
  it('removes nothing: the row read before the transaction is not the row in it', async () => {
    const { vault, name, people, mum } = await carersVault();
    const otherTab = testVault(name);
    await otherTab.unlockWithPin(PIN);
    const before = await dumpDatabase(name);
    // The removal seals the people document after reading her rows and before its transaction:
    // the other tab rewrites one of her credentials right then.
    const subtle = crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    let armed = true;
    Object.defineProperty(subtle, 'encrypt', {
      configurable: true,
      value: async (...args: Parameters<SubtleCrypto['encrypt']>) => {
        if (armed) {
          armed = false;
          await otherTab.putCredential({ ...sampleCredential('mums', { given_name: 'Margaret (renewed)' }, '2026-02-01T00:00:00.000Z'), personId: mum });
        }
        return encrypt(...args);
      },
    });
    try {
      await expectVaultError(people.remove(mum), 'storage-unavailable');
    } finally {
      delete (subtle as unknown as Record<string, unknown>).encrypt;
    }
    const after = await dumpDatabase(name);
    expect(after[STORE.records]).toEqual(before[STORE.records]);
    expect(after[STORE.deviceKeys]).toEqual(before[STORE.deviceKeys]);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mums-2', 'mums', 'mine']);
    expect((await people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
  });

  it('removes nothing when the other tab adds a credential to her space meanwhile', async () => {
    const { vault, name, people, mum } = await carersVault();
    const otherTab = testVault(name);
    await otherTab.unlockWithPin(PIN);
    const subtle = crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    let armed = true;
    Object.defineProperty(subtle, 'encrypt', {
      configurable: true,
      value: async (...args: Parameters<SubtleCrypto['encrypt']>) => {
        if (armed) {
          armed = false;
          await otherTab.putCredential({ ...sampleCredential('mums-new', { given_name: 'Margaret' }, '2026-05-01T00:00:00.000Z'), personId: mum });
        }
        return encrypt(...args);
      },
    });
    try {
      await expectVaultError(people.remove(mum), 'storage-unavailable');
    } finally {
      delete (subtle as unknown as Record<string, unknown>).encrypt;
    }
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mums-new', 'mums-2', 'mums', 'mine']);
    // Tried again, it removes all of hers, the new one too.
    await people.remove(mum);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['mine']);
  });
});

describe('backup and restore with people', () => {
  it('carries the people (with the removed one) and every personId into a fresh browser profile', async () => {
    const { vault, people, mum } = await carersVault();
    const everyone = await people.list({ includeRemoved: true });
    const credentials = await vault.listCredentials();
    const file = await vault.exportBackup(PIN, PASSPHRASE);

    const other = testVault(uniqueDbName('people-restored'));
    await other.restoreBackup(file, PASSPHRASE, '975310');
    const restored = peopleOf(other);
    expect(await restored.list({ includeRemoved: true })).toEqual(everyone);
    expect(await restored.list()).toEqual(everyone.filter((p) => p.removedAt === undefined));
    expect(await other.listCredentials()).toEqual(credentials);
    expect((await other.listCredentials()).map((c) => c.personId)).toEqual([mum, mum, SELF_PERSON]);
    expect(await other.deviceKeyPublicJwk('mums')).toEqual(await vault.deviceKeyPublicJwk('mums'));
    // People go on working there: a removal in the restored vault.
    await restored.remove(mum);
    expect((await other.listCredentials()).map((c) => c.id)).toEqual(['mine']);
  });
});
