/**
 * Held credentials: one encrypted record each (StoredCredential: the credential as issued and what
 * the wallet knows about it), in the `credentials` store under rowKey = HMAC(index key, id)
 * (storage/index-key.ts), so finding one credential reads and decrypts one row. Deleting one also
 * deletes its device key, in the same transaction.
 */
import type { StoredCredential } from './vault-api';
import { rowKeyFor } from '../../storage/index-key';
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { STORE, type SealedRecord } from '../../storage/schema';
import { checkCredential, storageFailure } from './vault-checks';
import type { Session, VaultCore } from './vault-core';

export function credentialRowKey(session: Session, id: string): Promise<string> {
  return rowKeyFor(session.indexKey, STORE.credentials, id);
}

/** The fields a credential record keeps: exactly these, so nothing else a caller passes is stored. */
export function credentialRecord(credential: StoredCredential): StoredCredential {
  const { id, raw, format, issuerName, type, receivedAt, display, statusUri, notification, paperCard, personId } = credential;
  const record: StoredCredential = { id, raw, format, issuerName, type, receivedAt };
  if (display) record.display = display;
  if (statusUri !== undefined) record.statusUri = statusUri;
  if (notification) record.notification = notification;
  if (paperCard) record.paperCard = paperCard;
  if (personId !== undefined) record.personId = personId;
  return record;
}

/** Newest first; ties by id. */
function byReceivedAt(a: StoredCredential, b: StoredCredential): number {
  return a.receivedAt === b.receivedAt ? (a.id < b.id ? -1 : 1) : a.receivedAt < b.receivedAt ? 1 : -1;
}

export async function listCredentials(core: VaultCore): Promise<StoredCredential[]> {
  const session = core.unlocked();
  const records = await core.readAll<SealedRecord>(STORE.credentials);
  try {
    const list = await Promise.all(records.map((r) => openRecord<StoredCredential>(session.vaultKey, STORE.credentials, r)));
    list.sort(byReceivedAt);
    return core.stillUnlocked(session, list);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function getCredential(core: VaultCore, id: string): Promise<StoredCredential | undefined> {
  if (typeof id !== 'string') throw new TypeError('id must be a string');
  const session = core.unlocked();
  const record = await core.read<SealedRecord>(STORE.credentials, await credentialRowKey(session, id));
  if (!record) return undefined;
  try {
    return core.stillUnlocked(session, await openRecord<StoredCredential>(session.vaultKey, STORE.credentials, record));
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function putCredential(core: VaultCore, credential: StoredCredential): Promise<void> {
  checkCredential(credential);
  const session = core.unlocked();
  const rowKey = await credentialRowKey(session, credential.id);
  const record = await sealRecord(session.vaultKey, STORE.credentials, rowKey, credentialRecord(credential));
  await core.write([STORE.credentials], 'Saving the credential', (tx) => tx.objectStore(STORE.credentials).put(record));
}

export async function deleteCredential(core: VaultCore, id: string): Promise<void> {
  const { indexKey } = core.unlocked();
  const credentialRow = await rowKeyFor(indexKey, STORE.credentials, id);
  const deviceKeyRow = await rowKeyFor(indexKey, STORE.deviceKeys, id);
  await core.write([STORE.credentials, STORE.deviceKeys], 'Deleting the credential', async (tx) => {
    await tx.objectStore(STORE.credentials).delete(credentialRow);
    await tx.objectStore(STORE.deviceKeys).delete(deviceKeyRow);
  });
}
