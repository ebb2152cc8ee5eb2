/**
 * The vault (vault-api.ts, satchel-vault.ts) on top of src/storage: envelope encryption in
 * IndexedDB. This file only puts the parts together; each part is a file with one job:
 *
 *   vault-core.ts                 the database connection, the session (keys while unlocked), lock state
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
import * as unlock from './unlock';
import * as passkey from './passkey-unlock';
import * as credentials from './credential-store';
import * as deviceKeys from './device-key-store';
import * as settings from './settings-store';
import * as activity from './activity-log';
import * as records from './record-store';
import * as backup from './backup';
import { mergeCredentialMeta } from './credential-meta-migration';
import { removePerson } from './person-removal';
import { stampPeople } from './people-migration';
import type { PersonId } from '../shared';

export * from './satchel-vault';

export class IndexedDbVault implements SatchelVault {
  private readonly core: VaultCore;

  constructor(private readonly options: VaultOptions = {}) {
    // v3 → v4's move first (its records may predate people), then v4 → v5's stamp.
    this.core = new VaultCore(options, async (core, session) => {
      await mergeCredentialMeta(core, session);
      await stampPeople(core, session);
    });
  }

  state(): Promise<VaultState> {
    return unlock.vaultState(this.core);
  }
  unlockMethods(): Promise<UnlockMethods> {
    return unlock.unlockMethods(this.core);
  }
  setUp(pin: string): Promise<{ recoveryCode: string }> {
    return unlock.setUp(this.core, pin);
  }
  unlockWithPin(pin: string): Promise<void> {
    return unlock.unlockWithPin(this.core, pin);
  }
  unlockWithRecoveryCode(recoveryCode: string, newPin: string): Promise<void> {
    return unlock.unlockWithRecoveryCode(this.core, recoveryCode, newPin);
  }
  changePin(currentPin: string, newPin: string): Promise<void> {
    return unlock.changePin(this.core, currentPin, newPin);
  }
  async passkeySupported(): Promise<boolean> {
    return this.core.passkeys.supported();
  }
  addPasskey(pin: string): Promise<void> {
    return passkey.addPasskey(this.core, pin);
  }
  removePasskey(pin: string): Promise<void> {
    return passkey.removePasskey(this.core, pin);
  }
  unlockWithPasskey(): Promise<void> {
    return passkey.unlockWithPasskey(this.core);
  }
  lock(): void {
    this.core.lock();
  }
  onStateChange(listener: (state: VaultState) => void): () => void {
    return this.core.onStateChange(listener);
  }

  listCredentials(): Promise<StoredCredential[]> {
    return credentials.listCredentials(this.core);
  }
  getCredential(id: string): Promise<StoredCredential | undefined> {
    return credentials.getCredential(this.core, id);
  }
  putCredential(credential: StoredCredential): Promise<void> {
    return credentials.putCredential(this.core, credential);
  }
  deleteCredential(id: string): Promise<void> {
    return credentials.deleteCredential(this.core, id);
  }
  removePerson(personId: PersonId, peopleDocument: unknown): Promise<string[]> {
    return removePerson(this.core, personId, peopleDocument);
  }

  createDeviceKey(credentialId: string): Promise<JsonWebKey> {
    return deviceKeys.createDeviceKey(this.core, credentialId);
  }
  deviceKeyPublicJwk(credentialId: string): Promise<JsonWebKey | undefined> {
    return deviceKeys.deviceKeyPublicJwk(this.core, credentialId);
  }
  signWithDeviceKey(credentialId: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
    return deviceKeys.signWithDeviceKey(this.core, credentialId, data);
  }
  deviceSigningKey(credentialId: string): Promise<CryptoKey> {
    return deviceKeys.deviceSigningKey(this.core, credentialId);
  }

  settings(): Promise<VaultSettings> {
    return settings.settings(this.core);
  }
  updateSettings(change: Partial<VaultSettings>): Promise<void> {
    return settings.updateSettings(this.core, change);
  }

  recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
    return activity.recordActivity(this.core, entry);
  }
  listActivity<T extends object = Record<string, unknown>>(): Promise<(T & ActivityStamp)[]> {
    return activity.listActivity<T>(this.core);
  }
  deleteActivity(id: string): Promise<void> {
    return activity.deleteActivity(this.core, id);
  }

  putRecord(kind: string, id: string, value: unknown): Promise<void> {
    return records.putRecord(this.core, kind, id, value);
  }
  getRecord<T>(kind: string, id: string): Promise<T | undefined> {
    return records.getRecord<T>(this.core, kind, id);
  }
  listRecords<T>(kind: string): Promise<{ id: string; value: T }[]> {
    return records.listRecords<T>(this.core, kind);
  }
  deleteRecord(kind: string, id: string): Promise<void> {
    return records.deleteRecord(this.core, kind, id);
  }

  exportBackup(pin: string, backupPassphrase: string): Promise<Blob> {
    return backup.exportBackup(this.core, pin, backupPassphrase);
  }
  restoreBackup(file: Blob, backupPassphrase: string, newPin: string): Promise<void> {
    return backup.restoreBackup(this.core, file, backupPassphrase, newPin);
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

export function createVault(options?: VaultOptions): SatchelVault {
  return new IndexedDbVault(options);
}
