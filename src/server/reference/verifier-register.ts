/**
 * The reference register's certificates (OpenID4VP 1.0 §5.9.3 x509_san_dns / x509_hash; HAIP 1.0;
 * RFC 5280): a register CA, whose certificate the trust list names as the register's anchor, and
 * for each registered verifier (registered-verifiers.ts) a request-signing certificate the CA
 * issued. Made with @peculiar/x509 on first start and kept in `<dataDir>/verifier-register.json`
 * (private JWKs beside the base64 DER certificates; demo keys, unencrypted in a git-ignored folder).
 *
 * Profile, as Satchel's chain check reads it (src/credentials/x509/):
 * - register CA: P-256, self-signed ES256, basicConstraints cA with pathLen 0 and keyUsage
 *   keyCertSign + cRLSign (both critical), subjectKeyIdentifier; 10 years.
 * - verifier: P-256, issued by the CA (authorityKeyIdentifier = its subjectKeyIdentifier), subject
 *   C=GB, O=<registered name>, organizationIdentifier (2.5.4.97) = <register id>, CN=<name>;
 *   subjectAltName dNSName `localhost` (the host of its pages and response_uri); keyUsage
 *   digitalSignature (critical); one year, renewed at start when under a month is left, when the
 *   stored CA did not issue it, or when its name or identifier no longer match the register.
 * No cRLDistributionPoints: Satchel does not fetch CRLs; removing an entry from the register
 * (and so from the trust list) is how a verifier is struck off.
 */
import './reflect-metadata-shim';
import * as x509 from '@peculiar/x509';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';
import { REGISTERED_VERIFIERS, type RegisterEntry } from './registered-verifiers';

export const VERIFIER_REGISTER_FILE = 'verifier-register.json';
export const REGISTER_CA_NAME = 'Satchel reference verifier register CA';
/** The host every reference verifier serves from (its certificate's dNSName, its client id under x509_san_dns). */
export const VERIFIER_HOST = 'localhost';
/** X.520 organizationIdentifier (ETSI EN 319 412-1 §5.1.4). */
const ORGANIZATION_IDENTIFIER = '2.5.4.97';
const DAY_MS = 24 * 3600 * 1000;
export const REGISTER_CA_VALIDITY_DAYS = 10 * 365;
export const VERIFIER_CERTIFICATE_VALIDITY_DAYS = 365;
export const VERIFIER_RENEW_BEFORE_DAYS = 30;
/** Certificates start a little before now, for clocks slightly behind. */
const NOT_BEFORE_SLACK_MS = 5 * 60 * 1000;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

x509.cryptoProvider.set(globalThis.crypto);

/** What a reference verifier signs its request objects with. */
export interface VerifierSigner {
  /** Base64-decoded x5c (RFC 7515 §4.1.6): the verifier's certificate first, then the register CA. */
  x5c: readonly Uint8Array<ArrayBuffer>[];
  /** The certificate's private key, ES256, not extractable. */
  privateKey: CryptoKey;
}

export interface ReferenceVerifierRegister {
  /** The register CA certificate (DER): the trust list's `verifier_register.anchors`. */
  caCertificate: Uint8Array<ArrayBuffer>;
  /** The entries the trust list publishes. */
  entries: readonly RegisterEntry[];
  /** Each registered verifier's signer, by register id. */
  signers: Readonly<Record<string, VerifierSigner>>;
}

interface StoredCertifiedKey {
  privateJwk: JsonWebKey;
  /** base64 DER. */
  certificate: string;
}

interface StoredRegister {
  ca?: StoredCertifiedKey;
  verifiers?: Record<string, StoredCertifiedKey>;
}

