/**
 * Opening the vault database and running whole-vault transactions. Every change the vault makes
 * is one IndexedDB transaction (all of it or none of it: a closed tab aborts an open transaction),
 * so a crash leaves either the old state or the new one.
 */
import { openDB, deleteDB } from 'idb';
import { MIGRATIONS, SCHEMA_VERSION, type VaultDb, type WriteTx } from './schema';
import { StorageError, toStorageError } from './storage-error';

/**
 * Opens (creating or upgrading) the vault database. `version` is for migration tests only: they
 * write a database at an older version and reopen it at SCHEMA_VERSION.
 */
export async function openVaultDb(name: string, version: number = SCHEMA_VERSION): Promise<VaultDb> {
  if (!Number.isInteger(version) || version < 1 || version > SCHEMA_VERSION)
    throw new RangeError(`version must be an integer from 1 to ${SCHEMA_VERSION} (got ${version})`);
  if (typeof indexedDB === 'undefined') throw new StorageError('unavailable', 'IndexedDB is not available in this browser');
  try {
    const db = await openDB(name, version, {
      upgrade(database, oldVersion, newVersion, tx) {
        // One migration per version, in order (schema.ts); all inside the versionchange transaction.
        for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(database, tx);
      },
      blocked() {
        /* another tab holds an older version open; it closes on versionchange below */
      },
    });
    // Let a newer version in another tab upgrade: close rather than block it.
    db.addEventListener('versionchange', () => db.close());
    return db;
  } catch (error) {
    throw toStorageError(error, 'Opening the vault database');
  }
}

export async function deleteVaultDb(name: string): Promise<void> {
  await deleteDB(name);
}

/** Runs `work` in one readwrite transaction over `stores`; a throw aborts (nothing is written). */
export async function writeTransaction<T>(
  db: VaultDb,
  stores: string[],
  doing: string,
  work: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  let tx: WriteTx;
  try {
    tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  } catch (error) {
    throw toStorageError(error, doing);
  }
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    await tx.done.catch(() => undefined);
    throw toStorageError(error, doing);
  }
}
