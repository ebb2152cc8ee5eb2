/**
 * Schema v3 → v4, the part that needs the vault key. Up to v3 a credential's display metadata
 * (issuer id, configuration id, type name, claim labels), its status list URI and its
 * notification data lived in the receive use case's document (kind 'receive', id 'state', field
 * `credentials`, by credential id), apart from the credential record. The v4 upgrade (and a
 * restore) leaves a marker in `meta`; the next unlock, before it reports the vault unlocked,
 * moves each entry into its credential's record and drops the field from the receive document —
 * in one transaction, so a crash leaves either the old layout or the new one. The other fields of
 * that document stay as they are (the trust folder adopts its old copies from them once).
 *
 * Nothing is overwritten by bad input: a malformed entry is left out, a credential record that
 * already carries metadata keeps its own, and if any row changed since it was read (another tab)
 * nothing is written and the marker stays for the next unlock.
 */
import type { CredentialDisplay, CredentialNotification, StoredCredential } from './vault-api';
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { CREDENTIAL_META_MERGE_ROW, STORE, type KindedRecord, type SealedRecord } from '../../storage/schema';
import { credentialRecord, credentialRowKey } from './credential-store';
import { openKindedRecord, recordKeys, sealKindedRecord } from './record-store';
import type { Session, VaultCore } from './vault-core';

/** The receive document as v3 named it (receive-store.ts then); the vault reads it only here. */
const LEGACY_RECEIVE_KIND = 'receive';
const LEGACY_RECEIVE_ID = 'state';

type CredentialMetaFields = Pick<StoredCredential, 'display' | 'statusUri' | 'notification'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalised = (v: unknown): boolean => isObject(v) && typeof v.en === 'string' && Object.values(v).every((t) => typeof t === 'string');
const isClaim = (v: unknown): boolean => isObject(v) && Array.isArray(v.path) && isLocalised(v.label);

/** What a v3 entry (receive-store.ts CredentialMeta then) says, in the v4 record's fields; malformed parts left out. */
export function legacyMetaFields(meta: unknown): CredentialMetaFields {
  if (!isObject(meta)) return {};
  const out: CredentialMetaFields = {};
  const { issuerId, configurationId, typeName, claims, statusUri, notificationEndpoint, notificationId, accessToken } = meta;
  if (typeof issuerId === 'string' && typeof configurationId === 'string' && isLocalised(typeName) && Array.isArray(claims) && claims.every(isClaim))
    out.display = { issuerId, configurationId, typeName, claims } as CredentialDisplay;
  if (typeof statusUri === 'string') out.statusUri = statusUri;
  // Deleting sent the notification only when all three were there; an access token alone is dropped.
  if (typeof notificationEndpoint === 'string' && typeof notificationId === 'string' && typeof accessToken === 'string') {
    const notification: CredentialNotification = { endpoint: notificationEndpoint, notificationId, accessToken };
    out.notification = notification;
  }
  return out;
}

class ChangedMeanwhile extends Error {}

function sameRow(now: unknown, before: SealedRecord): boolean {
  const iv = (now as Partial<SealedRecord> | undefined)?.iv;
  return iv instanceof Uint8Array && iv.length === before.iv.length && iv.every((b, i) => b === before.iv[i]);
}

/** Runs the merge when the vault is marked for it; a failure leaves everything (and the marker) for the next unlock. */
export async function mergeCredentialMeta(core: VaultCore, session: Session): Promise<void> {
  if (!(await core.read(STORE.meta, CREDENTIAL_META_MERGE_ROW))) return;
  try {
    await merge(core, session);
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) console.error('Moving credential details into their records failed; trying again at the next unlock', error);
  }
}

async function merge(core: VaultCore, session: Session): Promise<void> {
  const keys = await recordKeys(session, LEGACY_RECEIVE_KIND, LEGACY_RECEIVE_ID);
  const receiveRow = await core.read<KindedRecord>(STORE.records, keys.rowKey);
  const document = receiveRow ? (await openKindedRecord<Record<string, unknown>>(session, { ...receiveRow, kindTag: keys.kindTag })).value : undefined;
  const legacy = document && isObject(document.credentials) ? document.credentials : {};
  const updates: { before: SealedRecord; after: SealedRecord }[] = [];
  for (const [id, meta] of Object.entries(legacy)) {
    const rowKey = await credentialRowKey(session, id);
    const before = await core.read<SealedRecord>(STORE.credentials, rowKey);
    // A credential deleted earlier: its entry was already unused and goes with the field.
    if (!before) continue;
    const stored = await openRecord<StoredCredential>(session.vaultKey, STORE.credentials, before);
    const merged = credentialRecord({ ...legacyMetaFields(meta), ...stored });
    updates.push({ before, after: await sealRecord(session.vaultKey, STORE.credentials, rowKey, merged) });
  }
  let receiveAfter: KindedRecord | undefined;
  if (document && 'credentials' in document) {
    const { credentials: _moved, ...rest } = document;
    receiveAfter = await sealKindedRecord(session, keys, LEGACY_RECEIVE_ID, rest);
  }
  await core.write([STORE.meta, STORE.credentials, STORE.records], 'Moving credential details into each credential', async (tx) => {
    const credentials = tx.objectStore(STORE.credentials);
    const records = tx.objectStore(STORE.records);
    if (receiveRow && !sameRow(await records.get(keys.rowKey), receiveRow)) throw new ChangedMeanwhile();
    for (const { before } of updates) if (!sameRow(await credentials.get(before.rowKey), before)) throw new ChangedMeanwhile();
    for (const { after } of updates) await credentials.put(after);
    if (receiveAfter) await records.put(receiveAfter);
    await tx.objectStore(STORE.meta).delete(CREDENTIAL_META_MERGE_ROW);
  });
}
