/**
 * JWE, compact serialization (RFC 7516 §7.1), with one key agreement: ECDH-ES in Direct Key
 * Agreement mode on P-256 (RFC 7518 §4.6), and content encryption A128GCM or A256GCM (RFC 7518
 * §5.3). This is what OpenID4VP 1.0 §8.3 uses for encrypted responses (A128GCM being the default a
 * verifier expects when it states no `encrypted_response_enc_values_supported`, §5.1) and what
 * HAIP 1.0 requires of wallets (ECDH-ES with P-256, A128GCM and A256GCM). Optional `"zip": "DEF"`
 * (RFC 7516 §4.1.3) compresses the plaintext before encryption.
 *
 * Secrets stay in WebCrypto: the recipient's private key is a non-extractable ECDH CryptoKey,
 * the sender's ephemeral key is generated non-extractable for one message and dropped, and the
 * shared secret Z exists only as the bytes WebCrypto's deriveBits returns, fed straight into the
 * Concat KDF (RFC 7518 §4.6.2, NIST SP 800-56A §5.8.1) and wiped.
 *
 * Lives in src/lib because both the wallet (src/protocols) and the reference verifier
 * (src/server, which may import only credentials and lib) use it.
 */
import { base64urlDecode, base64urlEncode } from './base64url';
import { asciiBytes, concatBytes, utf8Decode, utf8Encode } from './bytes';
import { deflateRaw, inflateRaw } from './deflate';
import { isJsonObject, parseJsonObject, type JsonObject } from './json-safe';

export const JWE_ALG = 'ECDH-ES';
/** The content encryptions implemented (RFC 7518 §5.3). */
export type JweEnc = 'A128GCM' | 'A256GCM';
export const JWE_ENCS: readonly JweEnc[] = ['A128GCM', 'A256GCM'];
/** What Satchel uses where it chooses (in person, its own checker): the stronger of the two. */
export const JWE_ENC: JweEnc = 'A256GCM';
/** RFC 7518 §5.3: A128GCM uses a 128-bit key, A256GCM a 256-bit key. */
const AES_KEY_BITS: Record<JweEnc, number> = { A128GCM: 128, A256GCM: 256 };
const GCM_IV_BYTES = 12; // RFC 7518 §5.3: 96-bit IV
const GCM_TAG_BYTES = 16; // RFC 7518 §5.3: 128-bit tag
/** Upper bound for a decrypted (and inflated) payload: 256 KiB, the largest presentation we accept. */
export const JWE_MAX_PLAINTEXT_BYTES = 256 * 1024;
/** Upper bound for a compact JWE we try to parse. */
export const JWE_MAX_CHARS = 512 * 1024;

const ECDH_P256: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };

/** Why a JWE could not be opened: `wrong-key` when it was made for another key (or altered). */
export function isJweEnc(value: unknown): value is JweEnc {
  return value === 'A128GCM' || value === 'A256GCM';
}

export class JweError extends Error {
  constructor(readonly code: 'malformed' | 'unsupported' | 'wrong-key', message: string) {
    super(message);
    this.name = 'JweError';
  }
}

export interface P256PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid?: string;
}

/** A fresh recipient key pair: the private key never leaves WebCrypto. */
export async function generateRecipientKey(): Promise<{ privateKey: CryptoKey; publicJwk: P256PublicJwk }> {
  const pair = (await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicJwk: await publicJwkOf(pair.publicKey) };
}

async function publicJwkOf(key: CryptoKey): Promise<P256PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

/** Checks the shape of a P-256 public JWK (RFC 7518 §6.2.1); the curve check is WebCrypto's importKey. */
export function isP256PublicJwk(value: unknown): value is P256PublicJwk {
  if (!isJsonObject(value)) return false;
  const { kty, crv, x, y, d } = value as Record<string, unknown>;
  if (kty !== 'EC' || crv !== 'P-256' || d !== undefined) return false;
  // §6.2.1.2/3: x and y are the full 32-byte coordinates.
  return typeof x === 'string' && typeof y === 'string' && base64urlDecode(x)?.length === 32 && base64urlDecode(y)?.length === 32;
}

function importPublic(jwk: P256PublicJwk): Promise<CryptoKey> {
  // WebCrypto refuses a point that is not on the curve (the invalid-curve attack, RFC 7518 §4.6.1 note).
  return crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ECDH_P256, false, []);
}

function lengthPrefixed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(data, 4);
  return out;
}

