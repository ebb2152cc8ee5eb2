/**
 * Issuing an ISO/IEC 18013-5 mdoc as OpenID4VCI 1.0 Appendix A.2 delivers it: the base64url
 * `IssuerSigned` (§8.3.2.1.2.2) — every data element as an IssuerSignedItemBytes
 * (#6.24(bstr .cbor IssuerSignedItem), §9.1.2.5) and `issuerAuth`, a COSE_Sign1 (RFC 9052 §4.2)
 * over the Mobile Security Object (§9.1.2.4) with the Document Signer certificate in `x5chain`
 * (RFC 9360 §2, header 33).
 *
 * Built here with cborg rather than @owf/mdoc's IssuerSignedBuilder: that builder's MSO has no
 * `status`, and the reference DVLA must put its Token Status List reference in the MSO
 * (draft-ietf-oauth-status-list §6.3, "Referenced Token in COSE": status → { status_list:
 * { idx, uri } }) so the admin page's revoke reaches the wallet. Interop the other way (an
 * @owf/mdoc-issued mdoc received by the wallet) is proven in tests. Uses only cborg and WebCrypto
 * (digests), so it runs in Node and in a browser; signing is the caller's (it holds the key).
 */
import { encode, Tagged } from 'cborg';

/** RFC 8949 §3.4.5.1 (encoded CBOR), RFC 8949 §3.4.1 (tdate), RFC 8943 (full-date). */
const TAG_ENCODED_CBOR = 24;
const TAG_TDATE = 0;
const TAG_FULL_DATE = 1004;
/** RFC 9052 §3.1 header labels; RFC 9360 §2 x5chain. */
const HEADER_ALG = 1;
const HEADER_X5CHAIN = 33;
/** RFC 9053 §2.1: ES256 = -7. */
const COSE_ES256 = -7;
/** §9.1.2.5: random is at least 16 bytes; 32 here. */
const RANDOM_BYTES = 32;

/** An element value of type full-date (ISO/IEC 18013-5 §7.2.1, tag 1004 'YYYY-MM-DD'). */
export function fullDate(isoDate: string): Tagged {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`${isoDate} is not a full-date`);
  return new Tagged(TAG_FULL_DATE, isoDate);
}

/** §9.1.2.4 tdate: RFC 3339 date-time in UTC without fractional seconds, as tag 0. */
function tdate(date: Date): Tagged {
  return new Tagged(TAG_TDATE, date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
}

const embed = (value: unknown): Tagged => new Tagged(TAG_ENCODED_CBOR, encode(value));

function base64urlToBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 9053 §7.1.1: an EC2 COSE_Key {1: 2 (kty EC2), -1: 1 (crv P-256), -2: x, -3: y} from the wallet's public JWK. */
export function coseKeyFromJwk(jwk: JsonWebKey): Map<number, unknown> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new RangeError('The device key must be a public EC P-256 JWK');
  return new Map<number, unknown>([
    [1, 2],
    [-1, 1],
    [-2, base64urlToBytes(jwk.x)],
    [-3, base64urlToBytes(jwk.y)],
  ]);
}

export interface MdocInput {
  docType: string;
  /** namespace → element identifier → value (full-dates as fullDate(), bstr as Uint8Array). */
  nameSpaces: Record<string, Record<string, unknown>>;
  /** The holder's public key from the key proof: the MSO's deviceKeyInfo.deviceKey (§9.1.2.4). */
  deviceJwk: JsonWebKey;
  signed: Date;
  validFrom: Date;
  validUntil: Date;
  /** The Token Status List entry (draft-ietf-oauth-status-list §6.3); omitted when absent. */
  status?: { idx: number; uri: string };
  /** The Document Signer certificate (DER), then any intermediates up to (not including) the IACA root. */
  x5chain: readonly Uint8Array[];
  /** ES256 over the Sig_structure bytes: the 64-byte r‖s (RFC 9053 §2.1). */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
  /** Random bytes (tests may fix them). */
  random?: (length: number) => Uint8Array;
}

/** The base64url IssuerSigned (OpenID4VCI 1.0 Appendix A.2.4: the credential's value). */
export async function issueMdoc(input: MdocInput): Promise<string> {
  const random = input.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const nameSpaces = new Map<string, Tagged[]>();
  const valueDigests = new Map<string, Map<number, Uint8Array>>();
  for (const [namespace, elements] of Object.entries(input.nameSpaces)) {
    const entries = Object.entries(elements);
    // §9.1.2.5: digest IDs are unique per namespace; shuffled so their order says nothing about the elements.
    const ids = shuffled(entries.map((_, i) => i), random);
    const items: Tagged[] = [];
    const digests = new Map<number, Uint8Array>();
    for (const [i, [elementIdentifier, elementValue]] of entries.entries()) {
      const item = embed(new Map<string, unknown>([
        ['digestID', ids[i]!],
        ['random', random(RANDOM_BYTES)],
        ['elementIdentifier', elementIdentifier],
        ['elementValue', elementValue],
      ]));
      items.push(item);
      // §9.1.2.5: the digest is over the whole IssuerSignedItemBytes (the tag-24 item).
      digests.set(ids[i]!, new Uint8Array(await crypto.subtle.digest('SHA-256', encode(item) as Uint8Array<ArrayBuffer>)));
    }
    nameSpaces.set(namespace, items);
    valueDigests.set(namespace, digests);
  }
  const mso = new Map<string, unknown>([
    ['version', '1.0'],
    ['digestAlgorithm', 'SHA-256'],
    ['valueDigests', valueDigests],
    ['deviceKeyInfo', new Map([['deviceKey', coseKeyFromJwk(input.deviceJwk)]])],
    ['docType', input.docType],
    ['validityInfo', new Map([['signed', tdate(input.signed)], ['validFrom', tdate(input.validFrom)], ['validUntil', tdate(input.validUntil)]])],
  ]);
  if (input.status) mso.set('status', new Map([['status_list', new Map<string, unknown>([['idx', input.status.idx], ['uri', input.status.uri]])]]));
  // §9.1.2.4: MobileSecurityObjectBytes = #6.24(bstr .cbor MobileSecurityObject) is the COSE payload.
  const payload = encode(embed(mso));
  const protectedHeader = encode(new Map([[HEADER_ALG, COSE_ES256]]));
  // RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected, external_aad, payload].
  const toBeSigned = encode(['Signature1', protectedHeader, new Uint8Array(), payload]);
  const signature = await input.sign(toBeSigned);
  // §9.1.2.4: x5chain in the unprotected header; one certificate as a bstr, several as an array (RFC 9360 §2).
  const chain = input.x5chain.length === 1 ? input.x5chain[0]! : [...input.x5chain];
  const issuerAuth = [protectedHeader, new Map([[HEADER_X5CHAIN, chain]]), payload, signature];
  const issuerSigned = new Map<string, unknown>([['nameSpaces', nameSpaces], ['issuerAuth', issuerAuth]]);
  return bytesToBase64url(encode(issuerSigned));
}

function shuffled(values: number[], random: (n: number) => Uint8Array): number[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(1)[0]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
