import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../../../../src/storage/backup-format';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { cleanUpVaults, dumpDatabase, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);
const PASSPHRASE = 'correct horse battery staple';

async function populatedVault(): Promise<{ vault: SatchelVault; name: string; recoveryCode: string }> {
  const name = uniqueDbName('backup-src');
  const vault = testVault(name);
  const { recoveryCode } = await vault.setUp(PIN);
  for (let i = 0; i < 3; i++) await vault.putCredential(sampleCredential(`cred-${i}`, { given_name: `Person ${i}` }, `2026-0${i + 1}-01T00:00:00.000Z`));
  await vault.createDeviceKey('cred-0');
  await vault.updateSettings({ autoLockMinutes: 3 });
  await vault.recordActivity({ kind: 'shared', credentialId: 'cred-0', detail: 'Proof of age' });
  await vault.putRecord('pending-offer', 'offer-9', { preAuthorizedCode: 'SplxlOBeZQQYbYS6WxSbIA' });
  return { vault, name, recoveryCode };
}

async function verifies(jwk: JsonWebKey, data: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, data);
}

/** Rewrites a field of the backup's JSON envelope. */
async function withEnvelope(file: Blob, change: (doc: Record<string, unknown>) => void): Promise<Blob> {
  const doc = JSON.parse(await file.text()) as Record<string, unknown>;
  change(doc);
  return new Blob([JSON.stringify(doc)]);
}

