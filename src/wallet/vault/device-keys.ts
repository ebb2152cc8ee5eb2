/**
 * Holder device keys: one WebCrypto ECDSA P-256 key pair per credential (FIPS 186-5 ECDSA; JOSE
 * ES256, RFC 7518 §3.4), used later for key-binding JWTs.
 *
 * Storage: the private key is wrapped with WebCrypto wrapKey('pkcs8') under the vault key with
 * AES-256-GCM (NIST SP 800-38D §7.1, fresh 96-bit IV, AAD binding "deviceKeys.private" and the
 * row key), then the wrapped blob and the public JWK are sealed as an ordinary vault record. So
 * the key is useless without the vault key, travels in a backup, and JavaScript never holds the
 * private scalar in the clear: it exists as bytes only inside WebCrypto. For signing it is
 * unwrapped non-extractable (§7.2). Trade-off (docs/vault.md): a non-extractable key created
 * straight in WebCrypto could never leave the browser at all, but then a backup could not carry it
 * and every credential would need re-issuing after a restore; we choose recoverability, and the
 * key is extractable only for the instant between generateKey and wrapKey.
 */
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { GCM_TAG_BITS, openRecord, randomIv, recordAad, sealRecord } from '../../storage/record-crypto';
import { STORE, type SealedRecord } from '../../storage/schema';
import { own } from '../../storage/bytes-own';

export const P256_SIGNATURE_BYTES = 64; // r ‖ s, RFC 7518 §3.4
const ECDSA_P256: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const PRIVATE_AAD_STORE = `${STORE.deviceKeys}.private`;

interface DeviceKeyDocument {
  publicJwk: JsonWebKey;
  wrapIv: string;
  wrapped: string;
}

/** A new key pair for one credential, sealed as the deviceKeys record `rowKey`. */
export async function createDeviceKeyRecord(vaultKey: CryptoKey, rowKey: string): Promise<{ record: SealedRecord; publicJwk: JsonWebKey }> {
  // Extractable only so wrapKey can export it inside WebCrypto on the next line.
  const pair = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const wrapIv = randomIv();
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, vaultKey, {
    name: 'AES-GCM',
    iv: wrapIv,
    additionalData: recordAad(PRIVATE_AAD_STORE, rowKey),
    tagLength: GCM_TAG_BITS,
  });
  const full = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk: JsonWebKey = { kty: full.kty, crv: full.crv, x: full.x, y: full.y };
  const doc: DeviceKeyDocument = { publicJwk, wrapIv: base64urlEncode(wrapIv), wrapped: base64urlEncode(new Uint8Array(wrapped)) };
  return { record: await sealRecord(vaultKey, STORE.deviceKeys, rowKey, doc), publicJwk };
}

export async function deviceKeyPublicJwk(vaultKey: CryptoKey, record: SealedRecord): Promise<JsonWebKey> {
  return (await openRecord<DeviceKeyDocument>(vaultKey, STORE.deviceKeys, record)).publicJwk;
}

/** The private key, unwrapped non-extractable with only the `sign` usage. */
export async function unwrapDeviceKey(vaultKey: CryptoKey, record: SealedRecord): Promise<CryptoKey> {
  const doc = await openRecord<DeviceKeyDocument>(vaultKey, STORE.deviceKeys, record);
  const ivRaw = base64urlDecode(doc.wrapIv);
  const wrappedRaw = base64urlDecode(doc.wrapped);
  const iv = ivRaw && own(ivRaw);
  const wrapped = wrappedRaw && own(wrappedRaw);
  if (!iv || !wrapped) throw new Error(`Device key ${record.rowKey} is malformed`);
  return crypto.subtle.unwrapKey(
    'pkcs8',
    wrapped,
    vaultKey,
    { name: 'AES-GCM', iv, additionalData: recordAad(PRIVATE_AAD_STORE, record.rowKey), tagLength: GCM_TAG_BITS },
    ECDSA_P256,
    false,
    ['sign'],
  );
}

/** ES256 signature (raw r ‖ s, as JWS wants it) over `data`. */
export async function signWithKey(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, own(data)));
}
