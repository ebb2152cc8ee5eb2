/**
 * HPKE (RFC 9180) as ISO/IEC 18013-7 Annex C uses it over the Digital Credentials API: base mode
 * (§5.1.1), DHKEM(P-256, HKDF-SHA256) (§4.1, KEM id 0x0010), HKDF-SHA256 (KDF id 0x0001), AES-128-GCM
 * (AEAD id 0x0001), the recipient's side only (Satchel's checker opens the wallet's answer), one
 * message (sequence number 0). Built on WebCrypto: ECDH deriveBits with the recipient's
 * non-extractable key, HMAC-SHA-256 for Extract and Expand (RFC 5869), AES-GCM.
 * Tested against RFC 9180 Appendix A.3.1.
 */
import { concatBytes } from '../../lib/bytes';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const i2osp2 = (n: number): Uint8Array => Uint8Array.of((n >> 8) & 0xff, n & 0xff);

/** §7.1, §7.2, §7.3: the identifiers of this suite. */
const KEM_ID = 0x0010;
const KDF_ID = 0x0001;
const AEAD_ID = 0x0001;
/** §4.1: suite_id = "KEM" || I2OSP(kem_id, 2) inside the KEM; §5.1: "HPKE" || kem || kdf || aead elsewhere. */
const KEM_SUITE = concatBytes(ascii('KEM'), i2osp2(KEM_ID));
const HPKE_SUITE = concatBytes(ascii('HPKE'), i2osp2(KEM_ID), i2osp2(KDF_ID), i2osp2(AEAD_ID));
const HPKE_V1 = ascii('HPKE-v1');
/** §7.1 Table 2: Nsecret and Nenc/Npk for DHKEM(P-256); §7.3 Table 5: Nk and Nn for AES-128-GCM; Nh for SHA-256. */
const N_SECRET = 32;
const N_PK = 65;
const N_K = 16;
const N_N = 12;
const N_H = 32;
const MODE_BASE = 0x00;

export class HpkeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HpkeError';
  }
}

async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, data as BufferSource));
}

/** §4: LabeledExtract(salt, label, ikm) = HKDF-Extract(salt, "HPKE-v1" || suite_id || label || ikm); an empty salt is HashLen zeros (RFC 5869 §2.2). */
function labeledExtract(suite: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array): Promise<Uint8Array> {
  return hmacSha256(salt.length === 0 ? new Uint8Array(N_H) : salt, concatBytes(HPKE_V1, suite, ascii(label), ikm));
}

/** §4: LabeledExpand(prk, label, info, L) = HKDF-Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L); every L here is ≤ HashLen, so T(1) (RFC 5869 §2.3). */
async function labeledExpand(suite: Uint8Array, prk: Uint8Array, label: string, info: Uint8Array, length: number): Promise<Uint8Array> {
  const t1 = await hmacSha256(prk, concatBytes(i2osp2(length), HPKE_V1, suite, ascii(label), info, Uint8Array.of(1)));
  return t1.slice(0, length);
}

/** §4.1 ExtractAndExpand: the KEM's shared secret from the DH output and kem_context = enc || pkRm. */
export async function dhkemSharedSecret(dh: Uint8Array, enc: Uint8Array, recipientPublicKey: Uint8Array): Promise<Uint8Array> {
  const eaePrk = await labeledExtract(KEM_SUITE, new Uint8Array(0), 'eae_prk', dh);
  return labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', concatBytes(enc, recipientPublicKey), N_SECRET);
}

/** §5.1 KeySchedule in base mode (no PSK): the AEAD key and base nonce. */
export async function keyScheduleBase(sharedSecret: Uint8Array, info: Uint8Array): Promise<{ key: Uint8Array; baseNonce: Uint8Array }> {
  const empty = new Uint8Array(0);
  const pskIdHash = await labeledExtract(HPKE_SUITE, empty, 'psk_id_hash', empty);
  const infoHash = await labeledExtract(HPKE_SUITE, empty, 'info_hash', info);
  const context = concatBytes(Uint8Array.of(MODE_BASE), pskIdHash, infoHash);
  const secret = await labeledExtract(HPKE_SUITE, sharedSecret, 'secret', empty);
  return {
    key: await labeledExpand(HPKE_SUITE, secret, 'key', context, N_K),
    baseNonce: await labeledExpand(HPKE_SUITE, secret, 'base_nonce', context, N_N),
  };
}

/** §4.1 Decap + §5.1.1 SetupBaseR: the recipient's context for `enc` (the sender's ephemeral public key, uncompressed, §7.1.1 SerializePublicKey). */
export async function setupBaseRecipient(enc: Uint8Array, recipientPrivateKey: CryptoKey, recipientPublicKey: Uint8Array, info: Uint8Array): Promise<{ key: Uint8Array; baseNonce: Uint8Array; sharedSecret: Uint8Array }> {
  if (enc.length !== N_PK || enc[0] !== 0x04) throw new HpkeError(`The encapsulated key must be an uncompressed P-256 point of ${N_PK} bytes`);
  let peer: CryptoKey;
  try {
    // §7.1.4: DeserializePublicKey validates the point; WebCrypto refuses one not on the curve.
    peer = await crypto.subtle.importKey('raw', enc as BufferSource, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  } catch {
    throw new HpkeError('The encapsulated key is not a point on P-256');
  }
  // §7.1.1: DH(skR, pkE) is the x-coordinate, 32 bytes.
  const dh = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, recipientPrivateKey, 256));
  const sharedSecret = await dhkemSharedSecret(dh, enc, recipientPublicKey);
  dh.fill(0);
  return { ...(await keyScheduleBase(sharedSecret, info)), sharedSecret };
}

/** §5.2 Open with sequence number 0 (nonce = base_nonce XOR 0): the one message of the exchange. Throws HpkeError when it does not open. */
export async function hpkeOpenBase(options: { enc: Uint8Array; recipientPrivateKey: CryptoKey; recipientPublicKey: Uint8Array; info: Uint8Array; aad?: Uint8Array; ciphertext: Uint8Array }): Promise<Uint8Array> {
  const { key, baseNonce, sharedSecret } = await setupBaseRecipient(options.enc, options.recipientPrivateKey, options.recipientPublicKey, options.info);
  sharedSecret.fill(0);
  const aesKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'AES-GCM' }, false, ['decrypt']);
  key.fill(0);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: baseNonce as BufferSource, additionalData: (options.aad ?? new Uint8Array(0)) as BufferSource }, aesKey, options.ciphertext as BufferSource));
  } catch {
    throw new HpkeError('The answer could not be decrypted with this check\'s key (or was altered)');
  }
}
