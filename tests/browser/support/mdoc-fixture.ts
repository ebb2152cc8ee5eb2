/**
 * A driving licence as an ISO mdoc (ISO/IEC 18013-5), issued here by the independent @owf/mdoc
 * (IssuerSignedBuilder) with WebCrypto keys and @peculiar/x509 certificates, the way the reference
 * DVLA issues it: an IACA root on P-384 (ES384 certificate signature) over a Document Signer on
 * P-256 (ES256 over the MSO), holder-bound to a non-extractable WebCrypto P-256 device key.
 *
 * `issueMdocLicence()` gives the stored form (base64url IssuerSigned, OpenID4VCI 1.0 Appendix A.2),
 * the trust list entry naming the IACA for the doctype (the common design's `iaca`), and the holder
 * key. Runs in Chromium and in Node (globalThis.crypto).
 */
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm } from '@owf/mdoc';
import { makeMdocPki, webCryptoIssuingContext } from '../../shared/credentials/mdoc-pki';

export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';
export const MDOC_DVLA = 'https://dvla.example.gov.uk';
export const MDOC_DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };

/** The smallest JPEG header a portrait check reads (JPEG SOI + APP0 marker): ISO/IEC 10918-1 B.1.1.3. */
export const JPEG_MAGIC = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0);

/** A real 48×60 JPEG portrait (a grey silhouette, drawn once with Chromium's canvas.toDataURL('image/jpeg')). */
export const TINY_JPEG = base64Decode(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAA8ADADASIAAhEBAxEB/8QAGgAAAwEBAQEAAAAAAAAAAAAAAAUGAQQDB//EACoQAAICAQIEBQUBAQAAAAAAAAECAAMEBREGIUFREhMxcbFCUmGBwSMz/8QAFgEBAQEAAAAAAAAAAAAAAAAAAQAC/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AvIQmMyopZiAqjck9BNsNhJnN4qK2lcKlWUfXZvz/AFDC4q8VoTNpVVP1178v1EKaExWV1DKQVYbgjqJsCIn4querSCqHbzLAje3M/wAjicmqYQ1DAsx99mPNT2I9JB89hPTIotxrmqvQo6+oMMei3JuWqhC7t6ARSx4Wue3SArnfy7Cg9uR/scTk0vCGBgV4+4LDmxHUn1nXAiEIq1TXcbTyalHnX/ap5L7mSMraKbhtdUlg7OoMKqKaRtTUlY7IoEjbeJdSsbdHrqHZUB+d4VcS6lW27vXaOzIB8bRC1hFWl67jagRUw8m/7SeTexjWBLtdzzgac1iH/Vz4E/B7yEZizFmJJJ3JPWU/GRPgxF6EufiS8QIQhJNVirBlJBB3BHSXmh551DTlsf8A6ofA/wCSOsgpUcGk+DLXoCh+ZJ//2Q==',
);

export interface MdocLicenceOptions {
  /** Data elements to issue in org.iso.18013.5.1, replacing the defaults (LICENCE_ELEMENTS). */
  elements?: Record<string, unknown>;
  /** MSO validityInfo (ISO/IEC 18013-5 §9.1.2.4). */
  validFrom?: Date;
  validUntil?: Date;
  signed?: Date;
  /** The doctypes the IACA is listed for in the trust entry (default: the mDL). */
  iacaDoctypes?: string[];
}

export interface MdocLicence {
  /** The credential as stored and sent by OpenID4VCI 1.0 Appendix A.2: base64url IssuerSigned. */
  raw: string;
  /** The holder's device key: private non-extractable, the public one as a JWK. */
  holder: { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JsonWebKey };
  /** The IACA root (P-384) and Document Signer (P-256) certificates, DER. */
  iacaDer: Uint8Array;
  documentSignerDer: Uint8Array;
  /** The trust list's issuer entry as the signed JSON carries it (`iaca` certificates in base64 DER, as in x5c). */
  trustEntry: { id: string; name: { en: string; cy: string }; keys: []; types: string[]; iaca: { certificate: string; doctypes: string[] }[] };
  /** The same IACA as TrustedIssuer.iaca holds it (DER bytes). */
  iaca: { certificate: Uint8Array; doctypes: string[] }[];
}

