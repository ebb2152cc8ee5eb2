/**
 * The ISO mdoc format (ISO/IEC 18013-5; OpenID4VCI 1.0 Appendix A.2, OpenID4VP 1.0 Appendix B.2):
 * CBOR data elements by namespace, each matched to a digest in the issuer-signed MSO, presented
 * as a DeviceResponse with the holder device's signature. DCQL format `mso_mdoc`,
 * `meta.doctype_value`, claim paths [namespace, element].
 */
import { base64urlDecode, base64urlEncode } from '../../../lib/base64url';
import { DataError } from '../../../lib/errors';
import { hasOwn, setOwn } from '../../../lib/json-safe';
import type { CredentialFormatModule } from '../format';
import { encodeCbor } from './cbor';
import { jwkFromCoseKey } from './cose';
import { msoMdocDcql } from './dcql';
import { mdocParts, parseMdoc, readMdoc } from './parse';
import { presentMdoc } from './present';

export { msoMdocDcql } from './dcql';
export { decodeCbor, encodeCbor, embedCbor, EmbeddedCbor } from './cbor';
export { parseMdoc, readMdoc, mdocParts, type MdocParts } from './parse';

/** RFC 8949 §3.1: the major type is a head's top 3 bits; 5 is a map, 3 a text string. */
const MAJOR_TYPE_SHIFT = 5;
const MAJOR_MAP = 5;
const MAJOR_TEXT = 3;
/** RFC 8949 §3: additional information 24–26 says the argument follows in 1, 2 or 4 bytes. */
const ARGUMENT_BYTES: Record<number, number> = { 24: 1, 25: 2, 26: 4 };
/** IssuerSigned has 1–2 members, a DeviceResponse 2–4 (ISO/IEC 18013-5 §8.3.2.1.2.2). */
const MAX_TOP_LEVEL_MEMBERS = 4;
/** Their member names (§8.3.2.1.2.2), each shorter than 24 bytes, so its text head is one byte (0x60 + length). */
const TOP_LEVEL_KEYS = new Set(['nameSpaces', 'issuerAuth', 'version', 'documents', 'documentErrors', 'status']);
/** Enough base64url for the longest map head (5 bytes), a text head and the longest key (14): 28 characters = 21 bytes. */
const HEAD_CHARS = 28;

/**
 * Whether `raw` starts the way a stored IssuerSigned or a DeviceResponse does: base64url of a CBOR
 * map of 1–4 members (its length head minimal or not, as the auth0 examples send) whose first key
 * is one of their member names. A JWT's first byte ('{' of its header) is never a map; a word that
 * happens to decode to a map head does not go on to spell "issuerAuth" or "version".
 */
function looksLikeMdoc(raw: string): boolean {
  const chars = Math.min(HEAD_CHARS, raw.length - (raw.length % 4));
  const head = chars > 0 ? base64urlDecode(raw.slice(0, chars)) : undefined;
  if (!head || head[0]! >> MAJOR_TYPE_SHIFT !== MAJOR_MAP) return false;
  const info = head[0]! & 0x1f;
  const argumentBytes = info < 24 ? 0 : ARGUMENT_BYTES[info];
  if (argumentBytes === undefined) return false;
  const members = argumentBytes === 0 ? info : head.subarray(1, 1 + argumentBytes).reduce((n, byte) => n * 256 + byte, 0);
  if (members < 1 || members > MAX_TOP_LEVEL_MEMBERS) return false;
  const keyHead = head[1 + argumentBytes];
  if (keyHead === undefined || keyHead >> MAJOR_TYPE_SHIFT !== MAJOR_TEXT || (keyHead & 0x1f) >= 24) return false;
  const keyStart = 2 + argumentBytes;
  const key = head.subarray(keyStart, keyStart + (keyHead & 0x1f));
  return TOP_LEVEL_KEYS.has(String.fromCharCode(...key));
}

/**
 * subjectClaims' namespace order: a namespace others extend first (org.iso.18013.5.1 before
 * org.iso.18013.5.1.aamva — the one an mDL's docType starts with), then the rest as sent.
 */
function namespacesInOrder(claims: Record<string, unknown>): string[] {
  const names = Object.keys(claims);
  const base = names.filter((ns) => names.some((other) => other !== ns && other.startsWith(`${ns}.`)));
  return [...base, ...names.filter((ns) => !base.includes(ns))];
}

