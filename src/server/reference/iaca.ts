/**
 * A department's mdoc certificates (ISO/IEC 18013-5 Annex B.1): an IACA root (P-384, its
 * certificates signed ES384 = ecdsa-with-SHA384) and a Document Signer (P-256) it issues, which
 * signs each mdoc's MSO (ES256). Made with @peculiar/x509 on first start and kept with the other
 * reference keys in `<dataDir>/keys.json` (keys.ts), as `<id>-iaca` and `<id>-document-signer`
 * with the certificate (base64 DER) beside the private JWK. The trust list names the IACA for the
 * doctypes the department issues as mdocs (trust-operator.ts).
 *
 * Profile (Annex B.1.2 IACA, B.1.4 Document Signer), as Satchel's chain check reads it:
 * - IACA: self-issued, countryName and commonName, basicConstraints CA with pathLen 0 and keyUsage
 *   keyCertSign + cRLSign (both critical), subjectKeyIdentifier, issuerAlternativeName; 10 years
 *   (B.1.2 allows up to 20).
 * - Document Signer: issued by the IACA (issuer = IACA subject, authorityKeyIdentifier = IACA
 *   subjectKeyIdentifier), keyUsage digitalSignature and extKeyUsage 1.0.18013.5.1.2
 *   (id-mdl-kp-mdlDS, both critical), validity inside the IACA's and at most 457 days (B.1.4).
 *   A new one is made at start once the current one has under DS_ROTATE_BEFORE_DAYS left, so a
 *   licence issued today fits inside its signer's validity; mdocs signed earlier keep their own.
 * Simplification for a demo: no cRLDistributionPoints (the ports of a test run change between
 * starts, and Satchel does not fetch CRLs; revocation is the Token Status List's).
 */
import './reflect-metadata-shim';
import * as x509 from '@peculiar/x509';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

/** ISO/IEC 18013-5 Annex B.1.4: extKeyUsage of a Document Signer (id-mdl-kp-mdlDS). */
export const MDL_DS_EKU = '1.0.18013.5.1.2';
const DAY_MS = 24 * 3600 * 1000;
export const IACA_VALIDITY_DAYS = 10 * 365;
export const DS_VALIDITY_DAYS = 457;
/** Make a new Document Signer when the current one has fewer days left (a licence MSO lasts a year). */
export const DS_ROTATE_BEFORE_DAYS = 366;
/** Certificates start a little before now, for clocks slightly behind. */
const NOT_BEFORE_SLACK_MS = 5 * 60 * 1000;

const P384 = { name: 'ECDSA', namedCurve: 'P-384' } as const;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

x509.cryptoProvider.set(globalThis.crypto);

export interface MdocSigner {
  /** The IACA root certificate (DER), as the trust list carries it. */
  iacaCertificate: Uint8Array;
  /** The Document Signer certificate (DER), the x5chain of each mdoc. */
  documentSignerCertificate: Uint8Array;
  /** Until when the Document Signer certificate is valid: no mdoc it signs is valid longer. */
  documentSignerNotAfter: Date;
  /** ES256 with the Document Signer's key over `data`: the 64-byte r‖s (RFC 9053 §2.1). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

interface StoredCertifiedKey {
  kid: string;
  privateJwk: JsonWebKey;
  /** base64 DER. */
  certificate: string;
}

function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f; // RFC 5280 §4.1.2.2: a positive integer
  return Buffer.from(bytes).toString('hex');
}

async function exportPrivate(key: CryptoKey): Promise<JsonWebKey> {
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey('jwk', key);
  return { kty, crv, x, y, d };
}

function importPrivate(jwk: JsonWebKey, curve: typeof P256 | typeof P384): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, curve, false, ['sign']);
}

async function createIaca(name: string, now: Date): Promise<StoredCertifiedKey> {
  const keys = (await crypto.subtle.generateKey(P384, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `C=GB, O=${name} (Satchel demo), CN=${name} IACA (Satchel demo)`,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SLACK_MS),
    notAfter: new Date(now.getTime() + IACA_VALIDITY_DAYS * DAY_MS),
    // Annex B.1.2: the IACA signs with ecdsa-with-SHA384 on P-384.
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.IssuerAlternativeNameExtension([{ type: 'url', value: 'https://satchel.example/reference-issuers' }]),
    ],
  });
  return { kid: 'iaca', privateJwk: await exportPrivate(keys.privateKey), certificate: Buffer.from(certificate.rawData).toString('base64') };
}

async function createDocumentSigner(name: string, iaca: StoredCertifiedKey, now: Date): Promise<StoredCertifiedKey> {
  const iacaCert = new x509.X509Certificate(Buffer.from(iaca.certificate, 'base64'));
  const keys = (await crypto.subtle.generateKey(P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = Math.min(now.getTime() + DS_VALIDITY_DAYS * DAY_MS, iacaCert.notAfter.getTime());
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `C=GB, O=${name} (Satchel demo), CN=${name} Document Signer (Satchel demo)`,
    issuer: iacaCert.subject,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SLACK_MS),
    notAfter: new Date(notAfter),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' },
    publicKey: keys.publicKey,
    signingKey: await importPrivate(iaca.privateJwk, P384),
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(await iacaCert.publicKey.export(P384, ['verify'])),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([MDL_DS_EKU], true),
      new x509.IssuerAlternativeNameExtension([{ type: 'url', value: 'https://satchel.example/reference-issuers' }]),
    ],
  });
  return { kid: 'document-signer', privateJwk: await exportPrivate(keys.privateKey), certificate: Buffer.from(certificate.rawData).toString('base64') };
}

/**
 * The department's IACA and current Document Signer, made (and saved) when missing, the signer
 * renewed when it is about to run out or was not issued by the stored IACA.
 */
export async function loadOrCreateMdocSigner(dataDir: string, departmentId: string, departmentName: string, now: Date = new Date()): Promise<MdocSigner> {
  const path = join(dataDir, 'keys.json');
  const stored = readJsonFile<Record<string, unknown>>(path) ?? {};
  const iacaName = `${departmentId}-iaca`;
  const dsName = `${departmentId}-document-signer`;
  let changed = false;
  let iaca = stored[iacaName] as StoredCertifiedKey | undefined;
  if (!iaca) {
    iaca = await createIaca(departmentName, now);
    stored[iacaName] = iaca;
    changed = true;
  }
  let ds = stored[dsName] as StoredCertifiedKey | undefined;
  const dsCert = ds ? new x509.X509Certificate(Buffer.from(ds.certificate, 'base64')) : undefined;
  const iacaCert = new x509.X509Certificate(Buffer.from(iaca.certificate, 'base64'));
  const stale = !dsCert || dsCert.issuer !== iacaCert.subject || dsCert.notAfter.getTime() - now.getTime() < DS_ROTATE_BEFORE_DAYS * DAY_MS;
  if (stale) {
    ds = await createDocumentSigner(departmentName, iaca, now);
    stored[dsName] = ds;
    changed = true;
  }
  if (changed) writeJsonFile(path, stored);
  const signingKey = await importPrivate(ds!.privateJwk, P256);
  const documentSignerCertificate = new Uint8Array(Buffer.from(ds!.certificate, 'base64'));
  return {
    iacaCertificate: new Uint8Array(Buffer.from(iaca.certificate, 'base64')),
    documentSignerCertificate,
    documentSignerNotAfter: new x509.X509Certificate(documentSignerCertificate).notAfter,
    // WebCrypto's ECDSA signature is already r‖s (IEEE P1363), the COSE form.
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signingKey, data as Uint8Array<ArrayBuffer>)),
  };
}
