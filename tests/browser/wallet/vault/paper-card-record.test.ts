/**
 * A credential's paper card (issue 17) is an optional field of its encrypted record
 * (StoredCredential.paperCard): kept exactly, sealed with the rest (not readable in the database),
 * carried by a backup, and a malformed one is refused with nothing stored changed. Records from
 * before cards (no field) read as before: no schema change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredCredential } from '../../../../src/wallet/vault/vault-api';
import { cleanUpVaults, dumpDatabase, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

const CARD = '0oRDoQEmoQRIZHZsYS0xWQEqpwF4Gmh0dHBzOi8vZHZsYS5leGFtcGxlLmdvdi51aw';

describe('a paper card in the credential record', () => {
  it('is kept with the credential, sealed, and restored from a backup', async () => {
    const name = uniqueDbName('paper-card-record');
    const vault = testVault(name);
    await vault.setUp(PIN);
    const withCard: StoredCredential = { ...sampleCredential('licence'), paperCard: { raw: CARD, receivedAt: '2026-12-01T04:00:00.000Z' } };
    const without: StoredCredential = { ...sampleCredential('veteran'), paperCard: { missing: 'offline' } };
    const before = sampleCredential('older');
    await vault.putCredential(withCard);
    await vault.putCredential(without);
    await vault.putCredential(before);
    expect(await vault.getCredential('licence')).toEqual(withCard);
    expect(await vault.getCredential('veteran')).toEqual(without);
    expect((await vault.getCredential('older'))!.paperCard).toBeUndefined();
    expect(JSON.stringify(await dumpDatabase(name))).not.toContain(CARD);

    const other = testVault(uniqueDbName('paper-card-restored'));
    await other.restoreBackup(await vault.exportBackup(PIN, 'correct horse battery staple'), 'correct horse battery staple', '975310');
    expect(await other.getCredential('licence')).toEqual(withCard);
    expect(await other.getCredential('veteran')).toEqual(without);
  });

  it('a malformed card field is refused and nothing stored changes', async () => {
    const name = uniqueDbName('paper-card-bad');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('licence'));
    const dump = await dumpDatabase(name);
    for (const paperCard of [{ raw: 42, receivedAt: 'x' }, { missing: 'lost' }, 'card', null]) {
      await expect(vault.putCredential({ ...sampleCredential('licence'), paperCard } as unknown as StoredCredential)).rejects.toThrow(/credential\.paperCard/);
    }
    expect(await dumpDatabase(name)).toEqual(dump);
  });
});
