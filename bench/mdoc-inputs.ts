/**
 * Inputs for the mdoc benchmark (bench/mdoc.bench.ts), built in Chromium by the independent
 * @owf/mdoc 0.6.0 and @peculiar/x509 — none of Satchel's own mdoc code:
 * - ISSUERS issuers, each an IACA root (ISO/IEC 18013-5 Annex B.1.2) and a Document Signer
 *   (B.1.4) it certifies, both P-256 (ES256 certificate signatures, ES256 over the MSO);
 * - RESPONSES holders, each with its own P-256 device key and an mDL from one of the issuers;
 * - each holder's DeviceResponse (one document, DISCLOSED elements) with a device signature over
 *   the OpenID4VP 1.0 Appendix B.2.6.1 SessionTranscript of one request (same client_id, nonce,
 *   response_uri and encryption key thumbprint for all: one verifier's request, answered 1000 times).
 */
import '../src/server/reference/reflect-metadata-shim';
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DateOnly, DeviceKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSignedBuilder, ItemsRequest, SessionTranscript, SignatureAlgorithm, type MdocContext } from '@owf/mdoc';
import * as x509 from '@peculiar/x509';
import { base64urlEncode } from '../src/lib/base64url';

export const ISSUERS = 10;
export const RESPONSES = 1000;
export const MDL = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';
export const DISCLOSED = ['family_name', 'given_name', 'birth_date', 'age_over_18'] as const;
/** Within every MSO's validity and every certificate's. */
export const NOW = new Date('2026-06-01T12:00:00Z');
export const REQUEST = {
  clientId: 'x509_san_dns:checker.example.gov.uk',
  nonce: 'bench-nonce-5b0c8e1f',
  responseUri: 'https://checker.example.gov.uk/response',
  /** The RFC 7638 thumbprint of the verifier's response encryption key (any 32 bytes for the transcript). */
  jwkThumbprint: Uint8Array.from({ length: 32 }, (_, i) => (i * 29) & 0xff),
};

const P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ES256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export interface MdocBenchIssuer {
  id: string;
  iacaDer: Uint8Array;
}

export interface MdocBenchInputs {
  issuers: MdocBenchIssuer[];
  /** base64url DeviceResponses (OpenID4VP 1.0 B.2.6.1's vp_token value), RESPONSES of them. */
  presentations: string[];
}

/** @owf/mdoc's context for building: WebCrypto digests and Document Signer keys, noble device keys (it needs their raw d). */
function buildingContext(documentSigner?: CryptoKey): MdocContext {
  const unused = () => {
    throw new Error('not used while building the inputs');
  };
  return {
    crypto: {
      random: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
      digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)),
      calculateEphemeralMacKey: unused,
    },
    cose: {
      sign1: {
        // RFC 9053 §2.1: ES256 is r‖s. The MSO is signed by the DS's WebCrypto key, DeviceAuth by the holder's raw key.
        sign: async ({ toBeSigned, key }: { toBeSigned: Uint8Array; key: CoseKey }) => documentSigner
          ? new Uint8Array(await crypto.subtle.sign(ES256, documentSigner, toBeSigned as BufferSource))
          : p256.sign(toBeSigned, key.privateKey, { format: 'compact' }),
        verify: unused,
      },
      mac0: { sign: unused, verify: unused },
    },
    x509: { getIssuerNameField: unused, getPublicKey: unused, verifyCertificateChain: unused, getCertificateData: unused },
  } as unknown as MdocContext;
}