/**
 * RFC 7518 §4.6.2 Concat KDF with SHA-256 for a key of `keyBits` ≤ 256 (one round):
 * K = SHA-256(counter=1 ‖ Z ‖ AlgorithmID ‖ PartyUInfo ‖ PartyVInfo ‖ SuppPubInfo).
 * Returns the key bytes (the caller imports and wipes them). Exported for the RFC 7518 Appendix C vector.
 */
export async function concatKdf(z: Uint8Array, algorithmId: string, apu: Uint8Array, apv: Uint8Array, keyBits: number): Promise<Uint8Array> {
  const counter = new Uint8Array([0, 0, 0, 1]);
  const suppPubInfo = new Uint8Array(4);
  new DataView(suppPubInfo.buffer).setUint32(0, keyBits); // §4.6.2: keydatalen in bits, 32-bit big-endian
  const otherInfo = concatBytes(lengthPrefixed(asciiBytes(algorithmId)), lengthPrefixed(apu), lengthPrefixed(apv), suppPubInfo);
  const input = concatBytes(counter, z, otherInfo);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input as BufferSource));
  input.fill(0);
  return digest.slice(0, keyBits / 8);
}

async function contentKey(privateKey: CryptoKey, peer: CryptoKey, enc: JweEnc, apu: Uint8Array, apv: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  // RFC 7518 §4.6: Z is the ECDH shared secret (the x-coordinate, 32 bytes for P-256).
  const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256));
  // §4.6.2: in Direct Key Agreement mode AlgorithmID is the "enc" value, keydatalen its key size.
  const raw = await concatKdf(z, enc, apu, apv, AES_KEY_BITS[enc]);
  z.fill(0);
  const key = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'AES-GCM' }, false, [usage]);
  raw.fill(0);
  return key;
}

export interface EncryptOptions {
  /** Content encryption (RFC 7518 §5.3); default JWE_ENC (A256GCM). */
  enc?: JweEnc;
  /** Key id of the recipient key, echoed in the header (OpenID4VP 1.0 §8.3). */
  kid?: string;
  /** Compress the plaintext first (RFC 7516 §4.1.3 "zip": "DEF"). */
  compress?: boolean;
  /** Agreement PartyUInfo / PartyVInfo (RFC 7518 §4.6.1.2–3), raw bytes. */
  apu?: Uint8Array;
  apv?: Uint8Array;
}

/** Encrypts `plaintext` to `recipient` and returns the compact JWE (RFC 7516 §5.1). */
export async function encryptJwe(plaintext: Uint8Array, recipient: P256PublicJwk, options: EncryptOptions = {}): Promise<string> {
  if (!isP256PublicJwk(recipient)) throw new TypeError('recipient must be a P-256 public JWK');
  const enc = options.enc ?? JWE_ENC;
  if (!isJweEnc(enc)) throw new TypeError(`enc must be A128GCM or A256GCM (got ${String(enc)})`);
  const peer = await importPublic(recipient);
  // §5.1 steps 1–2 (RFC 7516) / RFC 7518 §4.6: a fresh ephemeral key pair per message.
  const ephemeral = (await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits'])) as CryptoKeyPair;
  const apu = options.apu ?? new Uint8Array(0);
  const apv = options.apv ?? new Uint8Array(0);
  const header: JsonObject = { alg: JWE_ALG, enc, epk: { ...(await publicJwkOf(ephemeral.publicKey)) } };
  if (options.kid !== undefined) header.kid = options.kid;
  if (options.compress) header.zip = 'DEF';
  if (apu.length > 0) header.apu = base64urlEncode(apu);
  if (apv.length > 0) header.apv = base64urlEncode(apv);
  const key = await contentKey(ephemeral.privateKey, peer, enc, apu, apv, 'encrypt');
  // RFC 7516 §5.1 step 8: compress if "zip" is present.
  const body = options.compress ? await deflateRaw(plaintext) : plaintext;
  // Steps 9, 13–14: random IV; AAD = ASCII(BASE64URL(UTF8(protected header))).
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  const protectedHeader = base64urlEncode(utf8Encode(JSON.stringify(header)));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: asciiBytes(protectedHeader) as BufferSource, tagLength: GCM_TAG_BYTES * 8 }, key, body as BufferSource),
  );
  const ciphertext = sealed.subarray(0, sealed.length - GCM_TAG_BYTES);
  const tag = sealed.subarray(sealed.length - GCM_TAG_BYTES);
  // §7.1: header . encrypted key (empty in Direct Key Agreement, RFC 7518 §4.6) . iv . ciphertext . tag
  return `${protectedHeader}..${base64urlEncode(iv)}.${base64urlEncode(ciphertext)}.${base64urlEncode(tag)}`;
}

