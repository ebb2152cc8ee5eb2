/**
 * Reading the signed trust list's `verifier_register` (docs/credentials.md, "The verifier
 * register"): the register CA certificates a verifier's signed request must chain to (OpenID4VP
 * 1.0 §5.9.3 x509_san_dns / x509_hash; RFC 5280 §6) and one entry per approved verifier, matched
 * to its leaf certificate by the subject's organizationIdentifier. Bad data is a DataError naming
 * the field; the certificates themselves are read only when a signed request is checked.
 */
import { DataError } from '../lib/errors';
import { isJsonObject, type JsonValue } from '../lib/json-safe';
import { base64Decode, isClaimsPath, type IssuerName, type PermittedRequest, type RegisteredVerifier, type VerifierRegister } from './trust-list';

function bad(message: string): never {
  throw new DataError(message);
}

function text(v: JsonValue | undefined, what: string): string {
  if (typeof v !== 'string' || v === '') bad(`${what} must be a non-empty string`);
  return v;
}

/** A name or registration in English and Welsh: both are shown, so both are required. */
function bilingual(v: JsonValue | undefined, what: string, noun: string): IssuerName {
  if (!isJsonObject(v)) bad(`${what} has no ${noun} object { en, cy }`);
  return { en: text(v.en, `${what} English ${noun}`), cy: text(v.cy, `${what} Welsh ${noun}`) };
}

function permittedEntry(v: JsonValue, i: number, owner: string): PermittedRequest {
  const what = `${owner} permitted ${i + 1}`;
  if (!isJsonObject(v)) bad(`${what} is not an object`);
  const { types, claims } = v;
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string' && t !== '')) bad(`${what} types must be a non-empty list of strings`);
  if (!Array.isArray(claims) || claims.length === 0) bad(`${what} claims must be a non-empty list of claim paths`);
  claims.forEach((path, j) => {
    if (!isClaimsPath(path)) bad(`${what} claim ${j + 1} must be a non-empty claims path (strings, array indices, null)`);
  });
  return { types: types as string[], claims: claims as (string | number | null)[][] };
}

function verifierEntry(v: JsonValue, i: number): RegisteredVerifier {
  const numbered = `Registered verifier ${i + 1}`;
  if (!isJsonObject(v)) bad(`${numbered} is not an object`);
  const id = text(v.id, `${numbered} id`);
  const what = `${numbered} (${id})`;
  const name = bilingual(v.name, what, 'name');
  const registration = bilingual(v.registration, what, 'registration');
  if (!Array.isArray(v.permitted) || v.permitted.length === 0) bad(`${what} permitted must be a non-empty list of { types, claims }`);
  return { id, name, registration, permitted: v.permitted.map((p, j) => permittedEntry(p, j, what)) };
}

/** The register as the trust list's `verifier_register` member carries it. */
export function parseVerifierRegister(v: JsonValue): VerifierRegister {
  if (!isJsonObject(v)) bad('The trust list verifier_register must be an object { anchors, verifiers }');
  if (!Array.isArray(v.anchors) || v.anchors.length === 0) bad('The verifier register anchors must be a non-empty list of certificates');
  const anchors = v.anchors.map((a, i) => {
    // Base64 DER, as x5c carries certificates (RFC 7515 §4.1.6).
    const der = typeof a === 'string' ? base64Decode(a) : undefined;
    if (!der || der.length === 0) bad(`The verifier register anchor ${i + 1} must be a DER certificate in base64`);
    return der;
  });
  if (!Array.isArray(v.verifiers)) bad('The verifier register verifiers must be a list');
  const verifiers = v.verifiers.map(verifierEntry);
  const ids = new Set<string>();
  for (const verifier of verifiers) {
    // The organizationIdentifier picks one entry; two entries with one id would make the name ambiguous.
    if (ids.has(verifier.id)) bad(`The verifier register names ${verifier.id} twice`);
    ids.add(verifier.id);
  }
  return { anchors, verifiers };
}
