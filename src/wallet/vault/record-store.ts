/**
 * Other use cases' small encrypted documents, by kind and id (SatchelVault.putRecord): rows of the
 * `records` store whose row key and kind tag are HMACs under the index key, so neither the kind
 * nor the id is stored in the clear. The AAD names the kind tag too (recordsAadStore), so a row
 * moved to another kind fails authentication.
 */
import { rowKeyFor } from '../../storage/index-key';
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { RECORDS_BY_KIND, STORE, type KindedRecord } from '../../storage/schema';
import { recordsAadStore, storageFailure } from './vault-checks';
import type { Session, VaultCore } from './vault-core';

/** The kind tag, and the row key of (kind, id) when an id is given. */
export async function recordKeys(session: Session, kind: string, id?: string): Promise<{ rowKey: string; kindTag: string }> {
  const kindTag = await rowKeyFor(session.indexKey, `${STORE.records}.kind`, kind);
  const rowKey = id === undefined ? '' : await rowKeyFor(session.indexKey, `${STORE.records}:${kind}`, id);
  return { rowKey, kindTag };
}

async function keysFor(core: VaultCore, kind: string, id: string | undefined): Promise<{ session: Session; rowKey: string; kindTag: string }> {
  if (typeof kind !== 'string' || kind === '') throw new TypeError('kind must be a non-empty string');
  if (id !== undefined && typeof id !== 'string') throw new TypeError('id must be a string');
  const session = core.unlocked();
  return { session, ...(await recordKeys(session, kind, id)) };
}

/** The `records` row for (kind, id) = `value`, sealed under the vault key. */
export async function sealKindedRecord(session: Session, keys: { rowKey: string; kindTag: string }, id: string, value: unknown): Promise<KindedRecord> {
  const sealed = await sealRecord(session.vaultKey, recordsAadStore(keys.kindTag), keys.rowKey, { id, value });
  return { ...sealed, kindTag: keys.kindTag };
}

export async function openKindedRecord<T>(session: Session, row: KindedRecord): Promise<{ id: string; value: T }> {
  return openRecord<{ id: string; value: T }>(session.vaultKey, recordsAadStore(row.kindTag), row);
}

export async function putRecord(core: VaultCore, kind: string, id: string, value: unknown): Promise<void> {
  const { session, rowKey, kindTag } = await keysFor(core, kind, id);
  const row = await sealKindedRecord(session, { rowKey, kindTag }, id, value);
  await core.write([STORE.records], 'Saving a record', (tx) => tx.objectStore(STORE.records).put(row));
}

export async function getRecord<T>(core: VaultCore, kind: string, id: string): Promise<T | undefined> {
  const { session, rowKey, kindTag } = await keysFor(core, kind, id);
  const row = await core.read<KindedRecord>(STORE.records, rowKey);
  if (!row) return undefined;
  try {
    // The tag this kind has, not the row's own: a row moved here from another kind fails.
    const doc = await openKindedRecord<T>(session, { ...row, kindTag });
    return core.stillUnlocked(session, doc.value);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function listRecords<T>(core: VaultCore, kind: string): Promise<{ id: string; value: T }[]> {
  const { session, kindTag } = await keysFor(core, kind, undefined);
  const rows = await core.readAll<KindedRecord>(STORE.records, { name: RECORDS_BY_KIND, key: kindTag });
  try {
    const docs = await Promise.all(rows.map((r) => openKindedRecord<T>(session, { ...r, kindTag })));
    return core.stillUnlocked(session, docs);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function deleteRecord(core: VaultCore, kind: string, id: string): Promise<void> {
  const { rowKey } = await keysFor(core, kind, id);
  await core.write([STORE.records], 'Deleting a record', (tx) => tx.objectStore(STORE.records).delete(rowKey));
}
