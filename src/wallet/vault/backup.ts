/**
 * Exporting the vault to a passphrase-protected file and restoring one (storage/backup-format.ts
 * for the file, vault-backup.ts for the stores). A restore replaces the whole vault in one
 * transaction, only after every record of the backup opened under its vault key.
 */
import { VaultError } from './vault-api';
import { BackupError, openBackup, sealBackup, type BackupBody } from '../../storage/backup-format';
import { newSlotSalt, pinKek, sealSlot } from '../../storage/key-slots';
import { ALL_STORES } from '../../storage/schema';
import { checkBackupRecords, readSnapshot, replaceVault } from './vault-backup';
import { checkNewPin, storageFailure } from './vault-checks';
import { nonExtractable, verifyPin } from './pin-check';
import type { VaultCore } from './vault-core';

export async function exportBackup(core: VaultCore, pin: string, backupPassphrase: string): Promise<Blob> {
  core.unlocked();
  checkNewPin(backupPassphrase, 'backupPassphrase');
  const vaultKey = await verifyPin(core, pin, true);
  const params = (await core.slot('pin'))!.kdf!;
  let body: BackupBody;
  try {
    body = await readSnapshot(await core.db(), new Date(core.now()).toISOString());
  } catch (error) {
    throw storageFailure(error);
  }
  const text = await sealBackup(backupPassphrase, params, vaultKey, body);
  return new Blob([text], { type: 'application/json' });
}

export async function restoreBackup(core: VaultCore, file: Blob, backupPassphrase: string, newPin: string): Promise<void> {
  checkNewPin(newPin, 'newPin');
  if (!(file instanceof Blob)) throw new TypeError('file must be a Blob');
  let opened: Awaited<ReturnType<typeof openBackup>>;
  try {
    opened = await openBackup(file, backupPassphrase);
  } catch (error) {
    if (error instanceof BackupError) {
      const code = error.code === 'too-new' ? 'backup-too-new' : error.code === 'wrong-passphrase' ? 'backup-wrong-passphrase' : 'backup-corrupt';
      throw new VaultError(code, error.message);
    }
    throw error;
  }
  const { vaultKey, body } = opened;
  // Every record must open under the backup's vault key, in its own store, before anything is written.
  try {
    await checkBackupRecords(vaultKey, body);
  } catch (error) {
    throw new VaultError('backup-corrupt', `This backup is damaged: ${(error as Error).message}`);
  }
  const params = await core.argon2Params();
  const salt = newSlotSalt();
  const kek = await pinKek(newPin, salt, params);
  const pinSlot = await sealSlot(vaultKey, kek, 'pin', salt, { kdf: params });
  // One transaction over every store: the old vault (if any) is replaced entirely, or not at all.
  await core.write(ALL_STORES, 'Restoring the backup', (tx) => replaceVault(tx, body, pinSlot));
  core.replaced();
  await core.open(await nonExtractable(pinSlot, kek));
}
