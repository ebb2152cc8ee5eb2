/**
 * Schema v4 → v5, the part that needs the vault key (docs/vault.md "People"). Up to v4 every held
 * credential was the holder's own and its record said nothing about whose it was. The v5 upgrade
 * leaves a marker in `meta`; the next unlock, before it reports the vault unlocked, stamps
 * `personId: SELF_PERSON` on every credential record that has none and writes the people document
 * (PEOPLE_KIND, PEOPLE_ID) if there is none and there are credentials — in one transaction with the marker's removal, so a
 * crash leaves either the old layout or the new one. Nothing else in a record changes; a record
 * that already says whose it is keeps it. If any row changed since it was read (another tab),
 * nothing is written and the marker stays for the next unlock.
 */
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { PEOPLE_STAMP_ROW, STORE, type SealedRecord } from '../../storage/schema';
import { PEOPLE_ID, PEOPLE_KIND, SELF_PERSON } from '../shared';
import type { StoredCredential } from './vault-api';
import { credentialRecord } from './credential-store';
import { recordKeys, sealKindedRecord } from './record-store';
import type { Session, VaultCore } from './vault-core';

/** The people document a vault starts with: nobody but the holder (people-store.ts reads it). */
export const FIRST_PEOPLE_DOCUMENT = { v: 1, people: [] as unknown[] };

class ChangedMeanwhile extends Error {}

function sameRow(now: unknown, before: SealedRecord): boolean {
  const iv = (now as Partial<SealedRecord> | undefined)?.iv;
  return iv instanceof Uint8Array && iv.length === before.iv.length && iv.every((b, i) => b === before.iv[i]);
}

/** Runs the stamp when the vault is marked for it; a failure leaves everything (and the marker) for the next unlock. */
export async function stampPeople(core: VaultCore, session: Session): Promise<void> {
  if (!(await core.read(STORE.meta, PEOPLE_STAMP_ROW))) return;
  try {
    await stamp(core, session);
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) console.error('Marking every credential as yours failed; trying again at the next unlock', error);
  }
}

async function stamp(core: VaultCore, session: Session): Promise<void> {
  const rows = await core.readAll<SealedRecord>(STORE.credentials);
  const updates: { before: SealedRecord; after: SealedRecord }[] = [];
  for (const before of rows) {
    const stored = await openRecord<StoredCredential>(session.vaultKey, STORE.credentials, before);
    if (stored.personId !== undefined) continue;
    updates.push({ before, after: await sealRecord(session.vaultKey, STORE.credentials, before.rowKey, credentialRecord({ ...stored, personId: SELF_PERSON })) });
  }
  const keys = await recordKeys(session, PEOPLE_KIND, PEOPLE_ID);
  // A vault with no credentials (a new one: its creation runs every upgrade) needs no document yet:
  // no document reads as nobody but the holder (people-store.ts).
  const needed = rows.length > 0 && !(await core.read(STORE.records, keys.rowKey));
  const people = needed ? await sealKindedRecord(session, keys, PEOPLE_ID, FIRST_PEOPLE_DOCUMENT) : undefined;
  await core.write([STORE.meta, STORE.credentials, STORE.records], 'Marking every credential as yours', async (tx) => {
    const credentials = tx.objectStore(STORE.credentials);
    const records = tx.objectStore(STORE.records);
    for (const { before } of updates) if (!sameRow(await credentials.get(before.rowKey), before)) throw new ChangedMeanwhile();
    for (const { after } of updates) await credentials.put(after);
    // Written only where none is (a document another tab wrote meanwhile is kept).
    if (people && !(await records.get(keys.rowKey))) await records.put(people);
    await tx.objectStore(STORE.meta).delete(PEOPLE_STAMP_ROW);
  });
}
