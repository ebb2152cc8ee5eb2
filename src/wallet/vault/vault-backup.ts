/**
 * The storage side of backups for vault.ts: a consistent snapshot of every store, the check that
 * every record of a backup opens under its vault key (AES-GCM, NIST SP 800-38D §7.2) in its own
 * store, and the one transaction that replaces the vault with a backup's contents.
 */
import type { BackupBody } from '../../storage/backup-format';
import { INDEX_KEY_ROW, unwrapIndexKey } from '../../storage/index-key';
import { isSealedRecord, openRecord } from '../../storage/record-crypto';
import { ALL_STORES, CREDENTIAL_META_MERGE_ROW, STORE, type KeySlot, type KindedRecord, type SealedRecord, type VaultDb, type WriteTx } from '../../storage/schema';
import { noThrottle } from '../../storage/throttle';
import { recordsAadStore } from './vault-checks';

/** Everything a backup carries, read in one transaction (the throttle counter and passkey slot stay). */
export async function readSnapshot(db: VaultDb, createdAt: string): Promise<BackupBody> {
  const tx = db.transaction(ALL_STORES, 'readonly');
  const [meta, credentials, deviceKeys, activity, records, recoverySlot] = await Promise.all([
    tx.objectStore(STORE.meta).getAll(),
    tx.objectStore(STORE.credentials).getAll(),
    tx.objectStore(STORE.deviceKeys).getAll(),
    tx.objectStore(STORE.activity).getAll(),
    tx.objectStore(STORE.records).getAll(),
    tx.objectStore(STORE.keySlots).get('recovery'),
  ]);
  await tx.done;
  const body: BackupBody = {
    createdAt,
    records: {
      meta: (meta as unknown[]).filter(isSealedRecord), // the index key and settings; not the throttle counter
      credentials: credentials as SealedRecord[],
      deviceKeys: deviceKeys as SealedRecord[],
      activity: activity as SealedRecord[],
      records: records as KindedRecord[],
    },
  };
  if (recoverySlot) body.recoverySlot = recoverySlot as KeySlot;
  return body;
}

/** Throws (naming what) unless every record opens under `vaultKey` where it claims to belong. */
export async function checkBackupRecords(vaultKey: CryptoKey, body: BackupBody): Promise<void> {
  const indexKeyRecord = body.records.meta.find((r) => r.rowKey === INDEX_KEY_ROW);
  if (!indexKeyRecord) throw new Error('the index key is missing');
  await unwrapIndexKey(vaultKey, indexKeyRecord);
  for (const r of body.records.meta) if (r.rowKey !== INDEX_KEY_ROW) await openRecord(vaultKey, STORE.meta, r);
  for (const store of [STORE.credentials, STORE.deviceKeys, STORE.activity] as const)
    for (const r of body.records[store]) await openRecord(vaultKey, store, r);
  for (const r of body.records.records) {
    const kindTag = (r as Partial<KindedRecord>).kindTag;
    if (typeof kindTag !== 'string') throw new Error('a record has no kind');
    await openRecord(vaultKey, recordsAadStore(kindTag), r);
  }
}

/** Inside one transaction over every store: the old vault (if any) is replaced entirely, or not at all. */
export async function replaceVault(tx: WriteTx, body: BackupBody, pinSlot: KeySlot): Promise<void> {
  for (const name of ALL_STORES) await tx.objectStore(name).clear();
  const slots = tx.objectStore(STORE.keySlots);
  await slots.put(pinSlot);
  if (body.recoverySlot) await slots.put(body.recoverySlot);
  const meta = tx.objectStore(STORE.meta);
  for (const r of body.records.meta) await meta.put(r);
  await meta.put(noThrottle());
  // A backup made before credential records carried their own metadata keeps it in the receive
  // document: the unlock that follows merges it (credential-meta-migration.ts), or finds nothing to do.
  await meta.put({ rowKey: CREDENTIAL_META_MERGE_ROW });
  const puts: Promise<unknown>[] = [];
  try {
    for (const store of [STORE.credentials, STORE.deviceKeys, STORE.activity, STORE.records] as const) {
      const os = tx.objectStore(store);
      for (const r of body.records[store]) puts.push(os.put(r));
    }
  } catch (error) {
    // put() threw (e.g. QuotaExceededError): the requests already queued will fail with
    // AbortError when the transaction aborts; they are expected, not unhandled.
    for (const p of puts) p.catch(() => undefined);
    throw error;
  }
  await Promise.all(puts);
}
