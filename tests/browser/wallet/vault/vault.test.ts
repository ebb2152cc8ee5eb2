import { afterEach, describe, expect, it } from 'vitest';
import { MIN_PIN_LENGTH, type VaultState } from '../../../../src/wallet/vault/vault-api';
import { THROTTLE_BASE_DELAY_MS, THROTTLE_FREE_ATTEMPTS } from '../../../../src/storage/throttle';
import { SCHEMA_VERSION } from '../../../../src/storage/schema';
import { cleanUpVaults, dumpDatabase, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

describe('vault set-up, lock and unlock', () => {
  it('goes absent → unlocked → locked → unlocked and tells listeners', async () => {
    const vault = testVault(uniqueDbName('states'));
    const seen: VaultState[] = [];
    vault.onStateChange((s) => seen.push(s));
    expect(await vault.state()).toBe('absent');
    const { recoveryCode } = await vault.setUp(PIN);
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await vault.state()).toBe('unlocked');
    vault.lock();
    expect(await vault.state()).toBe('locked');
    await vault.unlockWithPin(PIN);
    expect(await vault.state()).toBe('unlocked');
    expect(seen).toEqual(['unlocked', 'locked', 'unlocked']);
    expect(await vault.unlockMethods()).toEqual({ pin: true, passkey: false, recovery: true });
  });

  it('refuses a short PIN and a second set-up', async () => {
    const vault = testVault(uniqueDbName('setup'));
    await expectVaultError(vault.setUp('1'.repeat(MIN_PIN_LENGTH - 1)), 'pin-too-short');
    expect(await vault.state()).toBe('absent');
    await vault.setUp(PIN);
    await expectVaultError(vault.setUp('999999'), 'already-set-up');
  });

  it('stores, lists, replaces and deletes credentials', async () => {
    const vault = testVault(uniqueDbName('crud'));
    await vault.setUp(PIN);
    const a = sampleCredential('cred-a', { given_name: 'Ada' }, '2026-01-01T00:00:00.000Z');
    const b = sampleCredential('cred-b', { given_name: 'Bea' }, '2026-02-01T00:00:00.000Z');
    await vault.putCredential(a);
    await vault.putCredential(b);
    expect(await vault.listCredentials()).toEqual([b, a]); // newest first
    const a2 = { ...a, issuerName: 'Home Office' };
    await vault.putCredential(a2);
    expect(await vault.listCredentials()).toEqual([b, a2]);
    await vault.deleteCredential('cred-b');
    expect(await vault.listCredentials()).toEqual([a2]);
    await expect(vault.putCredential({ ...a, format: 'mdoc' as 'vc+jwt' })).rejects.toThrow(/credential.format/);
  });

  it('keeps one record per credential, with its display metadata, status list and notification data, found by id', async () => {
    const vault = testVault(uniqueDbName('record'));
    await vault.setUp(PIN);
    const full = {
      ...sampleCredential('cred-a', { given_name: 'Ada' }),
      display: { issuerId: 'https://dvla.example.gov.uk', configurationId: 'licence', typeName: { en: 'Driving licence', cy: 'Trwydded yrru' }, claims: [{ path: ['given_name'], label: { en: 'Given name' } }] },
      statusUri: 'https://dvla.example.gov.uk/status/1',
      notification: { endpoint: 'https://dvla.example.gov.uk/notify', notificationId: 'n1', accessToken: 'at' },
    };
    await vault.putCredential({ ...full, extra: 'not kept' } as typeof full);
    await vault.putCredential(sampleCredential('cred-b'));
    expect(await vault.getCredential('cred-a')).toEqual(full);
    expect(await vault.getCredential('cred-c')).toBeUndefined();
    expect((await vault.listCredentials()).find((c) => c.id === 'cred-a')).toEqual(full);
    await expect(vault.putCredential({ ...full, display: { ...full.display, claims: 'none' as never } })).rejects.toThrow(/credential.display/);
    await expect(vault.putCredential({ ...full, notification: { endpoint: 'https://x', notificationId: 'n' } as never })).rejects.toThrow(/credential.notification/);
    vault.lock();
    await expectVaultError(vault.getCredential('cred-a'), 'locked');
  });

  it('lock drops the keys: every operation needing them throws VaultError(locked)', async () => {
    const vault = testVault(uniqueDbName('lock'));
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('c1'));
    await vault.createDeviceKey('c1');
    vault.lock();
    expect((vault as unknown as { core: { session?: unknown } }).core.session).toBeUndefined();
    await expectVaultError(vault.listCredentials(), 'locked');
    await expectVaultError(vault.putCredential(sampleCredential('c2')), 'locked');
    await expectVaultError(vault.deleteCredential('c1'), 'locked');
    await expectVaultError(vault.settings(), 'locked');
    await expectVaultError(vault.updateSettings({ autoLockMinutes: 2 }), 'locked');
    await expectVaultError(vault.createDeviceKey('c3'), 'locked');
    await expectVaultError(vault.signWithDeviceKey('c1', new Uint8Array(4)), 'locked');
    await expectVaultError(vault.listActivity(), 'locked');
    await expectVaultError(vault.exportBackup(PIN, 'a long backup passphrase'), 'locked');
    await vault.unlockWithPin(PIN);
    expect(await vault.listCredentials()).toHaveLength(1);
    // Locking while a read is in flight: the decrypted values are not handed out.
    const reading = vault.listCredentials();
    vault.lock();
    await expectVaultError(reading, 'locked');
  });

  it('a second instance on the same database (a reload) unlocks and reads the same records', async () => {
    const name = uniqueDbName('reload');
    const first = testVault(name);
    await first.setUp(PIN);
    await first.putCredential(sampleCredential('kept'));
    await first.close();
    const second = testVault(name);
    expect(await second.state()).toBe('locked');
    await second.unlockWithPin(PIN);
    expect((await second.listCredentials()).map((c) => c.id)).toEqual(['kept']);
  });

  it('steps aside for a newer Satchel in another tab, then says the vault is unavailable here', async () => {
    const name = uniqueDbName('newer-tab');
    const vault = testVault(name);
    await vault.setUp(PIN);
    // A newer version opens the database: this tab's connection closes instead of blocking it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, SCHEMA_VERSION + 1);
      req.onblocked = () => reject(new Error('the upgrade was blocked by the older tab'));
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    vault.lock();
    await expectVaultError(vault.state(), 'storage-unavailable');
  });

  it('settings are stored encrypted and validated', async () => {
    const vault = testVault(uniqueDbName('settings'));
    await vault.setUp(PIN);
    expect(await vault.settings()).toEqual({ autoLockMinutes: 5 });
    await vault.updateSettings({ autoLockMinutes: 2 });
    vault.lock();
    await vault.unlockWithPin(PIN);
    expect(await vault.settings()).toEqual({ autoLockMinutes: 2 });
    await expect(vault.updateSettings({ autoLockMinutes: 0 })).rejects.toThrow(/autoLockMinutes/);
  });

  it('keeps an encrypted activity log of any entry shape, newest first, with removal', async () => {
    const vault = testVault(uniqueDbName('activity'));
    await vault.setUp(PIN);
    const received = await vault.recordActivity({ kind: 'received', claims: [], at: '2026-01-01T00:00:00.000Z' });
    const shared = await vault.recordActivity({ kind: 'shared', counterparty: 'A shop', claims: [{ en: 'Over 18' }], at: '2026-01-02T00:00:00.000Z' });
    expect(shared.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(shared.id).not.toBe(received.id);
    const stamped = await vault.recordActivity({ kind: 'checked', claims: [] });
    expect(Date.parse(stamped.at)).not.toBeNaN();
    type Entry = { kind: string; counterparty?: string };
    let log = await vault.listActivity<Entry>();
    expect(log.map((e) => e.kind)).toEqual(['checked', 'shared', 'received']);
    expect(log[1]).toEqual(shared);
    await vault.deleteActivity(shared.id);
    log = await vault.listActivity<Entry>();
    expect(log.map((e) => e.kind)).toEqual(['checked', 'received']);
  });

  it('keeps other use cases\' records encrypted by kind and id', async () => {
    const name = uniqueDbName('records');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putRecord('pending-offer', 'offer-1', { preAuthorizedCode: 'abc', state: 'queued' });
    await vault.putRecord('pending-offer', 'offer-2', { preAuthorizedCode: 'def', state: 'queued' });
    await vault.putRecord('check-record', 'offer-1', { ok: true }); // same id, other kind
    expect(await vault.getRecord('pending-offer', 'offer-1')).toEqual({ preAuthorizedCode: 'abc', state: 'queued' });
    expect(await vault.getRecord('check-record', 'offer-1')).toEqual({ ok: true });
    expect(await vault.getRecord('pending-offer', 'nope')).toBeUndefined();
    await vault.putRecord('pending-offer', 'offer-1', { preAuthorizedCode: 'abc', state: 'failed' });
    const offers = await vault.listRecords<{ state: string }>('pending-offer');
    expect(offers.map((o) => `${o.id}:${o.value.state}`).sort()).toEqual(['offer-1:failed', 'offer-2:queued']);
    expect(await vault.listRecords('check-record')).toEqual([{ id: 'offer-1', value: { ok: true } }]);
    await vault.deleteRecord('pending-offer', 'offer-2');
    expect((await vault.listRecords('pending-offer')).map((o) => o.id)).toEqual(['offer-1']);
    await expect(vault.putRecord('', 'x', 1)).rejects.toThrow(/kind/);
    vault.lock();
    await expectVaultError(vault.listRecords('pending-offer'), 'locked');
    await expectVaultError(vault.getRecord('pending-offer', 'offer-1'), 'locked');
    await expectVaultError(vault.putRecord('pending-offer', 'offer-3', {}), 'locked');
    await expectVaultError(vault.deleteActivity('x'), 'locked');
  });

  it('a record moved to another kind fails authentication', async () => {
    const name = uniqueDbName('records-move');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putRecord('check-record', 'r1', { ok: true });
    await vault.putRecord('pending-offer', 'o1', { state: 'queued' });
    const rows = (await dumpDatabase(name)).records as { kindTag: string; rowKey: string }[];
    const [a, b] = rows;
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
    });
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put({ ...a, kindTag: b!.kindTag });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    // Whichever kind now lists the moved row refuses it.
    const results = await Promise.allSettled([vault.listRecords('check-record'), vault.listRecords('pending-offer')]);
    expect(results.some((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'storage-unavailable')).toBe(true);
  });
});

