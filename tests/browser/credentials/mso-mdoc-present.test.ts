/**
 * mdoc presentation in real Chromium: a WebCrypto ECDSA P-256 holder key that cannot be exported
 * (as the vault keeps it) signs the DeviceResponse; the device signature is checked by the app's
 * crypto worker for this OpenID4VP session and refused for another; and @owf/mdoc's verifier
 * accepts the same DeviceResponse in the browser. The device MAC suite (Annex D) runs here too.
 */
import { DeviceResponse, SessionTranscript, Verifier, type VerificationAssessment } from '@owf/mdoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import { publicKeyFromCoseKey } from '../../../src/credentials/formats/mso-mdoc/cose';
import { deviceSignatureItem } from '../../../src/credentials/formats/mso-mdoc/device-auth';
import { mdocParts } from '../../../src/credentials/formats/mso-mdoc/parse';
import { presentMdoc } from '../../../src/credentials/formats/mso-mdoc/present';
import type { PresentationHandover } from '../../../src/credentials/formats/format';
import { deviceMacSpecs } from '../../unit/credentials/mso-mdoc/device-mac.spec';
import { issueToNewHolder, MDL_NAMESPACE as NS, owfContext, type OwfIssued } from '../../shared/credentials/owf-mdoc';

const NOW = new Date('2026-06-01T00:00:00Z');
const clientId = 'x509_san_dns:verifier.example';
const nonce = 'n-browser-1';
const responseUri = 'https://verifier.example/response';
const handover: PresentationHandover = { kind: 'openid4vp', responseUri, encryptionKeyThumbprint: null };

let issued: OwfIssued;
let holderKey: CryptoKey;

beforeAll(async () => {
  ({ holderKey, ...issued } = await issueToNewHolder());
});

afterAll(() => stopCryptoWorker());

describe('presentMdoc in Chromium', () => {
  it('signs with a key that cannot be exported', () => {
    expect(holderKey.extractable).toBe(false);
  });

  it("discloses only what was asked; the crypto worker verifies the device signature for this session and not for another", async () => {
    const presentation = await presentMdoc(issued.raw, { disclose: [[NS, 'age_over_18']], audience: clientId, nonce, holderKey, handover });
    const { document, issuerSigned } = mdocParts(presentation);
    expect([...issuerSigned.nameSpaces.get(NS)!.map((item) => item.elementIdentifier)]).toEqual(['age_over_18']);
    const doc = { docType: document!.docType, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceSignature: document!.deviceSigned.deviceSignature! };
    const deviceKey = publicKeyFromCoseKey(issuerSigned.mso.deviceKey, 'device key');
    const session = { nowS: NOW.getTime() / 1000, audience: clientId, nonce, handover };
    const results = await workerSignatureVerifier().verifyBatch([
      deviceSignatureItem(doc, deviceKey, session),
      deviceSignatureItem(doc, deviceKey, { ...session, nonce: 'n-browser-2' }),
      deviceSignatureItem(doc, deviceKey, { ...session, audience: 'x509_san_dns:other.example' }),
    ]);
    expect(results).toEqual([true, false, false]);
  });

  it("passes @owf/mdoc's verifier (issuer auth, digests, device signature over its own OpenID4VP transcript)", async () => {
    const presentation = await presentMdoc(issued.raw, { disclose: [[NS, 'family_name'], [NS, 'portrait']], audience: clientId, nonce, holderKey, handover });
    const checks: VerificationAssessment[] = [];
    await Verifier.verifyDeviceResponse(
      {
        deviceResponse: DeviceResponse.fromEncodedForOid4Vp(presentation),
        sessionTranscript: await SessionTranscript.forOid4Vp({ clientId, nonce, responseUri }, owfContext),
        trustedCertificates: [issued.certificate],
        now: NOW,
        onCheck: (check) => void checks.push(check),
      },
      owfContext,
    );
    expect(checks.filter((c) => c.status === 'FAILED')).toEqual([]);
    expect(checks.filter((c) => c.status === 'PASSED').map((c) => c.check)).toContain('Device signature must be valid');
  });
});

deviceMacSpecs();
