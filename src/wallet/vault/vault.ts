/**
 * The vault (vault-api.ts, satchel-vault.ts) on top of src/storage: envelope encryption in
 * IndexedDB. This file only puts the parts together; each part is a file with one job:
 *
 *   vault-core.ts                 the database connection, the session (keys while unlocked), lock state
 *   vault-state.ts                whether there is a vault, whether it is unlocked: all the first screen asks
 *   vault-operations.ts           everything below, in one chunk fetched on first use (issue 18)
 *   unlock.ts, pin-check.ts       setting up; unlocking with the PIN or recovery code; changing the PIN
 *   passkey-unlock.ts             the passkey (WebAuthn PRF) unlock
 *   credential-store.ts           one encrypted record per held credential
 *   credential-meta-migration.ts  moving v3 credential metadata into those records, on unlock
 *   person-removal.ts             removing a person with their credentials and keys, in one transaction
 *   people-migration.ts           stamping v4 credential records as the holder's own, on unlock
 *   device-key-store.ts           holder keys, one per credential (device-keys.ts: the keys themselves)
 *   settings-store.ts, activity-log.ts, record-store.ts   settings, the activity log, other use cases' documents
 *   backup.ts, vault-backup.ts    export and restore
 *
 * See docs/vault.md for the whole design.
 */
import type { StorageStatus, StoredCredential, UnlockMethods, VaultSettings, VaultState } from './vault-api';
import { requestPersistence, storageReport } from '../../storage/storage-status';
import type { ActivityInput, ActivityStamp, SatchelVault, VaultOptions } from './satchel-vault';
import { VaultCore } from './vault-core';
import { unlockMethods, vaultState } from './vault-state';
import type { PersonId } from '../shared';

/** The rest of the vault (vault-operations.ts): fetched once, on the first call that needs it. */
const operations = () => import('./vault-operations');

export * from './satchel-vault';

export class IndexedDbVault implements SatchelVault {
  private readonly core: VaultCore;

  constructor(private readonly options: VaultOptions = {}) {
    // v3 → v4's move first (its records may predate people), then v4 → v5's stamp.
    this.core = new VaultCore(options, async (core, session) => {
      const { mergeCredentialMeta, stampPeople } = await operations();
      await mergeCredentialMeta(core, session);
      await stampPeople(core, session);
    });
  }

  state(): Promise<VaultState> {
    return vaultState(this.core);
  }
  unlockMethods(): Promise<UnlockMethods> {
    return unlockMethods(this.core);
  }
  setUp(pin: string): Promise<{ recoveryCode: string }> {
    return operations().then(({ unlock }) => unlock.setUp(this.core, pin));
  }
  unlockWithPin(pin: string): Promise<void> {
    return operations().then(({ unlock }) => unlock.unlockWithPin(this.core, pin));
  }
  unlockWithRecoveryCode(recoveryCode: string, newPin: string): Promise<void> {
    return operations().then(({ unlock }) => unlock.unlockWithRecoveryCode(this.core, recoveryCode, newPin));
  }
  changePin(currentPin: string, newPin: string): Promise<void> {
    return operations().then(({ unlock }) => unlock.changePin(this.core, currentPin, newPin));
  }
  async passkeySupported(): Promise<boolean> {
    return this.core.passkeys.supported();
  }
  addPasskey(pin: string): Promise<void> {
    return operations().then(({ passkey }) => passkey.addPasskey(this.core, pin));
  }
  removePasskey(pin: string): Promise<void> {
    return operations().then(({ passkey }) => passkey.removePasskey(this.core, pin));
  }
  unlockWithPasskey(): Promise<void> {
    return operations().then(({ passkey }) => passkey.unlockWithPasskey(this.core));
  }
  lock(): void {
    this.core.lock();
  }
  onStateChange(listener: (state: VaultState) => void): () => void {
    return this.core.onStateChange(listener);
  }