describe('encrypted backup', () => {
  it('round-trips everything into another browser profile (a fresh database)', async () => {
    const { vault, recoveryCode } = await populatedVault();
    const credentials = await vault.listCredentials();
    const jwk = (await vault.deviceKeyPublicJwk('cred-0'))!;
    const activity = await vault.listActivity();
    const file = await vault.exportBackup(PIN, PASSPHRASE);
    expect(file.type).toBe('application/json');
    const text = await file.text();
    expect(text).not.toContain('Person 0');
    expect(JSON.parse(text)).toMatchObject({ format: 'satchel-backup', version: BACKUP_VERSION, kdf: { alg: 'argon2id', memoryKiB: 19456 } });

    const other = testVault(uniqueDbName('backup-dst'));
    expect(await other.state()).toBe('absent');
    await other.restoreBackup(file, PASSPHRASE, '975310');
    expect(await other.state()).toBe('unlocked');
    expect(await other.listCredentials()).toEqual(credentials);
    expect(await other.settings()).toEqual({ autoLockMinutes: 3 });
    expect(await other.listActivity()).toEqual(activity);
    expect(await other.listRecords('pending-offer')).toEqual([{ id: 'offer-9', value: { preAuthorizedCode: 'SplxlOBeZQQYbYS6WxSbIA' } }]);
    // The device key came along: it signs, and the original public key verifies.
    expect(await other.deviceKeyPublicJwk('cred-0')).toEqual(jwk);
    const data = new TextEncoder().encode('key-binding JWT signing input');
    expect(await verifies(jwk, data, await other.signWithDeviceKey('cred-0', data))).toBe(true);
    // The new PIN works; the old recovery code still works; no passkey slot carried over.
    other.lock();
    await expectVaultError(other.unlockWithPin(PIN), 'wrong-pin');
    await other.unlockWithPin('975310');
    other.lock();
    await other.unlockWithRecoveryCode(recoveryCode, '864200');
    expect(await other.listCredentials()).toHaveLength(3);
  });

  it('export needs the right PIN', async () => {
    const { vault } = await populatedVault();
    await expectVaultError(vault.exportBackup('000000', PASSPHRASE), 'wrong-pin');
  });

  describe('a bad file or passphrase changes nothing in the target browser', () => {
    async function target() {
      const name = uniqueDbName('backup-target');
      const vault = testVault(name);
      await vault.setUp('111111');
      await vault.putCredential(sampleCredential('already-here'));
      return { vault, name, before: await dumpDatabase(name) };
    }

    it('wrong passphrase → backup-wrong-passphrase', async () => {
      const { vault: src } = await populatedVault();
      const file = await src.exportBackup(PIN, PASSPHRASE);
      const { vault, name, before } = await target();
      await expectVaultError(vault.restoreBackup(file, 'not the passphrase', '222222'), 'backup-wrong-passphrase');
      expect(await dumpDatabase(name)).toEqual(before);
      expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['already-here']);
    });

    it('a flipped ciphertext byte, a changed header, or truncation → backup-corrupt', async () => {
      const { vault: src } = await populatedVault();
      const file = await src.exportBackup(PIN, PASSPHRASE);
      const { vault, name, before } = await target();
      const flipCiphertext = await withEnvelope(file, (doc) => {
        const ct = doc.ciphertext as string;
        const i = Math.floor(ct.length / 2);
        doc.ciphertext = ct.slice(0, i) + (ct[i] === 'A' ? 'B' : 'A') + ct.slice(i + 1);
      });
      await expectVaultError(vault.restoreBackup(flipCiphertext, PASSPHRASE, '222222'), 'backup-corrupt');
      const flipIv = await withEnvelope(file, (doc) => {
        const iv = doc.iv as string;
        doc.iv = (iv[0] === 'A' ? 'B' : 'A') + iv.slice(1);
      });
      await expectVaultError(vault.restoreBackup(flipIv, PASSPHRASE, '222222'), 'backup-corrupt');
      const text = await file.text();
      await expectVaultError(vault.restoreBackup(new Blob([text.slice(0, text.length - 40)]), PASSPHRASE, '222222'), 'backup-corrupt');
      await expectVaultError(vault.restoreBackup(new Blob(['{"hello":"world"}']), PASSPHRASE, '222222'), 'backup-corrupt');
      await expectVaultError(vault.restoreBackup(new Blob([new Uint8Array([0xff, 0xfe, 0x00])]), PASSPHRASE, '222222'), 'backup-corrupt');
      // A header that asks for less than 19 MiB (a downgrade) or absurd memory is refused before any work.
      const weak = await withEnvelope(file, (doc) => ((doc.kdf as { memoryKiB: number }).memoryKiB = 1024));
      await expectVaultError(vault.restoreBackup(weak, PASSPHRASE, '222222'), 'backup-corrupt');
      expect(await dumpDatabase(name)).toEqual(before);
    });

    it('a backup from a newer Satchel → backup-too-new', async () => {
      const { vault: src } = await populatedVault();
      const file = await src.exportBackup(PIN, PASSPHRASE);
      const { vault, name, before } = await target();
      const newer = await withEnvelope(file, (doc) => (doc.version = BACKUP_VERSION + 1));
      await expectVaultError(vault.restoreBackup(newer, PASSPHRASE, '222222'), 'backup-too-new');
      expect(await dumpDatabase(name)).toEqual(before);
    });

    it('a short new PIN is refused before anything is read', async () => {
      const { vault: src } = await populatedVault();
      const file = await src.exportBackup(PIN, PASSPHRASE);
      const { vault, name, before } = await target();
      await expectVaultError(vault.restoreBackup(file, PASSPHRASE, '12'), 'pin-too-short');
      expect(await dumpDatabase(name)).toEqual(before);
    });
  });

  it('another tab on the same vault locks when a restore replaces it', async () => {
    const { vault: src } = await populatedVault();
    const file = await src.exportBackup(PIN, PASSPHRASE);
    const name = uniqueDbName('backup-tabs');
    const tabA = testVault(name);
    await tabA.setUp('111111');
    const tabB = testVault(name);
    await tabB.unlockWithPin('111111');
    const locked = new Promise<string>((resolve) => tabB.onStateChange(resolve));
    await tabA.restoreBackup(file, PASSPHRASE, '222222');
    expect(await locked).toBe('locked');
    await expectVaultError(tabB.listCredentials(), 'locked');
    await tabB.unlockWithPin('222222');
    expect(await tabB.listCredentials()).toHaveLength(3);
  });

  it('a good restore replaces the vault that was there, in one step', async () => {
    const { vault: src } = await populatedVault();
    const file = await src.exportBackup(PIN, PASSPHRASE);
    const vault = testVault(uniqueDbName('backup-replace'));
    await vault.setUp('111111');
    await vault.putCredential(sampleCredential('already-here'));
    await vault.restoreBackup(file, PASSPHRASE, '222222');
    expect((await vault.listCredentials()).map((c) => c.id).sort()).toEqual(['cred-0', 'cred-1', 'cred-2']);
  });
});