describe('wrong PIN', () => {
  it('counts failures, then throttles with a growing delay that survives a reload, touching nothing else', async () => {
    const name = uniqueDbName('throttle');
    let clock = 1_000_000;
    const vault = testVault(name, { now: () => clock });
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('c1', { family_name: 'Okonkwo' }));
    vault.lock();
    const before = await dumpDatabase(name);

    for (let i = 1; i <= THROTTLE_FREE_ATTEMPTS; i++) {
      const e = await expectVaultError(vault.unlockWithPin('000000'), 'wrong-pin');
      expect(e.details).toEqual({ failedAttempts: i, retryAt: clock });
    }
    const fourth = await expectVaultError(vault.unlockWithPin('000000'), 'wrong-pin');
    expect(fourth.details).toEqual({ failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: clock + THROTTLE_BASE_DELAY_MS });

    // Even the right PIN is refused before retryAt, and a reload does not reset the wait.
    await vault.close();
    const reloaded = testVault(name, { now: () => clock });
    const throttled = await expectVaultError(reloaded.unlockWithPin(PIN), 'throttled');
    expect(throttled.details).toEqual({ failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: clock + THROTTLE_BASE_DELAY_MS });

    clock += THROTTLE_BASE_DELAY_MS;
    const fifth = await expectVaultError(reloaded.unlockWithPin('111111'), 'wrong-pin');
    expect(fifth.details.retryAt).toBe(clock + 2 * THROTTLE_BASE_DELAY_MS); // doubled

    // Nothing but the counter changed.
    const after = await dumpDatabase(name);
    expect(after.credentials).toEqual(before.credentials);
    expect(after.keySlots).toEqual(before.keySlots);
    expect(after.deviceKeys).toEqual(before.deviceKeys);
    expect(after.meta!.filter((r) => (r as { rowKey: string }).rowKey !== 'throttle')).toEqual(
      before.meta!.filter((r) => (r as { rowKey: string }).rowKey !== 'throttle'),
    );

    clock += 2 * THROTTLE_BASE_DELAY_MS;
    await reloaded.unlockWithPin(PIN);
    expect((await reloaded.listCredentials())[0]!.id).toBe('c1');
    // Success resets the counter.
    reloaded.lock();
    expect((await expectVaultError(reloaded.unlockWithPin('000000'), 'wrong-pin')).details.failedAttempts).toBe(1);
  });

  it('two tabs guessing at once get one guess per wait, not one each; the right PIN after the wait clears the count', async () => {
    const name = uniqueDbName('two-tabs');
    let clock = 2_000_000;
    const now = () => clock;
    const first = testVault(name, { now });
    await first.setUp(PIN);
    first.lock();
    for (let i = 1; i <= THROTTLE_FREE_ATTEMPTS; i++) await expectVaultError(first.unlockWithPin('000000'), 'wrong-pin');
    // Two tabs (two vault instances on one database) send a wrong PIN at the same moment: the next
    // wrong PIN starts a wait, so only one guess may be evaluated; the other must meet the wait.
    const second = testVault(name, { now });
    const results = await Promise.allSettled([first.unlockWithPin('111111'), second.unlockWithPin('222222')]);
    const outcomes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string; details: { failedAttempts: number; retryAt: number } }) : undefined));
    expect(outcomes.map((o) => o?.code).sort()).toEqual(['throttled', 'wrong-pin']);
    const evaluated = outcomes.find((o) => o?.code === 'wrong-pin')!;
    const refused = outcomes.find((o) => o?.code === 'throttled')!;
    expect(evaluated.details).toEqual({ failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: clock + THROTTLE_BASE_DELAY_MS });
    expect(refused.details).toEqual({ failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: clock + THROTTLE_BASE_DELAY_MS });

    // After the wait the right PIN unlocks, in either tab, and clears the count for both.
    clock += THROTTLE_BASE_DELAY_MS;
    await second.unlockWithPin(PIN);
    expect(await second.state()).toBe('unlocked');
    const meta = (await dumpDatabase(name)).meta as { rowKey: string }[];
    expect(meta.find((r) => r.rowKey === 'throttle')).toEqual({ rowKey: 'throttle', failedAttempts: 0, retryAt: 0 });
    expect((await expectVaultError(first.unlockWithPin('000000'), 'wrong-pin')).details.failedAttempts).toBe(1);
  });

  it('parallel guesses are counted one by one', async () => {
    const vault = testVault(uniqueDbName('parallel'));
    await vault.setUp(PIN);
    vault.lock();
    const results = await Promise.allSettled(['000001', '000002', '000003'].map((p) => vault.unlockWithPin(p)));
    const counts = results.map((r) => (r.status === 'rejected' ? (r.reason as { details: { failedAttempts: number } }).details.failedAttempts : 0));
    expect(counts.sort()).toEqual([1, 2, 3]);
  });
});