  listCredentials(): Promise<StoredCredential[]> {
    return operations().then(({ credentials }) => credentials.listCredentials(this.core));
  }
  getCredential(id: string): Promise<StoredCredential | undefined> {
    return operations().then(({ credentials }) => credentials.getCredential(this.core, id));
  }
  putCredential(credential: StoredCredential): Promise<void> {
    return operations().then(({ credentials }) => credentials.putCredential(this.core, credential));
  }
  deleteCredential(id: string): Promise<void> {
    return operations().then(({ credentials }) => credentials.deleteCredential(this.core, id));
  }
  removePerson(personId: PersonId, peopleDocument: unknown): Promise<string[]> {
    return operations().then(({ removePerson }) => removePerson(this.core, personId, peopleDocument));
  }

  createDeviceKey(credentialId: string): Promise<JsonWebKey> {
    return operations().then(({ deviceKeys }) => deviceKeys.createDeviceKey(this.core, credentialId));
  }
  deviceKeyPublicJwk(credentialId: string): Promise<JsonWebKey | undefined> {
    return operations().then(({ deviceKeys }) => deviceKeys.deviceKeyPublicJwk(this.core, credentialId));
  }
  signWithDeviceKey(credentialId: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
    return operations().then(({ deviceKeys }) => deviceKeys.signWithDeviceKey(this.core, credentialId, data));
  }
  deviceSigningKey(credentialId: string): Promise<CryptoKey> {
    return operations().then(({ deviceKeys }) => deviceKeys.deviceSigningKey(this.core, credentialId));
  }

  settings(): Promise<VaultSettings> {
    return operations().then(({ settings }) => settings.settings(this.core));
  }
  updateSettings(change: Partial<VaultSettings>): Promise<void> {
    return operations().then(({ settings }) => settings.updateSettings(this.core, change));
  }

  recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
    return operations().then(({ activity }) => activity.recordActivity(this.core, entry));
  }
  listActivity<T extends object = Record<string, unknown>>(): Promise<(T & ActivityStamp)[]> {
    return operations().then(({ activity }) => activity.listActivity<T>(this.core));
  }
  deleteActivity(id: string): Promise<void> {
    return operations().then(({ activity }) => activity.deleteActivity(this.core, id));
  }

  putRecord(kind: string, id: string, value: unknown): Promise<void> {
    return operations().then(({ records }) => records.putRecord(this.core, kind, id, value));
  }
  getRecord<T>(kind: string, id: string): Promise<T | undefined> {
    return operations().then(({ records }) => records.getRecord<T>(this.core, kind, id));
  }
  listRecords<T>(kind: string): Promise<{ id: string; value: T }[]> {
    return operations().then(({ records }) => records.listRecords<T>(this.core, kind));
  }
  deleteRecord(kind: string, id: string): Promise<void> {
    return operations().then(({ records }) => records.deleteRecord(this.core, kind, id));
  }

  exportBackup(pin: string, backupPassphrase: string): Promise<Blob> {
    return operations().then(({ backup }) => backup.exportBackup(this.core, pin, backupPassphrase));
  }
  restoreBackup(file: Blob, backupPassphrase: string, newPin: string): Promise<void> {
    return operations().then(({ backup }) => backup.restoreBackup(this.core, file, backupPassphrase, newPin));
  }

  async storageStatus(): Promise<StorageStatus> {
    return storageReport(this.options.storage);
  }
  requestPersistentStorage(): Promise<boolean> {
    return requestPersistence(this.options.storage);
  }
  close(): Promise<void> {
    return this.core.close();
  }
}

/**
 * Fetches the rest of the vault ahead of its first use, once the first screen is shown: unlocking
 * then waits for no chunk, and a passkey's browser prompt follows the tap at once (Safari asks
 * that it come straight from the person's gesture). A failed fetch is tried again on that use.
 */
export function prefetchVaultOperations(): void {
  operations().catch(() => undefined);
}

export function createVault(options?: VaultOptions): SatchelVault {
  return new IndexedDbVault(options);
}
