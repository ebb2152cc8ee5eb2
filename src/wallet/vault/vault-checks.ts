/** Argument checks and error mapping for vault.ts: what went wrong, as a VaultError the UI can word. */
import { RecordAuthError } from '../../storage/record-crypto';
import { STORE } from '../../storage/schema';
import { StorageError } from '../../storage/storage-error';
import { knownFormatIds } from '../../credentials/formats/dcql-naming';
import { MIN_PIN_LENGTH, VaultError, type StoredCredential } from './vault-api';

/** The AAD "store" of a `records` row: the store and the row's kind tag. */
export function recordsAadStore(kindTag: string): string {
  return `${STORE.records}#${kindTag}`;
}

export function storageFailure(error: unknown): unknown {
  if (error instanceof StorageError) {
    if (error.code === 'quota') return new VaultError('storage-full', error.message);
    return new VaultError('storage-unavailable', error.message);
  }
  if (error instanceof RecordAuthError) return new VaultError('storage-unavailable', `The vault is damaged: ${error.message}`);
  return error;
}

export function checkNewPin(pin: string, parameter: string): void {
  if (typeof pin !== 'string') throw new TypeError(`${parameter} must be a string`);
  if (pin.length < MIN_PIN_LENGTH) throw new VaultError('pin-too-short', `The PIN must be at least ${MIN_PIN_LENGTH} characters`);
}

export function checkCredential(c: StoredCredential): void {
  const fields: (keyof StoredCredential)[] = ['id', 'raw', 'format', 'issuerName', 'type', 'receivedAt'];
  for (const f of fields) if (typeof c?.[f] !== 'string') throw new TypeError(`credential.${f} must be a string`);
  if (c.id.length === 0) throw new TypeError('credential.id must not be empty');
  // Only a format Satchel can read again: its id names the module that verifies and shows it.
  const known = knownFormatIds();
  if (!known.includes(c.format)) throw new TypeError(`credential.format must be one of ${known.map((id) => `'${id}'`).join(', ')} (got ${c.format})`);
  if (c.statusUri !== undefined && typeof c.statusUri !== 'string') throw new TypeError('credential.statusUri must be a string');
  const d = c.display;
  if (d !== undefined && (typeof d !== 'object' || d === null || typeof d.issuerId !== 'string' || typeof d.configurationId !== 'string' || typeof d.typeName !== 'object' || !Array.isArray(d.claims)))
    throw new TypeError('credential.display must have issuerId, configurationId, typeName and claims');
  const n = c.notification;
  if (n !== undefined && (typeof n !== 'object' || n === null || typeof n.endpoint !== 'string' || typeof n.notificationId !== 'string' || typeof n.accessToken !== 'string'))
    throw new TypeError('credential.notification must have endpoint, notificationId and accessToken');
  const p = c.paperCard as Partial<Record<string, unknown>> | undefined;
  if (p !== undefined && !(typeof p?.raw === 'string' && typeof p.receivedAt === 'string') && !['not-offered', 'offline', 'failed'].includes(p?.missing as string)) throw new TypeError('credential.paperCard is not a card or why none');
  if (c.personId !== undefined && (typeof c.personId !== 'string' || c.personId === '')) throw new TypeError('credential.personId must be a non-empty string');
}