describe('changing the PIN and the recovery code', () => {
  it('change PIN re-wraps only the key slot: records are untouched and readable with the new PIN', async () => {
    const name = uniqueDbName('change-pin');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('c1'));
    await vault.createDeviceKey('c1');
    const before = await dumpDatabase(name);
    await expectVaultError(vault.changePin('999999', '135790'), 'wrong-pin');
    await expectVaultError(vault.changePin(PIN, '123'), 'pin-too-short');
    await vault.changePin(PIN, '135790');
    const after = await dumpDatabase(name);
    expect(after.credentials).toEqual(before.credentials);
    expect(after.deviceKeys).toEqual(before.deviceKeys);
    expect(after.keySlots).not.toEqual(before.keySlots);
    vault.lock();
    await expectVaultError(vault.unlockWithPin(PIN), 'wrong-pin');
    await vault.unlockWithPin('135790');
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['c1']);
  });

  it('the recovery code unlocks after a forgotten PIN and sets a new one; a wrong code does not', async () => {
    const vault = testVault(uniqueDbName('recovery'));
    const { recoveryCode } = await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('c1'));
    vault.lock();
    await expectVaultError(vault.unlockWithRecoveryCode('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', '246810'), 'wrong-recovery-code');
    await expectVaultError(vault.unlockWithRecoveryCode('not a code', '246810'), 'wrong-recovery-code');
    expect(await vault.state()).toBe('locked');
    // Typed loosely: lower case, spaces instead of hyphens.
    await vault.unlockWithRecoveryCode(recoveryCode.toLowerCase().replace(/-/g, ' '), '246810');
    expect(await vault.state()).toBe('unlocked');
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['c1']);
    vault.lock();
    await vault.unlockWithPin('246810');
    vault.lock();
    await expectVaultError(vault.unlockWithPin(PIN), 'wrong-pin');
  });
});

