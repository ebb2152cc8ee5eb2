/**
 * Record encryption: AES-256-GCM (NIST SP 800-38D) with WebCrypto, under the vault key.
 *
 * - Every write draws a fresh random 96-bit IV (SP 800-38D §8.2.2, RBG-based construction); the
 *   vault writes far fewer than the 2^32 messages that section allows per key.
 * - The additional authenticated data (SP 800-38D §5.2.1.1 "A") binds the ciphertext to where it
 *   lives, so a record moved to another id or store, or replayed under an older format, fails the
 *   tag check (§5.2.2 "FAIL"):
 *
 *     AAD = lp("satchel.record") ‖ u16(RECORD_FORMAT_VERSION) ‖ lp(store) ‖ lp(rowKey)
 *     lp(x) = u16be(len(utf8(x))) ‖ utf8(x)
 *
 *   The length prefixes make the encoding injective (no two (store, rowKey) pairs share an AAD).
 * - The tag is the full 128 bits (SP 800-38D §5.2.1.2).
 */
import { concatBytes, utf8Decode, utf8Encode } from '../lib/bytes';
import { own, type Bytes } from './bytes-own';
import type { SealedRecord } from './schema';

export const RECORD_FORMAT_VERSION = 1;
export const GCM_IV_BYTES = 12; // 96 bits, SP 800-38D §5.2.1.1
export const GCM_TAG_BITS = 128;
const AAD_LABEL = 'satchel.record';

export class RecordAuthError extends Error {
  constructor(readonly store: string, readonly rowKey: string) {
    super(`The ${store} record ${rowKey} failed authentication: it was changed, moved, or sealed under another key`);
    this.name = 'RecordAuthError';
  }
}

/** u16be length prefix + UTF-8 bytes. */
export function lengthPrefixed(text: string): Bytes {
  const bytes = utf8Encode(text);
  if (bytes.byteLength > 0xffff) throw new RangeError(`AAD field is too long (${bytes.byteLength} bytes)`);
  return own(concatBytes(new Uint8Array([bytes.byteLength >> 8, bytes.byteLength & 0xff]), bytes));
}

export function recordAad(store: string, rowKey: string, version: number = RECORD_FORMAT_VERSION): Bytes {
  return own(concatBytes(lengthPrefixed(AAD_LABEL), new Uint8Array([version >> 8, version & 0xff]), lengthPrefixed(store), lengthPrefixed(rowKey)));
}

export function randomIv(): Bytes {
  return crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
}

/** Seals a JSON-serialisable value as the record (store, rowKey). */
export async function sealRecord(key: CryptoKey, store: string, rowKey: string, value: unknown): Promise<SealedRecord> {
  const iv = randomIv();
  const plaintext = own(utf8Encode(JSON.stringify(value)));
  try {
    // SP 800-38D §7.1 GCM-AE_K(IV, P, A) → C ‖ T
    const ct = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: recordAad(store, rowKey), tagLength: GCM_TAG_BITS },
      key,
      plaintext,
    );
    return { rowKey, v: RECORD_FORMAT_VERSION, iv, ct: new Uint8Array(ct) };
  } finally {
    plaintext.fill(0);
  }
}

/** Opens a sealed record read from `store`; throws RecordAuthError if anything does not match. */
export async function openRecord<T>(key: CryptoKey, store: string, record: SealedRecord): Promise<T> {
  if (record.v !== RECORD_FORMAT_VERSION || !(record.iv instanceof Uint8Array) || !(record.ct instanceof Uint8Array))
    throw new RecordAuthError(store, String(record.rowKey));
  let plaintext: Uint8Array;
  try {
    // SP 800-38D §7.2 GCM-AD_K(IV, C, A, T) → P or FAIL
    plaintext = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: record.iv, additionalData: recordAad(store, record.rowKey, record.v), tagLength: GCM_TAG_BITS },
        key,
        record.ct,
      ),
    );
  } catch {
    throw new RecordAuthError(store, record.rowKey);
  }
  try {
    const text = utf8Decode(plaintext);
    if (text === undefined) throw new RecordAuthError(store, record.rowKey);
    return JSON.parse(text) as T;
  } finally {
    plaintext.fill(0);
  }
}

export function isSealedRecord(value: unknown): value is SealedRecord {
  const r = value as Partial<SealedRecord> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.rowKey === 'string' && typeof r.v === 'number' &&
    r.iv instanceof Uint8Array && r.ct instanceof Uint8Array
  );
}