function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f; // RFC 5280 §4.1.2.2: a positive integer
  return Buffer.from(bytes).toString('hex');
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(P256, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function stored(certificate: x509.X509Certificate, keys: CryptoKeyPair): Promise<StoredCertifiedKey> {
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey('jwk', keys.privateKey);
  return { privateJwk: { kty, crv, x, y, d }, certificate: Buffer.from(certificate.rawData).toString('base64') };
}

const importSigningKey = (jwk: JsonWebKey): Promise<CryptoKey> => crypto.subtle.importKey('jwk', jwk, P256, false, ['sign']);
const certificateOf = (entry: StoredCertifiedKey): x509.X509Certificate => new x509.X509Certificate(Buffer.from(entry.certificate, 'base64'));

async function createCa(now: Date): Promise<StoredCertifiedKey> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `C=GB, O=Satchel reference register (demo), CN=${REGISTER_CA_NAME}`,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SLACK_MS),
    notAfter: new Date(now.getTime() + REGISTER_CA_VALIDITY_DAYS * DAY_MS),
    signingAlgorithm: ES256,
    keys,
    extensions: [
      // RFC 5280 §4.2.1.9: a CA that issues only end-entity certificates (pathLen 0).
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return stored(certificate, keys);
}

function subjectOf(entry: RegisterEntry): x509.Name {
  return new x509.Name([{ C: ['GB'] }, { O: [entry.name.en] }, { [ORGANIZATION_IDENTIFIER]: [entry.id] }, { CN: [entry.name.en] }]);
}

async function createVerifierCertificate(entry: RegisterEntry, ca: StoredCertifiedKey, now: Date): Promise<StoredCertifiedKey> {
  const caCertificate = certificateOf(ca);
  const keys = await newKeys();
  const notAfter = Math.min(now.getTime() + VERIFIER_CERTIFICATE_VALIDITY_DAYS * DAY_MS, caCertificate.notAfter.getTime());
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: subjectOf(entry),
    issuer: caCertificate.subject,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SLACK_MS),
    notAfter: new Date(notAfter),
    signingAlgorithm: ES256,
    publicKey: keys.publicKey,
    signingKey: await importSigningKey(ca.privateJwk),
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      // OpenID4VP 1.0 §5.9.3: x509_san_dns names a dNSName of this extension; HAIP: the response_uri's host must be one too.
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: VERIFIER_HOST }]),
      await x509.AuthorityKeyIdentifierExtension.create(await caCertificate.publicKey.export(P256, ['verify'])),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return stored(certificate, keys);
}

async function needsNewCertificate(entry: RegisterEntry, current: StoredCertifiedKey | undefined, ca: x509.X509Certificate, now: Date): Promise<boolean> {
  if (!current) return true;
  const certificate = certificateOf(current);
  if (
    certificate.notAfter.getTime() - now.getTime() < VERIFIER_RENEW_BEFORE_DAYS * DAY_MS ||
    certificate.subjectName.getField(ORGANIZATION_IDENTIFIER)[0] !== entry.id ||
    certificate.subjectName.getField('O')[0] !== entry.name.en
  ) {
    return true;
  }
  // Issued by this CA: its signature, not the issuer's name (another register's CA may share the name).
  return !(await certificate.verify({ publicKey: ca.publicKey, signatureOnly: true }));
}

/** The register CA and every registered verifier's certificate, made (and saved) when missing or due. */
export async function loadOrCreateVerifierRegister(dataDir: string, now: Date = new Date()): Promise<ReferenceVerifierRegister> {
  const path = join(dataDir, VERIFIER_REGISTER_FILE);
  const store: StoredRegister = readJsonFile<StoredRegister>(path) ?? {};
  let changed = false;
  if (!store.ca) {
    store.ca = await createCa(now);
    changed = true;
  }
  const ca = store.ca;
  const caCertificate = certificateOf(ca);
  const verifiers = { ...(store.verifiers ?? {}) };
  for (const entry of REGISTERED_VERIFIERS) {
    if (!(await needsNewCertificate(entry, verifiers[entry.id], caCertificate, now))) continue;
    verifiers[entry.id] = await createVerifierCertificate(entry, ca, now);
    changed = true;
  }
  store.verifiers = verifiers;
  if (changed) writeJsonFile(path, store);
  const caDer = new Uint8Array(caCertificate.rawData);
  const signers: Record<string, VerifierSigner> = {};
  for (const entry of REGISTERED_VERIFIERS) {
    const own = verifiers[entry.id]!;
    signers[entry.id] = { x5c: [new Uint8Array(Buffer.from(own.certificate, 'base64')), caDer], privateKey: await importSigningKey(own.privateJwk) };
  }
  return { caCertificate: caDer, entries: REGISTERED_VERIFIERS, signers };
}
