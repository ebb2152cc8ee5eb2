/**
 * A full disk. Chromium under Playwright ignores Storage.overrideQuotaForOrigin for the test's
 * context, so the real IndexedDB's put() is made to throw the DOMException a full disk gives
 * (QuotaExceededError) once a byte budget is spent. Everything else is the real database: the
 * vault must report VaultError('storage-full') and the aborted transaction must leave nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpVaults, dumpDatabase, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

const realPut = IDBObjectStore.prototype.put;

/** From now on, puts into `store` may write `budgetBytes` of ciphertext in total; the next one fails. */
function setQuota(store: string, budgetBytes: number): void {
  let spent = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === store) {
      spent += (value as { ct?: Uint8Array }).ct?.byteLength ?? 0;
      if (spent > budgetBytes) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return realPut.call(this, value, key);
  } as typeof realPut;
}
function clearQuota(): void {
  IDBObjectStore.prototype.put = realPut;
}

afterEach(async () => {
  clearQuota();
  await cleanUpVaults();
});

describe('storage full', () => {
  it('a credential that does not fit → storage-full; the vault is as it was and still works', async () => {
    const name = uniqueDbName('quota');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('small'));
    const before = await dumpDatabase(name);
    setQuota('credentials', 64 * 1024);
    const huge = { ...sampleCredential('huge'), raw: 'x'.repeat(4 * 1024 * 1024) };
    await expectVaultError(vault.putCredential(huge), 'storage-full');
    expect(await dumpDatabase(name)).toEqual(before);
    clearQuota();
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['small']);
    await vault.putCredential(sampleCredential('fits'));
    expect(await vault.listCredentials()).toHaveLength(2);
  });

  it('a restore that does not fit → storage-full, and the vault that was there is untouched', async () => {
    const source = testVault(uniqueDbName('quota-src'));
    await source.setUp(PIN);
    for (let i = 0; i < 4; i++) await source.putCredential({ ...sampleCredential(`big-${i}`), raw: String(i).repeat(512 * 1024) });
    const file = await source.exportBackup(PIN, 'backup passphrase here');

    const name = uniqueDbName('quota-dst');
    const vault = testVault(name);
    await vault.setUp('111111');
    await vault.putCredential(sampleCredential('already-here'));
    const before = await dumpDatabase(name);
    // Room for two of the four credentials: the restore had already cleared the old vault in its
    // transaction, so this also proves the clear is rolled back.
    setQuota('credentials', 2 * 600 * 1024);
    await expectVaultError(vault.restoreBackup(file, 'backup passphrase here', '222222'), 'storage-full');
    clearQuota();
    expect(await dumpDatabase(name)).toEqual(before);
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['already-here']);
  });
});
