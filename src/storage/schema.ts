/**
 * The vault's IndexedDB schema: store names, record shapes, SCHEMA_VERSION and one migration per
 * version (DESIGN.md convention 6). A migration only ever adds or reshapes stores; it never needs
 * the vault key, because record encryption binds RECORD_FORMAT_VERSION (see record-crypto.ts), not
 * the schema version, so adding a store does not re-encrypt anything.
 *
 *   v1  keySlots, meta, credentials, deviceKeys (the initial vault)
 *   v2  activity — the encrypted activity log that sharing writes to
 *   v3  records — small encrypted documents of other use cases (pending offers, check records),
 *       found by kind through the `byKind` index on an HMAC tag of the kind
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Bytes } from './bytes-own';

export const SCHEMA_VERSION = 3;
export const DEFAULT_DB_NAME = 'satchel-vault';

/** An encrypted record: AES-256-GCM ciphertext of a JSON document (record-crypto.ts). */
export interface SealedRecord {
  /** Primary key. Never personal data: an HMAC of the caller's id, or a fixed name in `meta`. */
  rowKey: string;
  /** Record format version bound into the additional data (RECORD_FORMAT_VERSION). */
  v: number;
  /** 96-bit IV, fresh for every write (NIST SP 800-38D §8.2.2). */
  iv: Bytes;
  /** Ciphertext with the 128-bit tag appended (WebCrypto layout). */
  ct: Bytes;
}

export type SlotKind = 'pin' | 'recovery' | 'passkey';

/** The vault key wrapped under one unlock method's key-encryption key (key-slots.ts). */
export interface KeySlot {
  kind: SlotKind;
  v: number;
  salt: Bytes;
  iv: Bytes;
  wrappedKey: Bytes;
  /** Argon2id parameters, PIN slot only (RFC 9106 §3.1 inputs m, t, p). */
  kdf?: { memoryKiB: number; iterations: number; parallelism: number };
  /** Passkey slot only: the WebAuthn credential id and the PRF input (salt) to evaluate. */
  credentialId?: Bytes;
  prfSalt?: Bytes;
}

/** A `records` row: sealed like any record, plus an opaque tag of its kind for the index. */
export interface KindedRecord extends SealedRecord {
  kindTag: string;
}

/** Plain (unencrypted) bookkeeping kept in `meta`: nothing here is personal or secret. */
export interface ThrottleRecord {
  rowKey: 'throttle';
  failedAttempts: number;
  retryAt: number;
}

export type MetaRecord = SealedRecord | ThrottleRecord;

export const STORE = {
  keySlots: 'keySlots',
  meta: 'meta',
  credentials: 'credentials',
  deviceKeys: 'deviceKeys',
  activity: 'activity',
  records: 'records',
} as const;
export const RECORDS_BY_KIND = 'byKind';
export type StoreName = (typeof STORE)[keyof typeof STORE];

/** Stores holding SealedRecords that a backup carries as they are. */
export const SEALED_STORES = [STORE.credentials, STORE.deviceKeys, STORE.activity, STORE.records] as const;
export type SealedStoreName = (typeof SEALED_STORES)[number];

/** The stores at the current version, for whole-vault transactions. */
export const ALL_STORES: StoreName[] = [STORE.keySlots, STORE.meta, STORE.credentials, STORE.deviceKeys, STORE.activity, STORE.records];

export type VaultDb = IDBPDatabase<unknown>;
export type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;
type UpgradeTx = IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;

/** MIGRATIONS[n] upgrades a database at version n to version n + 1. */
export const MIGRATIONS: ReadonlyArray<(db: VaultDb, tx: UpgradeTx) => void> = [
  // 0 → 1: the initial vault.
  (db) => {
    db.createObjectStore(STORE.keySlots, { keyPath: 'kind' });
    db.createObjectStore(STORE.meta, { keyPath: 'rowKey' });
    db.createObjectStore(STORE.credentials, { keyPath: 'rowKey' });
    db.createObjectStore(STORE.deviceKeys, { keyPath: 'rowKey' });
  },
  // 1 → 2: the activity log (what was shared, with whom, when), encrypted like credentials.
  (db) => {
    db.createObjectStore(STORE.activity, { keyPath: 'rowKey' });
  },
  // 2 → 3: generic encrypted documents for other use cases, listed by (opaque) kind.
  (db) => {
    db.createObjectStore(STORE.records, { keyPath: 'rowKey' }).createIndex(RECORDS_BY_KIND, 'kindTag');
  },
];

if (MIGRATIONS.length !== SCHEMA_VERSION) throw new Error('schema.ts: one migration per schema version');
