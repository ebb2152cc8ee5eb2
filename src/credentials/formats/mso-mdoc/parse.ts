/**
 * An mdoc as Satchel keeps and receives it: the stored credential is base64url (no padding) of the
 * IssuerSigned CBOR (OpenID4VCI 1.0 Appendix A.2), a presentation base64url of a DeviceResponse
 * with one document (OpenID4VP 1.0 Appendix B.2.6; ISO/IEC 18013-5 §8.3.2.1.2.2, also as an ISO
 * reader receives it over Bluetooth). Both parse to the
 * ParsedCredential the verify pipeline checks; the issuer is found by the certificate chain
 * (x5chain), so `issuerId` here is only a name until the pipeline replaces it.
 */
import { base64urlDecode } from '../../../lib/base64url';
import { DataError } from '../../../lib/errors';
import { setOwn } from '../../../lib/json-safe';
import { CheckError } from '../../check-error';
import { MAX_MDOC_CHARS } from '../../limits';
import type { HolderProofCheck, HolderProofExpectations, ParsedCredential, ReadCredential } from '../format';
import { decodeCbor } from './cbor';
import { claimValue } from './claims';
import { coseSign1VerifyItem, publicKeyFromCoseKey } from './cose';
import { deviceSignatureItem } from './device-auth';
import { parseDeviceResponse, type MdocDocument } from './device-response';
import { parseIssuerSigned, type IssuerSigned } from './issuer-signed';

/** What a stored credential or presentation holds: the issuer's part, and the device's when presented. */
export interface MdocParts {
  docType: string;
  issuerSigned: IssuerSigned;
  /** Present for a DeviceResponse. */
  document?: MdocDocument;
}

/** The issuerId given before the pipeline finds the issuer by its certificate chain. */
export const UNNAMED_MDOC_ISSUER = 'an mdoc issuer';

/** `raw` as CBOR bytes; throws DataError when too long or not base64url. */
export function mdocBytes(raw: string): Uint8Array {
  if (raw.length > MAX_MDOC_CHARS) throw new CheckError('format', `The mdoc is ${raw.length} characters long; Satchel accepts at most ${MAX_MDOC_CHARS}.`, 'too-large');
  const bytes = base64urlDecode(raw);
  if (!bytes) throw new DataError('The mdoc is not valid base64url (it may be cut short, padded or have spaces in it).');
  return bytes;
}

/**
 * Parses a stored IssuerSigned or a presented DeviceResponse (told apart by their members:
 * issuerAuth, or version/documents), checking every element against the MSO's digests.
 */
export function mdocParts(raw: string): MdocParts {
  const value = decodeCbor(mdocBytes(raw), 'mdoc');
  if (!(value instanceof Map)) throw new DataError('The mdoc is not a CBOR map.');
  if (value.has('issuerAuth')) {
    const issuerSigned = parseIssuerSigned(value);
    return { docType: issuerSigned.mso.docType, issuerSigned };
  }
  if (value.has('documents') || value.has('version')) {
    const document = parseDeviceResponse(value);
    return { docType: document.docType, issuerSigned: document.issuerSigned, document };
  }
  throw new DataError('The mdoc is neither issuer-signed data (no issuerAuth) nor a DeviceResponse (no documents).');
}

/** namespace → element → claim value (the shape a DCQL path [namespace, element] selects, OpenID4VP 1.0 B.2.4). */
export function mdocClaims(issuerSigned: IssuerSigned): Record<string, Record<string, unknown>> {
  const claims: Record<string, Record<string, unknown>> = {};
  for (const [namespace, items] of issuerSigned.nameSpaces) {
    const elements: Record<string, unknown> = {};
    for (const item of items) {
      setOwn(elements, item.elementIdentifier, claimValue(item.elementValue, `${namespace}/${item.elementIdentifier}`));
    }
    setOwn(claims, namespace, elements);
  }
  return claims;
}

