/**
 * The vault's IndexedDB schema: store names, record shapes, SCHEMA_VERSION and one migration per
 * version (docs/architecture.md, convention 6). A migration only ever adds or reshapes stores; it never needs
 * the vault key, because record encryption binds RECORD_FORMAT_VERSION (see record-crypto.ts), not
 * the schema version, so adding a store does not re-encrypt anything.
 *
 *   v1  keySlots, meta, credentials, deviceKeys (the initial vault)
 *   v2  activity — the encrypted activity log that sharing writes to
 *   v3  records — small encrypted documents of other use cases (pending offers, check records),
 *       found by kind through the `byKind` index on an HMAC tag of the kind
 *   v4  no new store: each credential record now carries its own display metadata, status list
 *       URI and notification data, which v3 kept in the receive use case's document. Moving them
 *       needs the vault key, so the upgrade only marks the vault (CREDENTIAL_META_MERGE_ROW) and
 *       the first unlock does the move (wallet/vault/credential-meta-migration.ts)
 *   v5  no new store: people (docs/vault.md "People"). Each credential record says whose it is
 *       (personId), and the people document lists the people the holder helps. Stamping needs the
 *       vault key, so the upgrade only marks the vault (PEOPLE_STAMP_ROW) and the first unlock
 *       stamps SELF_PERSON on every credential record and writes the people document
 *       (wallet/vault/people-migration.ts)
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Bytes } from './bytes-own';

export const SCHEMA_VERSION = 5;
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

/**
 * Plain marker in `meta`: credential metadata may still sit in the receive document and is to be
 * merged into the credential records on the next unlock. Written by the v4 upgrade and by a
 * restore (a backup may come from a v3 vault); removed once merged.
 */
export const CREDENTIAL_META_MERGE_ROW = 'mergeCredentialMeta';
export interface CredentialMetaMergeRecord {
  rowKey: typeof CREDENTIAL_META_MERGE_ROW;
}

/**
 * Plain marker in `meta`: credential records written before people are to be stamped with the
 * holder's own personId, and the people document written, on the next unlock. Written by the v5
 * upgrade; removed once done.
 */
export const PEOPLE_STAMP_ROW = 'stampPeople';
export interface PeopleStampRecord {
  rowKey: typeof PEOPLE_STAMP_ROW;
}

export type MetaRecord = SealedRecord | ThrottleRecord | CredentialMetaMergeRecord | PeopleStampRecord;

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
  // 3 → 4: mark the vault so the first unlock merges credential metadata into each credential record.
  (_db, tx) => {
    const marker: CredentialMetaMergeRecord = { rowKey: CREDENTIAL_META_MERGE_ROW };
    // A failed put aborts the upgrade, which openVaultDb reports; the promise itself needs no handler.
    tx.objectStore(STORE.meta).put(marker).catch(() => undefined);
  },
  // 4 → 5: mark the vault so the first unlock stamps whose each credential is and writes the people document.
  (_db, tx) => {
    const marker: PeopleStampRecord = { rowKey: PEOPLE_STAMP_ROW };
    tx.objectStore(STORE.meta).put(marker).catch(() => undefined);
  },
];

if (MIGRATIONS.length !== SCHEMA_VERSION) throw new Error('schema.ts: one migration per schema version');