function elementsOf(claims: Record<string, unknown>, namespace: string): Record<string, unknown> {
  const elements = claims[namespace];
  return typeof elements === 'object' && elements !== null && !Array.isArray(elements) ? (elements as Record<string, unknown>) : {};
}

/** P-256 and P-384 group orders (SEC 2 §2.4.2, §2.5.1): an ECDSA (r, s) and (r, n − s) both verify. */
const CURVE_ORDERS: Record<string, bigint> = {
  ES256: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  ES384: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
};

/** An ECDSA signature with s made low, so a copy with the other s is recognised as the same signature. */
function normalisedSignature(alg: string, signature: Uint8Array): Uint8Array {
  const order = CURVE_ORDERS[alg];
  if (!order) return signature; // Ed25519 (RFC 8032 §5.1.7: S < L is enforced) is not malleable.
  const half = signature.length / 2;
  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const s = BigInt(`0x${hex(signature.subarray(half))}`);
  if (s <= order / 2n) return signature;
  const low = (order - s).toString(16).padStart(half * 2, '0');
  return Uint8Array.from([...signature.subarray(0, half), ...low.match(/../g)!.map((b) => parseInt(b, 16))]);
}

export const msoMdocFormat: CredentialFormatModule = {
  ...msoMdocDcql,
  describe: 'An ISO mdoc (ISO/IEC 18013-5 mobile document, each data element disclosed on its own).',
  selective: true,
  // ISO/IEC 18013-5 §9.1.3.4: the device signature covers the SessionTranscript, built from a request.
  requestOnly: true,
  technicalClaims: new Set<string>(),
  detect: looksLikeMdoc,
  parse: parseMdoc,
  read: readMdoc,
  subjectClaims(claims) {
    const subject: Record<string, unknown> = {};
    for (const namespace of namespacesInOrder(claims)) {
      for (const [name, value] of Object.entries(elementsOf(claims, namespace))) {
        if (!hasOwn(subject, name)) setOwn(subject, name, value);
      }
    }
    return subject;
  },
  subjectPath(name, claims) {
    const namespace = namespacesInOrder(claims).find((ns) => hasOwn(elementsOf(claims, ns), name));
    if (namespace === undefined) throw new DataError(`This mdoc has no data element named ${JSON.stringify(name)}.`);
    return [namespace, name];
  },
  // OpenID4VP 1.0 B.2.4: [namespace, element, …]; labels are by element (ISO/IEC 18013-5 §7.2.1 names). A namespace is
  // a reverse domain name (§7.1, "org.iso.18013.5.1"): a path that does not start with one is not an mdoc's, and is
  // kept whole (the wallet asks every format to shorten a path, src/wallet/held/held-credentials.ts labelPath).
  labelPath: (path) => (path.length >= 2 && typeof path[0] === 'string' && path[0].includes('.') ? path.slice(1) : [...path]),
  holderJwk(raw) {
    // ISO/IEC 18013-5 §9.1.2.4: every mdoc is bound to deviceKeyInfo.deviceKey.
    return jwkFromCoseKey(mdocParts(raw).issuerSigned.mso.deviceKey, 'mdoc device key');
  },
  peekStatusUri(raw) {
    try {
      return mdocParts(raw).issuerSigned.mso.status()?.uri;
    } catch {
      return undefined;
    }
  },
  peekHolderProof(presentation) {
    // The DeviceAuthentication's nonce and client id are inside the SessionTranscript, which is
    // hashed, never sent (OpenID4VP 1.0 B.2.6.1): nothing to peek. What identifies the signed
    // content is the document and the device signature (s normalised against malleability).
    let parts;
    try {
      parts = mdocParts(presentation);
    } catch {
      return undefined;
    }
    const signature = parts.document?.deviceSigned.deviceSignature;
    if (!parts.document || !signature) return undefined;
    const signed = encodeCbor([parts.docType, parts.document.deviceSigned.nameSpacesBytes, parts.issuerSigned.issuerAuth.payload, normalisedSignature(signature.alg, signature.signature)]);
    return { signingInput: base64urlEncode(signed) };
  },
  present: presentMdoc,
};