/** The elements the reference DVLA issues (the common design), values as @owf/mdoc encodes them (DateOnly: tag 1004 full-date). */
export function licenceElements(portrait: Uint8Array = TINY_JPEG): Record<string, unknown> {
  return {
    family_name: 'Jones',
    given_name: 'Ava',
    birth_date: new DateOnly('1990-03-25'),
    issue_date: new DateOnly('2024-09-02'),
    expiry_date: new DateOnly('2034-09-01'),
    issuing_country: 'GB',
    issuing_authority: 'DVLA',
    document_number: 'JONES903250A99ZZ',
    portrait,
    // ISO/IEC 18013-5 §7.2.4: a category with its dates and codes (code, sign, value).
    driving_privileges: [
      { vehicle_category_code: 'B', issue_date: new DateOnly('2008-06-01'), expiry_date: new DateOnly('2034-09-01') },
      { vehicle_category_code: 'AM', issue_date: new DateOnly('2006-03-25'), expiry_date: new DateOnly('2034-09-01'), codes: [{ code: '78' }, { code: '01', sign: '=', value: '06' }] },
    ],
    age_over_18: true,
    age_over_21: true,
  };
}

const P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

function base64Decode(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** A driving licence mdoc issued by @owf/mdoc, with its trust list entry and holder key. */
export async function issueMdocLicence(options: MdocLicenceOptions = {}): Promise<MdocLicence> {
  const signed = options.signed ?? new Date('2026-01-01T00:00:00Z');
  const validFrom = options.validFrom ?? signed;
  const validUntil = options.validUntil ?? new Date('2031-01-01T00:00:00Z');
  const { iaca, documentSigner: ds, documentSignerKeys: dsKeys } = await makeMdocPki({
    iacaName: 'C=GB, CN=Test DVLA IACA',
    documentSignerName: 'C=GB, CN=Test DVLA Document Signer',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    issuerUrl: MDOC_DVLA,
  });
  const holderKeys = await crypto.subtle.generateKey(P256, false, ['sign', 'verify']);
  const holderJwk = await crypto.subtle.exportKey('jwk', holderKeys.publicKey);
  const jwk = { kty: 'EC', crv: 'P-256', x: holderJwk.x!, y: holderJwk.y! };
  const dsJwk = await crypto.subtle.exportKey('jwk', dsKeys.publicKey);
  const issuerSigned = await new IssuerSignedBuilder(MDL_DOCTYPE, webCryptoIssuingContext(dsKeys.privateKey))
    .addIssuerNamespace(MDL_NAMESPACE, options.elements ?? licenceElements())
    .sign({
      // The builder reads the algorithm from the key; the signing itself is the context's WebCrypto key.
      signingKey: CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: dsJwk.x!, y: dsJwk.y! }),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed, validFrom, validUntil },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk(jwk) },
      certificates: [new Uint8Array(ds.rawData)],
    });
  const iacaDer = new Uint8Array(iaca.rawData);
  const doctypes = options.iacaDoctypes ?? [MDL_DOCTYPE];
  return {
    raw: issuerSigned.encodedForOid4Vci,
    holder: { privateKey: holderKeys.privateKey, publicKey: holderKeys.publicKey, jwk },
    iacaDer,
    documentSignerDer: new Uint8Array(ds.rawData),
    trustEntry: { id: MDOC_DVLA, name: { ...MDOC_DVLA_NAME }, keys: [], types: [MDL_DOCTYPE], iaca: [{ certificate: base64Encode(iacaDer), doctypes }] },
    iaca: [{ certificate: iacaDer, doctypes }],
  };
}
