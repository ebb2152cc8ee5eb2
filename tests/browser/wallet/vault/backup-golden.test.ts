/**
 * A backup file written by the first backup format (fixtures/backup-v1.json) must restore in every
 * later build: this pins the file format, the key derivation and the record format together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import golden from './fixtures/backup-v1.json';
import { cleanUpVaults, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

describe('backup format version 1 (golden file)', () => {
  it('restores with every credential, device key, setting, log entry and record', async () => {
    const vault = testVault(uniqueDbName('golden'));
    await vault.restoreBackup(new Blob([golden.file]), golden.passphrase, '314159');
    const credentials = await vault.listCredentials();
    expect(credentials.map((c) => [c.id, c.format, c.issuerName, c.type, c.receivedAt])).toEqual([
      ['golden-2', 'vc+jwt', 'Home Office', 'Right to work', '2026-03-02T00:00:00.000Z'],
      ['golden-1', 'dc+sd-jwt', 'Driver and Vehicle Licensing Agency', 'Driving licence', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(credentials[1]!.raw).toMatch(/^eyJ.+~$/);
    expect(await vault.settings()).toEqual({ autoLockMinutes: 10 });
    expect(await vault.listActivity()).toEqual([
      expect.objectContaining({ kind: 'shared', counterparty: 'Golden Shop', claims: [{ en: 'Over 18' }], at: '2026-03-03T00:00:00.000Z' }),
    ]);
    expect(await vault.listRecords('pending-offer')).toEqual([{ id: 'offer-1', value: { state: 'queued' } }]);

    expect(await vault.deviceKeyPublicJwk('golden-1')).toEqual(golden.deviceKeyJwk);
    const data = new TextEncoder().encode('kb-jwt signing input');
    const signature = await vault.signWithDeviceKey('golden-1', data);
    const pub = await crypto.subtle.importKey('jwk', golden.deviceKeyJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, signature, data)).toBe(true);

    // The recovery code of the vault that made the backup still opens the restored one.
    vault.lock();
    await vault.unlockWithRecoveryCode(golden.recoveryCode, '271828');
    expect(await vault.listCredentials()).toHaveLength(2);
  });
});
