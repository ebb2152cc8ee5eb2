/**
 * mdoc presentation interop with the independent @owf/mdoc 0.6.0 (openwallet-foundation-labs/
 * mdoc-ts), over OpenID4VP 1.0 Appendix B.2.6.1's SessionTranscript:
 * - an IssuerSigned issued by @owf/mdoc, presented by Satchel's presentMdoc, passes @owf/mdoc's
 *   own verifier (issuer signature and certificate, every digest, validity, the device signature
 *   over the transcript it builds itself), and fails it for another nonce;
 * - a DeviceResponse @owf/mdoc builds is read by Satchel and its device signature accepted by
 *   deviceSignatureItem for the same session, and refused for another.
 */
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSigned, ItemsRequest, SessionTranscript, Verifier, type VerificationAssessment } from '@owf/mdoc';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicKeyFromCoseKey } from '../../../src/credentials/formats/mso-mdoc/cose';
import { deviceSignatureItem } from '../../../src/credentials/formats/mso-mdoc/device-auth';
import { msoMdocFormat } from '../../../src/credentials/formats/mso-mdoc/index';
import { mdocParts } from '../../../src/credentials/formats/mso-mdoc/parse';
import { presentMdoc } from '../../../src/credentials/formats/mso-mdoc/present';
import { sessionTranscriptBytes } from '../../../src/credentials/formats/mso-mdoc/session-transcript';
import type { PresentationHandover } from '../../../src/credentials/formats/format';
import { base64urlEncode } from '../../../src/lib/base64url';
import { nobleVerify } from '../../shared/credentials/helpers';
import { issueToNewHolder, issueWithOwf, MDL, MDL_NAMESPACE as NS, owfContext, type OwfIssued } from '../../shared/credentials/owf-mdoc';

const NOW = new Date('2026-06-01T00:00:00Z');
const clientId = 'x509_san_dns:verifier.example';
const nonce = 'n-4f1c2b7e9d';
const responseUri = 'https://verifier.example/response';
/** The RFC 7638 thumbprint of the verifier's encryption key (any 32 bytes do for the transcript). */
const jwkThumbprint = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
const handover: PresentationHandover = { kind: 'openid4vp', responseUri, encryptionKeyThumbprint: jwkThumbprint };

const owfTranscript = (forNonce = nonce) => SessionTranscript.forOid4Vp({ clientId, nonce: forNonce, jwkThumbprint, responseUri }, owfContext);

/** Runs @owf/mdoc's verifier, collecting every check it makes (it throws at the first failure otherwise). */
async function owfChecks(presentation: string, certificate: Uint8Array, transcript: SessionTranscript): Promise<VerificationAssessment[]> {
  const checks: VerificationAssessment[] = [];
  await Verifier.verifyDeviceResponse(
    { deviceResponse: DeviceResponse.fromEncodedForOid4Vp(presentation), sessionTranscript: transcript, trustedCertificates: [certificate], now: NOW, onCheck: (check) => void checks.push(check) },
    owfContext,
  );
  return checks;
}

describe('the OpenID4VP 1.0 SessionTranscript', () => {
  it('Satchel builds the same bytes as @owf/mdoc', async () => {
    expect(sessionTranscriptBytes(handover, clientId, nonce)).toEqual((await owfTranscript()).encode());
  });
});

describe('Satchel presents, @owf/mdoc verifies', () => {
  let issued: OwfIssued;
  let holderKey: CryptoKey;

  beforeAll(async () => {
    ({ holderKey, ...issued } = await issueToNewHolder());
  });

  it('passes every check: issuer auth, certificate, digests, validity and the device signature', async () => {
    const presentation = await presentMdoc(issued.raw, { disclose: [[NS, 'age_over_18'], [NS, 'family_name']], audience: clientId, nonce, holderKey, handover });
    const checks = await owfChecks(presentation, issued.certificate, await owfTranscript());
    expect(checks.filter((c) => c.status === 'FAILED')).toEqual([]);
    const passed = checks.filter((c) => c.status === 'PASSED').map((c) => c.check);
    expect(passed).toContain('Device signature must be valid');
    expect(passed).toContain('Issuer auth signature is invalid'); // @owf/mdoc's name for the issuer signature check
    expect(passed.filter((c) => c.startsWith('The calculated digest for'))).toHaveLength(2);
    const disclosed = DeviceResponse.fromEncodedForOid4Vp(presentation).documents![0]!.issuerSigned.getPrettyClaims(NS);
    expect(Object.keys(disclosed!).sort()).toEqual(['age_over_18', 'family_name']);
  });

  it('fails the device signature for another nonce (a replay to another request)', async () => {
    const presentation = await presentMdoc(issued.raw, { disclose: [[NS, 'age_over_18']], audience: clientId, nonce, holderKey, handover });
    const checks = await owfChecks(presentation, issued.certificate, await owfTranscript('n-another'));
    expect(checks.filter((c) => c.status === 'FAILED').map((c) => c.check)).toEqual(['Device signature must be valid']);
  });
});

describe('@owf/mdoc presents, Satchel verifies', () => {
  let presentation: string;

  beforeAll(async () => {
    const deviceSecret = p256.utils.randomSecretKey();
    const point = p256.getPublicKey(deviceSecret, false);
    const deviceJwk = { kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)) };
    const { raw } = await issueWithOwf(deviceJwk);
    const deviceRequest = DeviceRequest.create({ docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL, namespaces: { [NS]: { age_over_18: false, given_name: false } } }) })] });
    const response = await DeviceResponse.createWithDeviceRequest(
      { deviceRequest, sessionTranscript: await owfTranscript(), issuerSigned: [IssuerSigned.fromEncodedForOid4Vci(raw)], signature: { signingKey: CoseKey.fromJwk({ ...deviceJwk, alg: 'ES256', d: base64urlEncode(deviceSecret) }) } },
      owfContext,
    );
    presentation = response.encodedForOid4Vp;
  });

  it('reads the disclosed elements and verifies the issuer signature', () => {
    const parsed = msoMdocFormat.parse(presentation);
    expect(parsed.type).toBe(MDL);
    expect(parsed.claims).toEqual({ [NS]: { age_over_18: true, given_name: 'Ava' } });
  });

  it('accepts the device signature for this session and refuses it for another', () => {
    const { document, issuerSigned } = mdocParts(presentation);
    const doc = { docType: document!.docType, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceSignature: document!.deviceSigned.deviceSignature! };
    const deviceKey = publicKeyFromCoseKey(issuerSigned.mso.deviceKey, 'device key');
    const session = { nowS: NOW.getTime() / 1000, audience: clientId, nonce, handover };
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, session))).toBe(true);
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { ...session, nonce: 'n-another' }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { ...session, handover: { ...handover, encryptionKeyThumbprint: null } }))).toBe(false);
  });
});
