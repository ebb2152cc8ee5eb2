/**
 * Asking a wallet on this device for an mdoc the ISO/IEC 18013-7 Annex C way (`org-iso-mdoc` over
 * the Digital Credentials API), in Chromium with the checker's real pipeline: the test wallet reads
 * the request's DeviceRequest and EncryptionInfo with @owf/mdoc, answers with @owf/mdoc's
 * DeviceResponse device-signed over the ["dcapi", …] SessionTranscript @owf/mdoc encodes itself,
 * HPKE-sealed with that transcript as info (RFC 9180 base mode, P-256/HKDF-SHA256/AES-128-GCM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { isoMdocSessionTranscript } from '../../../../src/protocols/openid4vp/dc-api-iso-mdoc';
import { createChecker, type Checker } from '../../../../src/wallet/check';
import type { DigitalCredentialsHost } from '../../../../src/wallet/check/digital-credentials';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { MemoryVault } from '../../support/share-fixtures';
import { DRIVING_MDL, makeTestWallet, type IsoMdocWalletRequest, type TestWallet } from './digital-credentials-wallet';

const ORIGIN = 'https://checker.example';

let wallet: TestWallet;
beforeAll(async () => {
  wallet = await makeTestWallet();
});
afterAll(() => stopCryptoWorker());

/** A checker whose browser hands the Annex C request (the second of `requests`) to `answer`. */
function checkerWith(answer: (request: IsoMdocWalletRequest) => Promise<unknown>): { checker: Checker; sent: { protocol: string }[][] } {
  const sent: { protocol: string }[][] = [];
  const host: DigitalCredentialsHost = {
    origin: ORIGIN,
    get: async (options) => {
      sent.push(options.digital.requests);
      return answer(options.digital.requests.find((r) => r.protocol === 'org-iso-mdoc') as unknown as IsoMdocWalletRequest);
    },
  };
  return { checker: createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(wallet.trustList, {}), vault: new MemoryVault(), digitalCredentials: host }), sent };
}

describe('org-iso-mdoc (ISO/IEC 18013-7 Annex C)', () => {
  it('is offered beside OpenID4VP for a purpose with an mdoc answer; an @owf/mdoc DeviceResponse, HPKE-sealed, passes every check', async () => {
    let transcript: Uint8Array | undefined;
    const { checker, sent } = checkerWith(async (request) => {
      const made = await wallet.isoMdoc(request, ORIGIN);
      transcript = made.transcript;
      return made.credential;
    });
    const { result } = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    expect(sent[0]!.map((r) => r.protocol)).toEqual(['openid4vp-v1-unsigned', 'org-iso-mdoc']);
    const iso = sent[0]![1] as unknown as IsoMdocWalletRequest;
    // The SessionTranscript @owf/mdoc encoded is, byte for byte, the one Satchel derives for the request.
    expect(transcript).toEqual(isoMdocSessionTranscript(iso.data.encryptionInfo, ORIGIN));
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass' });
    expect(result.claims.map((c) => c.path.at(-1))).toEqual(expect.arrayContaining(DRIVING_MDL));
  });

  it('an answer device-signed and sealed for another origin cannot be opened (the transcript is HPKE\'s info)', async () => {
    const { checker } = checkerWith(async (request) => (await wallet.isoMdoc(request, 'https://elsewhere.example')).credential);
    await expect(checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' })).rejects.toMatchObject({ code: 'not-a-response' });
  });

  it('an answer sealed for this check but device-signed over another origin\'s transcript fails key binding', async () => {
    const { checker } = checkerWith(async (request) => (await wallet.isoMdoc(request, ORIGIN, 'https://elsewhere.example')).credential);
    const { result } = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    expect(result).toMatchObject({ ok: false, verdict: 'fail' });
    expect(result.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual([expect.stringMatching(/^key-binding/)]);
  });

  it.each([
    ['no response', { protocol: 'org-iso-mdoc', data: {} }],
    ['a response that is not base64url CBOR', { protocol: 'org-iso-mdoc', data: { response: '!!!' } }],
    ['an EncryptedResponse of the wrong shape', { protocol: 'org-iso-mdoc', data: { response: 'gmVkY2FwaaA' } }],
  ])('refuses %s as not-a-response', async (_name, answer) => {
    const { checker } = checkerWith(async () => answer);
    const error = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CheckError', code: 'not-a-response' });
  });

  it('is not offered for a purpose no mdoc answers', async () => {
    const { checker, sent } = checkerWith(async () => Promise.reject(new DOMException('no', 'NotAllowedError')));
    await expect(checker.askWalletOnThisDevice({ purpose: 'right-to-work', verifierName: 'Door' })).rejects.toMatchObject({ code: 'holder-declined' });
    expect(sent[0]!.map((r) => r.protocol)).toEqual(['openid4vp-v1-unsigned']);
  });
});
