/**
 * Test-only PKI for verifier authentication (OpenID4VP 1.0 §5.9.3, HAIP 1.0), on WebCrypto keys,
 * @peculiar/x509 and jose (development dependencies only; Node and Chromium):
 * - `makeRegisterCa`: a register CA (the trust list's `verifier_register.anchors`), self-signed,
 *   basicConstraints CA, keyCertSign;
 * - `makeIntermediateCa`: a CA the register CA (or another intermediate) issued;
 * - `makeVerifierCertificate`: a verifier's leaf (P-256, O=<name>, organizationIdentifier
 *   2.5.4.97=<register id>, subjectAltName dNSName = the verifier's hosts);
 * - `makeVerifierPki`: the three things most tests need at once (CA, leaf, x5c);
 * - `signRequestObject`: a request object JWS (ES256, `typ` oauth-authz-req+jwt, `x5c` leaf first,
 *   RFC 9101 §4) signed with the leaf's key;
 * - `x509HashClientId`: `x509_hash:` + base64url SHA-256 of the leaf's DER (§5.9.3).
 * Every option a refusal test needs to get wrong (no CA flag, a CA without keyCertSign, a path
 * length, an unknown critical extension, dates) is there; V2's server and V3's share tests use it too.
 */
import '../../../src/server/reference/reflect-metadata-shim';
import * as x509 from '@peculiar/x509';
import { base64url, CompactSign } from 'jose';

/** @peculiar/x509, loaded after its Reflect shim: import it from here, not directly, so the shim comes first. */
export { x509 };

export const ORGANIZATION_IDENTIFIER_OID = '2.5.4.97';
const DAY_MS = 86_400_000;

/** A certificate and its keys (the private key usable for signing, non-extractable). */
export interface TestCa {
  certificate: x509.X509Certificate;
  der: Uint8Array;
  keys: CryptoKeyPair;
}

export interface CaOptions {
  /** Distinguished name; default 'CN=Test Register of Verifiers CA, O=Test Register, C=GB'. */
  name?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** basicConstraints pathLenConstraint; absent = none. */
  pathLength?: number;
  /** basicConstraints cA (default true): false makes an "issuer" that is not a CA. */
  ca?: boolean;
  /** keyUsage (default keyCertSign | cRLSign); null leaves the extension out. */
  keyUsage?: x509.KeyUsageFlags | null;
  /** Extra extensions (e.g. an unknown critical one). */
  extensions?: x509.Extension[];
}

export interface VerifierCertificateOptions {
  organizationIdentifier: string;
  /** O=… (default 'Test Verifier Ltd'). */
  organizationName?: string;
  /** subjectAltName dNSName entries (no extension when empty). */
  dnsNames: readonly string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Extra extensions. */
  extensions?: x509.Extension[];
  /** basicConstraints on the leaf (default: none). */
  ca?: boolean;
}

export type VerifierLeaf = TestCa;

const defaultNotBefore = (): Date => new Date(Date.now() - DAY_MS);
const defaultNotAfter = (): Date => new Date(Date.now() + 365 * DAY_MS);
const p256 = (): Promise<CryptoKeyPair> => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' };

function caExtensions(o: CaOptions): x509.Extension[] {
  const keyUsage = o.keyUsage === undefined ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : o.keyUsage;
  return [new x509.BasicConstraintsExtension(o.ca ?? true, o.pathLength, true), ...(keyUsage === null ? [] : [new x509.KeyUsagesExtension(keyUsage, true)]), ...(o.extensions ?? [])];
}

const wrap = (certificate: x509.X509Certificate, keys: CryptoKeyPair): TestCa => ({ certificate, der: new Uint8Array(certificate.rawData), keys });

/** A self-signed register CA. */
export async function makeRegisterCa(o: CaOptions = {}): Promise<TestCa> {
  const keys = await p256();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: o.name ?? 'CN=Test Register of Verifiers CA, O=Test Register, C=GB',
    keys,
    notBefore: o.notBefore ?? defaultNotBefore(),
    notAfter: o.notAfter ?? defaultNotAfter(),
    signingAlgorithm: SIGNING,
    extensions: [...caExtensions(o), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return wrap(certificate, keys);
}

/** A CA certificate issued by `issuer`. */
export async function makeIntermediateCa(issuer: TestCa, o: CaOptions = {}): Promise<TestCa> {
  const keys = await p256();
  const certificate = await x509.X509CertificateGenerator.create({
    subject: o.name ?? 'CN=Test Intermediate CA, O=Test Register, C=GB',
    issuer: issuer.certificate.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    notBefore: o.notBefore ?? defaultNotBefore(),
    notAfter: o.notAfter ?? defaultNotAfter(),
    signingAlgorithm: SIGNING,
    extensions: [...caExtensions(o), await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return wrap(certificate, keys);
}

/** A verifier's request-signing certificate issued by `issuer`. */
export async function makeVerifierCertificate(issuer: TestCa, o: VerifierCertificateOptions): Promise<VerifierLeaf> {
  const keys = await p256();
  const name = o.organizationName ?? 'Test Verifier Ltd';
  const certificate = await x509.X509CertificateGenerator.create({
    subject: new x509.Name([{ CN: [name] }, { O: [name] }, { [ORGANIZATION_IDENTIFIER_OID]: [o.organizationIdentifier] }, { C: ['GB'] }]).toString(),
    issuer: issuer.certificate.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    notBefore: o.notBefore ?? defaultNotBefore(),
    notAfter: o.notAfter ?? defaultNotAfter(),
    signingAlgorithm: SIGNING,
    extensions: [
      ...(o.ca === undefined ? [] : [new x509.BasicConstraintsExtension(o.ca, undefined, true)]),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(o.dnsNames.length ? [new x509.SubjectAlternativeNameExtension(o.dnsNames.map((value) => ({ type: 'dns' as const, value })))] : []),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(o.extensions ?? []),
    ],
  });
  return wrap(certificate, keys);
}

/** A register CA and a verifier certificate it issued; `x5c` is [leaf] (the anchor is not repeated). */
export async function makeVerifierPki(o: VerifierCertificateOptions & { registerCa?: CaOptions }): Promise<{ ca: TestCa; leaf: VerifierLeaf; x5c: Uint8Array[] }> {
  const { registerCa, ...leafOptions } = o;
  const ca = await makeRegisterCa(registerCa);
  const leaf = await makeVerifierCertificate(ca, leafOptions);
  return { ca, leaf, x5c: [leaf.der] };
}

/** Standard base64 (RFC 7515 §4.1.6: x5c values are base64, not base64url). */
export const base64Der = (der: Uint8Array): string => btoa(String.fromCharCode(...der));

/**
 * A signed request object (RFC 9101 §4; OpenID4VP 1.0 §5): ES256 with the signer's key, header
 * `typ` oauth-authz-req+jwt and `x5c` (leaf first). `header` adds or overrides header members.
 */
export async function signRequestObject(payload: Record<string, unknown>, signer: { keys: CryptoKeyPair }, x5c: readonly Uint8Array[], header: Record<string, unknown> = {}): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', typ: 'oauth-authz-req+jwt', x5c: x5c.map(base64Der), ...header })
    .sign(signer.keys.privateKey);
}

/** OpenID4VP 1.0 §5.9.3: `x509_hash:` + base64url(SHA-256(DER of the leaf)). */
export async function x509HashClientId(leafDer: Uint8Array): Promise<string> {
  return `x509_hash:${base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(leafDer))))}`;
}
