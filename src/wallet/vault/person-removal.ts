/**
 * Removing a person the holder helps (docs/vault.md "People"): their credential records, those
 * credentials' device keys and the people document's new version, in ONE IndexedDB transaction, so
 * a failure (a quota error, a closed tab) leaves everyone's credentials and the document as they
 * were. Decrypting cannot happen inside an IndexedDB transaction (it commits when it waits on
 * WebCrypto), so the person's rows are found first and re-read inside the transaction: a row
 * changed or added since (another tab) stops it with nothing written.
 */
import type { PersonId } from '../shared';
import { PEOPLE_ID, PEOPLE_KIND } from '../shared';
import { rowKeyFor } from '../../storage/index-key';
import { openRecord } from '../../storage/record-crypto';
import { STORE, type SealedRecord } from '../../storage/schema';
import { SELF_PERSON } from '../shared';
import type { StoredCredential } from './vault-api';
import { VaultError } from './vault-api';
import { recordKeys, sealKindedRecord } from './record-store';
import { storageFailure } from './vault-checks';
import type { VaultCore } from './vault-core';

function sameRow(now: unknown, before: SealedRecord): boolean {
  const iv = (now as Partial<SealedRecord> | undefined)?.iv;
  return iv instanceof Uint8Array && iv.length === before.iv.length && iv.every((b, i) => b === before.iv[i]);
}

/**
 * Deletes every credential whose personId is `personId`, with its device key, and writes
 * `peopleDocument` as the people record, all or nothing. Returns the ids of the credentials deleted.
 */
export async function removePerson(core: VaultCore, personId: PersonId, peopleDocument: unknown): Promise<string[]> {
  if (typeof personId !== 'string' || personId === '') throw new TypeError('personId must be a non-empty string');
  if (personId === SELF_PERSON) throw new TypeError('The holder (SELF_PERSON) cannot be removed');
  const session = core.unlocked();
  const rows = await core.readAll<SealedRecord>(STORE.credentials);
  const theirs: { row: SealedRecord; id: string; deviceKeyRow: string }[] = [];
  try {
    for (const row of rows) {
      const credential = await openRecord<StoredCredential>(session.vaultKey, STORE.credentials, row);
      if ((credential.personId ?? SELF_PERSON) === personId) theirs.push({ row, id: credential.id, deviceKeyRow: await rowKeyFor(session.indexKey, STORE.deviceKeys, credential.id) });
    }
  } catch (error) {
    throw storageFailure(error);
  }
  const keys = await recordKeys(session, PEOPLE_KIND, PEOPLE_ID);
  const people = await sealKindedRecord(session, keys, PEOPLE_ID, peopleDocument);
  core.stillUnlocked(session, undefined);
  await core.write([STORE.credentials, STORE.deviceKeys, STORE.records], 'Removing a person and their credentials', async (tx) => {
    const credentials = tx.objectStore(STORE.credentials);
    // A credential added meanwhile (it may be theirs) or one of theirs rewritten: stop, with nothing written.
    if ((await credentials.count()) !== rows.length) throw new VaultError('storage-unavailable', 'A credential was added while the person was being removed: nothing was removed');
    for (const { row } of theirs) {
      if (!sameRow(await credentials.get(row.rowKey), row)) throw new VaultError('storage-unavailable', 'A credential changed while the person was being removed: nothing was removed');
    }
    for (const { row, deviceKeyRow } of theirs) {
      await credentials.delete(row.rowKey);
      await tx.objectStore(STORE.deviceKeys).delete(deviceKeyRow);
    }
    await tx.objectStore(STORE.records).put(people);
  });
  return theirs.map((t) => t.id);
}
