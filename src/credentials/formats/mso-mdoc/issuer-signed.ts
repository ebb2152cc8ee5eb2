/**
 * IssuerSigned (ISO/IEC 18013-5 §8.3.2.1.2.2): the data elements the holder received or discloses,
 * each an IssuerSignedItemBytes = #6.24(bstr .cbor IssuerSignedItem), and issuerAuth, the issuer's
 * COSE_Sign1 over the MSO. Every element must be covered by the MSO: its digest (§9.1.2.5, over
 * the tag-24 item as sent) must equal valueDigests[namespace][digestID] (§9.1.2.4).
 */
import { DataError } from '../../../lib/errors';
import { CheckError } from '../../check-error';
import { bytesEqual } from '../../../lib/bytes';
import { decodeCbor, EmbeddedCbor } from './cbor';
import { parseCoseSign1, type CoseSign1 } from './cose';
import { parseMso, type MobileSecurityObject } from './mso';

/** §8.3.2.1.2.2 IssuerSignedItem, with the tag-24 item it came in. */
export interface IssuerSignedItem {
  digestID: number;
  random: Uint8Array;
  elementIdentifier: string;
  /** The value as decoded CBOR (claims.ts turns it into a claim value). */
  elementValue: unknown;
  /** The IssuerSignedItemBytes as sent: what the value digest covers. */
  itemBytes: EmbeddedCbor;
}

export interface IssuerSigned {
  /** namespace → its elements, in the order sent. */
  nameSpaces: Map<string, IssuerSignedItem[]>;
  issuerAuth: CoseSign1;
  mso: MobileSecurityObject;
}

/** §9.1.2.5: random is at least 16 bytes, so a digest cannot be reversed by guessing the value. */
const MIN_RANDOM_BYTES = 16;

function issuerSignedItem(value: unknown, namespace: string, index: number): IssuerSignedItem {
  const where = `element ${index + 1} of namespace ${namespace}`;
  if (!(value instanceof EmbeddedCbor)) throw new DataError(`The ${where} is not embedded CBOR (tag 24 around a byte string).`);
  const item = decodeCbor(value.bytes, where);
  if (!(item instanceof Map)) throw new DataError(`The ${where} is not a map.`);
  const digestID = item.get('digestID');
  const random = item.get('random');
  const elementIdentifier = item.get('elementIdentifier');
  if (typeof digestID !== 'number' || !Number.isSafeInteger(digestID) || digestID < 0) throw new DataError(`The ${where} has no digestID (a whole number).`);
  if (!(random instanceof Uint8Array)) throw new DataError(`The ${where} has no random (a byte string).`);
  if (random.length < MIN_RANDOM_BYTES) throw new DataError(`The ${where} has a random of ${random.length} bytes; at least ${MIN_RANDOM_BYTES} are required.`);
  if (typeof elementIdentifier !== 'string' || elementIdentifier === '') throw new DataError(`The ${where} has no elementIdentifier (text).`);
  if (!item.has('elementValue')) throw new DataError(`The element ${namespace}/${elementIdentifier} has no elementValue.`);
  return { digestID, random, elementIdentifier, elementValue: item.get('elementValue'), itemBytes: value };
}

/** §8.3.2.1.2.2 IssuerNameSpaces = { + NameSpace => [+ IssuerSignedItemBytes] }; absent means nothing disclosed. */
function nameSpacesOf(value: unknown): Map<string, IssuerSignedItem[]> {
  const out = new Map<string, IssuerSignedItem[]>();
  if (value === undefined) return out;
  if (!(value instanceof Map)) throw new DataError('The issuer-signed nameSpaces is not a map.');
  for (const [namespace, items] of value) {
    if (typeof namespace !== 'string' || namespace === '') throw new DataError('The issuer-signed nameSpaces has a namespace that is not text.');
    if (!Array.isArray(items) || items.length === 0) throw new DataError(`The namespace ${namespace} is not a non-empty list of elements.`);
    const parsed = items.map((item, i) => issuerSignedItem(item, namespace, i));
    const names = new Set<string>();
    const ids = new Set<number>();
    for (const item of parsed) {
      // Two values for one element, or two elements claiming one digest, would let a reader pick either.
      if (names.has(item.elementIdentifier)) throw new DataError(`The element ${namespace}/${item.elementIdentifier} appears twice.`);
      if (ids.has(item.digestID)) throw new DataError(`Two elements of namespace ${namespace} claim digest ${item.digestID}.`);
      names.add(item.elementIdentifier);
      ids.add(item.digestID);
    }
    out.set(namespace, parsed);
  }
  return out;
}

/**
 * §9.3.1 step "validate the digests": each element's digest equals the MSO's; an element the MSO
 * does not cover is refused. Throws CheckError('disclosures', …, 'altered').
 */
export function checkValueDigests(issuerSigned: IssuerSigned): void {
  const { mso } = issuerSigned;
  for (const [namespace, items] of issuerSigned.nameSpaces) {
    const digests = mso.valueDigests.get(namespace);
    for (const item of items) {
      const name = `${namespace}/${item.elementIdentifier}`;
      const expected = digests?.get(item.digestID);
      if (!expected) throw new CheckError('disclosures', `The element ${name} is not covered by the issuer's signature (no digest ${item.digestID} in the MSO). Do not rely on this credential.`, 'altered');
      if (!bytesEqual(mso.digest(item.itemBytes.encoded), expected)) {
        throw new CheckError('disclosures', `The element ${name} does not match the issuer's digest: it was altered after issue. Do not rely on this credential.`, 'altered');
      }
    }
  }
}

/** The docType a document says it is must be the MSO's (§9.3.1); throws CheckError('format'). */
export function checkDocType(docType: string, mso: MobileSecurityObject): void {
  if (docType !== mso.docType) throw new CheckError('format', `The document says it is a ${docType}, but the issuer signed a ${mso.docType}.`);
}

/**
 * Parses an IssuerSigned (decoded CBOR) and checks every element against the MSO's digests.
 * Throws DataError for damage, CheckError('disclosures') for an element the issuer did not sign.
 */
export function parseIssuerSigned(value: unknown, what = 'issuer-signed data'): IssuerSigned {
  if (!(value instanceof Map)) throw new DataError(`The ${what} is not a map.`);
  if (!value.has('issuerAuth')) throw new DataError(`The ${what} has no issuer signature (issuerAuth).`);
  const issuerAuth = parseCoseSign1(value.get('issuerAuth'), 'issuer signature (issuerAuth)');
  const issuerSigned = { nameSpaces: nameSpacesOf(value.get('nameSpaces')), issuerAuth, mso: parseMso(issuerAuth) };
  checkValueDigests(issuerSigned);
  return issuerSigned;
}
