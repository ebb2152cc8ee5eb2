/**
 * What the rest of the wallet gets from the vault beyond the UI contract (vault-api.ts): device
 * keys, the activity log, other use cases' encrypted records; and the vault's options and defaults.
 * Implemented by src/wallet/vault/vault.ts.
 */
import type { Argon2Params } from '../../storage/argon2';
import type { PasskeyPrf } from './passkey-prf';
import type { Vault, VaultSettings } from './vault-api';
import type { PersonId } from '../shared';

export const SETTINGS_ROW = 'settings';
export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 5 };
export const AUTO_LOCK_MINUTES_MIN = 1;
export const AUTO_LOCK_MINUTES_MAX = 60;

/** What the vault adds to every activity-log entry: a random id and a time. */
export interface ActivityStamp {
  id: string;
  at: string; // ISO 8601
}

/** An activity-log entry as given to the vault: any JSON object; `at` defaults to now. */
export type ActivityInput = { [key: string]: unknown; at?: string };

/** The vault plus what the rest of the wallet needs beyond the UI contract. */
export interface SatchelVault extends Vault {
  /** Creates the holder key for a credential (before or after the credential is stored); returns its public JWK. */
  createDeviceKey(credentialId: string): Promise<JsonWebKey>;
  deviceKeyPublicJwk(credentialId: string): Promise<JsonWebKey | undefined>;
  /** ES256 over `data` with the credential's device key: raw r ‖ s (64 bytes), as JWS wants. */
  signWithDeviceKey(credentialId: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  /** The device key as a non-extractable, sign-only WebCrypto key (createPresentation's KB-JWT). */
  deviceSigningKey(credentialId: string): Promise<CryptoKey>;
  /**
   * Appends an entry (any JSON object, e.g. share-api's ActivityLogEntry without id/at) to the
   * encrypted activity log; the vault assigns `id` and, unless given, `at`.
   */
  recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp>;
  /** Every entry, newest first. */
  listActivity<T extends object = Record<string, unknown>>(): Promise<(T & ActivityStamp)[]>;
  deleteActivity(id: string): Promise<void>;
  /**
   * Small encrypted documents for other use cases, by kind and id: pending offers of the receive
   * queue (they hold pre-authorised codes and tokens), kept check records, and the like. The kind
   * and id never reach IndexedDB in the clear. `put` replaces.
   */
  putRecord(kind: string, id: string, value: unknown): Promise<void>;
  getRecord<T>(kind: string, id: string): Promise<T | undefined>;
  listRecords<T>(kind: string): Promise<{ id: string; value: T }[]>;
  deleteRecord(kind: string, id: string): Promise<void>;
  /**
   * Removes a person the holder helps (docs/vault.md "People"): deletes every credential whose
   * personId is `personId` and their device keys, and writes `peopleDocument` as the people record
   * (PEOPLE_KIND, PEOPLE_ID), in one transaction: all of it or none. Returns the credential ids deleted.
   */
  removePerson(personId: PersonId, peopleDocument: unknown): Promise<string[]>;
  /** Removes the passkey unlock (after the PIN confirms it); the PIN and recovery code stay. */
  removePasskey(pin: string): Promise<void>;
  /** Closes the database connection (tests, and before deleting the database). */
  close(): Promise<void>;
}

export interface VaultOptions {
  /** IndexedDB database name; tests use one per case (and a second as "another browser"). */
  dbName?: string;
  /** Fixed Argon2id parameters instead of calibrating (tests); memory must still be ≥ 19 MiB. */
  argon2Params?: Argon2Params;
  /** Clock for throttling (ms since the epoch). */
  now?: () => number;
  passkeys?: PasskeyPrf;
  /** The StorageManager to ask (tests); defaults to navigator.storage. */
  storage?: Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;
}