describe('tampering in the database is detected at the vault', () => {
  async function rawUpdate(name: string, store: string, change: (records: Record<string, unknown>[]) => void): Promise<void> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = os.getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
    });
    change(all);
    for (const r of all) os.put(r);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }

  async function vaultWithTwo(label: string) {
    const name = uniqueDbName(label);
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('one', { given_name: 'One' }));
    await vault.putCredential(sampleCredential('two', { given_name: 'Two' }));
    return { name, vault };
  }

  it('a flipped ciphertext byte', async () => {
    const { name, vault } = await vaultWithTwo('tamper-byte');
    await rawUpdate(name, 'credentials', (rs) => {
      (rs[0]!.ct as Uint8Array)[5]! ^= 0x01;
    });
    await expectVaultError(vault.listCredentials(), 'storage-unavailable');
  });

  it('two records swapped between their row keys', async () => {
    const { name, vault } = await vaultWithTwo('tamper-swap');
    await rawUpdate(name, 'credentials', (rs) => {
      const [a, b] = rs as { iv: Uint8Array; ct: Uint8Array }[];
      [a!.iv, b!.iv, a!.ct, b!.ct] = [b!.iv, a!.iv, b!.ct, a!.ct];
    });
    const e = await expectVaultError(vault.listCredentials(), 'storage-unavailable');
    expect(e.message).toMatch(/failed authentication/);
  });

  it('a record sealed under another vault key', async () => {
    const { name, vault } = await vaultWithTwo('tamper-key');
    const other = await vaultWithTwo('tamper-key-other');
    const foreign = (await dumpDatabase(other.name)).credentials as Record<string, unknown>[];
    await rawUpdate(name, 'credentials', (rs) => {
      rs[0]!.iv = foreign[0]!.iv;
      rs[0]!.ct = foreign[0]!.ct;
    });
    await expectVaultError(vault.listCredentials(), 'storage-unavailable');
  });

  it('a key slot from another vault does not unlock this one', async () => {
    const { name, vault } = await vaultWithTwo('tamper-slot');
    const other = await vaultWithTwo('tamper-slot-other');
    const foreignPin = ((await dumpDatabase(other.name)).keySlots as { kind: string }[]).find((s) => s.kind === 'pin')!;
    await rawUpdate(name, 'keySlots', (rs) => {
      const i = rs.findIndex((r) => r.kind === 'pin');
      rs[i] = foreignPin as Record<string, unknown>;
    });
    vault.lock();
    // The foreign slot opens with the same PIN, but yields a key that fails on this vault's records.
    await expectVaultError(vault.unlockWithPin(PIN), 'storage-unavailable');
    expect(await vault.state()).toBe('locked');
  });
});
