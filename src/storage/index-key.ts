/**
 * Row keys that carry no personal data. A credential's id is chosen by the caller and may be
 * meaningful, so it never reaches IndexedDB: the row key is HMAC-SHA-256 (FIPS 198-1, RFC 2104)
 * of (store, id) under an index key. The index key is a random 256-bit HMAC key, wrapped under the
 * vault key with AES-256-GCM (NIST SP 800-38D) in `meta`, and unwrapped non-extractable on unlock.
 */
import { base64urlEncode } from '../lib/base64url';
import { concatBytes } from '../lib/bytes';
import { GCM_TAG_BITS, randomIv, recordAad, RECORD_FORMAT_VERSION } from './record-crypto';
import { STORE, type SealedRecord } from './schema';
import { own } from './bytes-own';

export const INDEX_KEY_ROW = 'indexKey';
const HMAC: HmacImportParams = { name: 'HMAC', hash: 'SHA-256', length: 256 };

/** A new index key, already wrapped under the vault key as the `meta` record INDEX_KEY_ROW. */
export async function createWrappedIndexKey(vaultKey: CryptoKey): Promise<SealedRecord> {
  const indexKey = await crypto.subtle.generateKey(HMAC, true, ['sign']);
  const iv = randomIv();
  const ct = await crypto.subtle.wrapKey('raw', indexKey, vaultKey, {
    name: 'AES-GCM',
    iv,
    additionalData: recordAad(STORE.meta, INDEX_KEY_ROW),
    tagLength: GCM_TAG_BITS,
  });
  return { rowKey: INDEX_KEY_ROW, v: RECORD_FORMAT_VERSION, iv, ct: new Uint8Array(ct) };
}

export async function unwrapIndexKey(vaultKey: CryptoKey, record: SealedRecord): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    record.ct,
    vaultKey,
    { name: 'AES-GCM', iv: record.iv, additionalData: recordAad(STORE.meta, INDEX_KEY_ROW, record.v), tagLength: GCM_TAG_BITS },
    HMAC,
    false,
    ['sign'],
  );
}

/** rowKey = base64url(HMAC-SHA-256(indexKey, lp(store) ‖ lp(id))). */
export async function rowKeyFor(indexKey: CryptoKey, store: string, id: string): Promise<string> {
  const enc = new TextEncoder();
  const s = enc.encode(store);
  const i = enc.encode(id);
  const message = own(concatBytes(new Uint8Array([s.length >> 8, s.length & 0xff]), s, new Uint8Array([i.length >> 8, i.length & 0xff]), i));
  return base64urlEncode(new Uint8Array(await crypto.subtle.sign('HMAC', indexKey, message)));
}