function malformed(message: string): never {
  throw new JweError('malformed', message);
}

/** Reads the protected header without decrypting (e.g. to pick the key by `kid`). */
export function jweHeader(jwe: string): JsonObject {
  if (typeof jwe !== 'string' || jwe.length > JWE_MAX_CHARS) malformed('The encrypted response is not text or too long');
  const parts = jwe.split('.');
  if (parts.length !== 5) malformed('The encrypted response does not have the five parts of a compact JWE');
  const bytes = base64urlDecode(parts[0]!);
  const text = bytes && utf8Decode(bytes);
  if (text === undefined) malformed('The JWE header is not base64url UTF-8');
  try {
    return parseJsonObject(text, 'The JWE header');
  } catch {
    return malformed('The JWE header is not a JSON object');
  }
}

/** Opens a compact JWE with the recipient's private key (RFC 7516 §5.2). Throws JweError. */
export async function decryptJwe(jwe: string, privateKey: CryptoKey): Promise<Uint8Array> {
  const header = jweHeader(jwe);
  const [protectedHeader, encryptedKey, ivText, ciphertextText, tagText] = jwe.split('.') as [string, string, string, string, string];
  // §5.2 step 5 / RFC 7518 §4.6: only ECDH-ES direct with A128GCM or A256GCM; everything else is refused.
  if (header.alg !== JWE_ALG) throw new JweError('unsupported', `JWE alg ${JSON.stringify(header.alg)} is not supported (only ECDH-ES)`);
  if (!isJweEnc(header.enc)) throw new JweError('unsupported', `JWE enc ${JSON.stringify(header.enc)} is not supported (only A128GCM and A256GCM)`);
  const enc = header.enc;
  if (header.zip !== undefined && header.zip !== 'DEF') throw new JweError('unsupported', 'JWE zip other than DEF is not supported');
  if (header.crit !== undefined) throw new JweError('unsupported', 'JWE "crit" is not supported');
  // RFC 7518 §4.6: the JWE Encrypted Key is the empty octet sequence in Direct Key Agreement.
  if (encryptedKey !== '') malformed('ECDH-ES direct must have an empty encrypted key');
  if (!isP256PublicJwk(header.epk)) malformed('The JWE "epk" is not a P-256 public key');
  const decode = (text: string | undefined, what: string): Uint8Array => {
    if (text === undefined) return new Uint8Array(0);
    if (typeof text !== 'string') malformed(`JWE "${what}" is not a string`);
    return base64urlDecode(text) ?? malformed(`JWE "${what}" is not base64url`);
  };
  const apu = decode(header.apu as string | undefined, 'apu');
  const apv = decode(header.apv as string | undefined, 'apv');
  const iv = decode(ivText, 'iv');
  const ciphertext = decode(ciphertextText, 'ciphertext');
  const tag = decode(tagText, 'tag');
  if (iv.length !== GCM_IV_BYTES) malformed('The JWE IV is not 96 bits');
  if (tag.length !== GCM_TAG_BYTES) malformed('The JWE tag is not 128 bits');
  let peer: CryptoKey;
  try {
    peer = await importPublic(header.epk);
  } catch {
    return malformed('The JWE "epk" is not a point on P-256');
  }
  const key = await contentKey(privateKey, peer, enc, apu, apv, 'decrypt');
  let body: Uint8Array;
  try {
    body = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: iv as BufferSource, additionalData: asciiBytes(protectedHeader) as BufferSource, tagLength: GCM_TAG_BYTES * 8 },
        key,
        concatBytes(ciphertext, tag) as BufferSource,
      ),
    );
  } catch {
    // §5.2 step 16: authentication failed — made for another key, or altered.
    throw new JweError('wrong-key', 'The response was encrypted to another key, or altered');
  }
  if (header.zip !== 'DEF') {
    if (body.length > JWE_MAX_PLAINTEXT_BYTES) malformed('The decrypted payload is too large');
    return body;
  }
  try {
    return await inflateRaw(body, JWE_MAX_PLAINTEXT_BYTES);
  } catch (error) {
    return malformed(error instanceof RangeError ? 'The decompressed payload is too large' : 'The compressed payload is damaged');
  }
}