async function makeIssuer(i: number): Promise<{ id: string; iacaDer: Uint8Array; dsDer: Uint8Array; dsKeys: CryptoKeyPair }> {
  const iacaKeys = await crypto.subtle.generateKey(P256, false, ['sign', 'verify']);
  const dsKeys = await crypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  const notBefore = new Date('2025-01-01T00:00:00Z');
  const notAfter = new Date('2035-01-01T00:00:00Z');
  const id = `https://issuer-${i}.example.gov.uk`;
  const iaca = await x509.X509CertificateGenerator.createSelfSigned({
    name: `C=GB, CN=Bench IACA ${i}`,
    keys: iacaKeys,
    notBefore,
    notAfter,
    signingAlgorithm: ES256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(iacaKeys.publicKey),
      new x509.IssuerAlternativeNameExtension([{ type: 'url', value: id }]),
      new x509.CRLDistributionPointsExtension([`${id}/iaca.crl`]),
    ],
  });
  const ds = await x509.X509CertificateGenerator.create({
    subject: `C=GB, CN=Bench Document Signer ${i}`,
    issuer: iaca.subject,
    publicKey: dsKeys.publicKey,
    signingKey: iacaKeys.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm: ES256,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(['1.0.18013.5.1.2'], true), // id-mdl-kp-mdlDS, Annex B.1.4
      await x509.AuthorityKeyIdentifierExtension.create(iacaKeys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(dsKeys.publicKey),
      new x509.IssuerAlternativeNameExtension([{ type: 'url', value: id }]),
      new x509.CRLDistributionPointsExtension([`${id}/iaca.crl`]),
    ],
  });
  return { id, iacaDer: new Uint8Array(iaca.rawData), dsDer: new Uint8Array(ds.rawData), dsKeys };
}

export async function buildMdocInputs(): Promise<MdocBenchInputs> {
  const issuers = await Promise.all(Array.from({ length: ISSUERS }, (_, i) => makeIssuer(i)));
  const dsJwks = await Promise.all(issuers.map((it) => crypto.subtle.exportKey('jwk', it.dsKeys.publicKey)));
  const transcript = await SessionTranscript.forOid4Vp(REQUEST, buildingContext());
  const deviceRequest = DeviceRequest.create({
    docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL, namespaces: { [MDL_NAMESPACE]: Object.fromEntries(DISCLOSED.map((e) => [e, false])) } }) })],
  });
  const presentations: string[] = [];
  for (let n = 0; n < RESPONSES; n++) {
    const k = n % ISSUERS;
    const issuer = issuers[k]!;
    const deviceSecret = p256.utils.randomSecretKey();
    const point = p256.getPublicKey(deviceSecret, false);
    const deviceJwk = { kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)) };
    const dsJwk = dsJwks[k]!;
    const issuerSigned = await new IssuerSignedBuilder(MDL, buildingContext(issuer.dsKeys.privateKey))
      .addIssuerNamespace(MDL_NAMESPACE, {
        family_name: `Person ${n}`,
        given_name: 'Bench',
        birth_date: new DateOnly('1990-03-25'),
        issue_date: new DateOnly('2024-09-02'),
        expiry_date: new DateOnly('2034-09-01'),
        issuing_country: 'GB',
        issuing_authority: `Issuer ${k}`,
        document_number: `BENCH${String(n).padStart(6, '0')}`,
        driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2008-06-01'), expiry_date: new DateOnly('2034-09-01') }],
        age_over_18: true,
        age_over_21: true,
      })
      .sign({
        signingKey: CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: dsJwk.x!, y: dsJwk.y! }),
        algorithm: SignatureAlgorithm.ES256,
        digestAlgorithm: 'SHA-256',
        validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
        deviceKeyInfo: { deviceKey: DeviceKey.fromJwk(deviceJwk) },
        certificates: [issuer.dsDer],
      });
    const response = await DeviceResponse.createWithDeviceRequest({
      deviceRequest,
      sessionTranscript: transcript,
      issuerSigned: [issuerSigned],
      signature: { signingKey: CoseKey.fromJwk({ ...deviceJwk, alg: 'ES256', d: base64urlEncode(deviceSecret) }) },
    }, buildingContext());
    presentations.push(response.encodedForOid4Vp);
  }
  return { issuers: issuers.map(({ id, iacaDer }) => ({ id, iacaDer })), presentations };
}