/** A name for the issuer until its certificate chain names it: the issuing_authority element of the docType's own namespace (an mDL's org.iso.18013.5.1). */
function issuerName(claims: Record<string, Record<string, unknown>>, docType: string): string {
  for (const namespace of Object.keys(claims).filter((ns) => docType.startsWith(ns))) {
    const authority = claims[namespace]?.issuing_authority;
    if (typeof authority === 'string' && authority !== '') return authority;
  }
  return UNNAMED_MDOC_ISSUER;
}

/** Reads a stored mdoc's claims and type (the element digests are checked; the signature is not). */
export function readMdoc(raw: string): ReadCredential {
  const { docType, issuerSigned } = mdocParts(raw);
  return { type: docType, types: [docType], claims: mdocClaims(issuerSigned) };
}

/**
 * A presented document's holder proof, ISO/IEC 18013-5 §9.1.3 DeviceAuth with the MSO's
 * deviceKeyInfo.deviceKey: a device signature over this session, queued for the batch
 * (device-auth.ts); or a device MAC (§9.1.3.5, device-mac.ts), checked here with WebCrypto, which
 * needs the reader's ephemeral key from an ISO/IEC 18013-5 proximity session (handover
 * `iso-18013-5`): OpenID4VP and Satchel's in-person sharing have none, so there it is refused.
 * Throws CheckError('key-binding').
 */
function deviceAuthProof(document: MdocDocument): (expect: HolderProofExpectations) => HolderProofCheck {
  return (expect) => {
    const { deviceSignature, deviceMac, nameSpacesItem } = document.deviceSigned;
    const { docType } = document;
    const coseDeviceKey = document.issuerSigned.mso.deviceKey;
    if (deviceMac) {
      const { handover } = expect;
      if (handover?.kind !== 'iso-18013-5') {
        throw new CheckError('key-binding', 'The holder proved this mdoc with a device MAC, which only a proximity (ISO/IEC 18013-5 reader) session can check; Satchel checks device signatures.', 'not-checked');
      }
      // Loaded only when a proximity session's answer carries a MAC, so that the app's first screen does not grow (docs/architecture.md).
      return import('./device-mac').then(({ deviceMacMatches }) => deviceMacMatches({ docType, deviceNameSpacesBytes: nameSpacesItem, deviceMac }, coseDeviceKey, handover.readerPrivateKey, handover.sessionTranscriptBytes));
    }
    let deviceKey;
    try {
      deviceKey = publicKeyFromCoseKey(coseDeviceKey, 'device key the issuer bound this mdoc to');
    } catch (error) {
      if (error instanceof DataError) throw new CheckError('key-binding', error.message);
      throw error;
    }
    if (!deviceSignature) throw new CheckError('key-binding', 'The document has neither a device signature nor a device MAC.');
    return deviceSignatureItem({ docType, deviceNameSpacesBytes: nameSpacesItem, deviceSignature }, deviceKey, expect);
  };
}

export function parseMdoc(raw: string): ParsedCredential {
  const { docType, issuerSigned, document } = mdocParts(raw);
  const { issuerAuth, mso } = issuerSigned;
  // ISO/IEC 18013-5 §9.1.2.4: issuerAuth carries the Document Signer certificate (x5chain) the issuer is found by.
  if (!issuerAuth.x5chain) throw new DataError('The issuer signature carries no certificate (x5chain), so Satchel cannot tell who issued this mdoc.');
  const claims = mdocClaims(issuerSigned);
  return {
    format: 'mso_mdoc',
    claims,
    issuerId: issuerName(claims, docType),
    type: docType,
    types: [docType],
    window: mso.window,
    disclosures: [...issuerSigned.nameSpaces.values()].reduce((n, items) => n + items.length, 0),
    // RFC 9052 §4.4: the Sig_structure over the MSO payload (the tag-24 bytes as sent).
    issuerSignature: { header: { alg: issuerAuth.alg }, x5chain: issuerAuth.x5chain, item: (key) => coseSign1VerifyItem(issuerAuth, key, 'issuer signature') },
    ...(document ? { holderProof: deviceAuthProof(document) } : {}),
    statusReference: () => mso.status(),
  };
}
