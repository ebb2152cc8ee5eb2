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
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DateOnly, DeviceKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSignedBuilder, ItemsRequest, SessionTranscript, SignatureAlgorithm } from '@owf/mdoc';
import { base64urlEncode } from '../src/lib/base64url';
import { makeMdocPki, webCryptoIssuingContext } from '../tests/shared/credentials/mdoc-pki';
import { owfContext } from '../tests/shared/credentials/owf-mdoc';

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

export interface MdocBenchIssuer {
  id: string;
  iacaDer: Uint8Array;
}

export interface MdocBenchInputs {
  issuers: MdocBenchIssuer[];
  /** base64url DeviceResponses (OpenID4VP 1.0 B.2.6.1's vp_token value), RESPONSES of them. */
  presentations: string[];
}

async function makeIssuer(i: number): Promise<{ id: string; iacaDer: Uint8Array; dsDer: Uint8Array; dsKeys: CryptoKeyPair }> {
  const id = `https://issuer-${i}.example.gov.uk`;
  const pki = await makeMdocPki({
    iacaName: `C=GB, CN=Bench IACA ${i}`,
    documentSignerName: `C=GB, CN=Bench Document Signer ${i}`,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    iacaCurve: 'P-256',
    issuerUrl: id,
  });
  return { id, iacaDer: pki.iacaDer, dsDer: pki.documentSignerDer, dsKeys: pki.documentSignerKeys };
}

export async function buildMdocInputs(): Promise<MdocBenchInputs> {
  const issuers = await Promise.all(Array.from({ length: ISSUERS }, (_, i) => makeIssuer(i)));
  const dsJwks = await Promise.all(issuers.map((it) => crypto.subtle.exportKey('jwk', it.dsKeys.publicKey)));
  const transcript = await SessionTranscript.forOid4Vp(REQUEST, owfContext);
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
    const issuerSigned = await new IssuerSignedBuilder(MDL, webCryptoIssuingContext(issuer.dsKeys.privateKey))
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
    }, owfContext); // the device signature: @noble/curves with the holder's raw key (RFC 9053 §2.1 r‖s)
    presentations.push(response.encodedForOid4Vp);
  }
  return { issuers: issuers.map(({ id, iacaDer }) => ({ id, iacaDer })), presentations };
}
