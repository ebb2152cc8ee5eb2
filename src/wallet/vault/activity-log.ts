/**
 * The encrypted activity log (what was received and shared, with whom, when): one sealed record
 * per entry in `activity`, under a random row key so the time and order of events stay inside the
 * ciphertext.
 */
import { base64urlEncode } from '../../lib/base64url';
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { STORE, type SealedRecord } from '../../storage/schema';
import type { ActivityInput, ActivityStamp } from './satchel-vault';
import { storageFailure } from './vault-checks';
import type { VaultCore } from './vault-core';

export async function recordActivity(core: VaultCore, entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
  if (typeof entry !== 'object' || entry === null) throw new TypeError('entry must be an object');
  const { vaultKey } = core.unlocked();
  const id = base64urlEncode(crypto.getRandomValues(new Uint8Array(16)));
  const full = { ...entry, id, at: typeof entry.at === 'string' ? entry.at : new Date(core.now()).toISOString() };
  const record = await sealRecord(vaultKey, STORE.activity, id, full);
  await core.write([STORE.activity], 'Saving to the activity log', (tx) => tx.objectStore(STORE.activity).put(record));
  return full;
}

/** Every entry, newest first. */
export async function listActivity<T extends object>(core: VaultCore): Promise<(T & ActivityStamp)[]> {
  const session = core.unlocked();
  const records = await core.readAll<SealedRecord>(STORE.activity);
  try {
    const list = await Promise.all(records.map((r) => openRecord<T & ActivityStamp>(session.vaultKey, STORE.activity, r)));
    list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return core.stillUnlocked(session, list);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function deleteActivity(core: VaultCore, id: string): Promise<void> {
  if (typeof id !== 'string') throw new TypeError('id must be a string');
  core.unlocked();
  await core.write([STORE.activity], 'Removing from the activity log', (tx) => tx.objectStore(STORE.activity).delete(id));
}
