/**
 * Asking a wallet on this device through the Digital Credentials API (OpenID4VP 1.0 Appendix A),
 * in Chromium, with the checker's real verify pipeline and crypto worker. The browser's
 * navigator.credentials.get is a test double playing a wallet app, whose presentations are made by
 * code we did not write: an SD-JWT VC by @sd-jwt/sd-jwt-vc (KB-JWT aud `origin:<origin>`, the
 * request's nonce, §A.4) and an mDL DeviceResponse by @owf/mdoc over the OpenID4VPDCAPIHandover
 * SessionTranscript @owf/mdoc builds itself (B.2.6.2); the answer is encrypted to the request's key
 * by jose (dc_api.jwt, §8.3). Then what a person can meet: a cancel, a wallet's error response,
 * garbage, an answer made for another website, one made for another request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createChecker, type Checker } from '../../../../src/wallet/check';
import type { DigitalCredentialsHost } from '../../../../src/wallet/check/digital-credentials';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { MemoryVault } from '../../support/share-fixtures';
import { DRIVING_MDL, makeTestWallet, type TestWallet, type WalletRequest as Request } from './digital-credentials-wallet';

const ORIGIN = 'https://checker.example';
/** What the test wallet answers, given the request it was sent. */
type Wallet = (request: Request) => Promise<unknown>;

let wallet: TestWallet;
beforeAll(async () => {
  wallet = await makeTestWallet();
});
afterAll(() => stopCryptoWorker());

/** A checker whose browser is `answer`; `sent` collects what it asked. */
function checkerWith(answer: Wallet, origin = ORIGIN): { checker: Checker; sent: Request[] } {
  const sent: Request[] = [];
  const host: DigitalCredentialsHost = {
    origin,
    get: async (options) => {
      expect(options.mediation).toBe('required');
      const request = options.digital.requests[0] as unknown as Request;
      sent.push(request);
      return answer(request);
    },
  };
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(wallet.trustList, {}), vault: new MemoryVault(), digitalCredentials: host });
  return { checker, sent };
}

const encryptedAnswer = (request: Request, vpToken: Record<string, string[]>) => wallet.encrypted(request, vpToken);
const sdJwtPresentation = (aud: string, nonce: string) => wallet.sdJwt(aud, nonce);
const mdocPresentation = (request: Request, origin = ORIGIN) => wallet.mdoc(request, origin);

describe('a wallet on this device answers (independent presentations)', () => {
  it('sends an unsigned request for the purpose, bound to nothing but its origin, nonce and key', async () => {
    const { checker, sent } = checkerWith(async (request) => encryptedAnswer(request, { driving: [await sdJwtPresentation(`origin:${ORIGIN}`, request.data.nonce)] }));
    await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    const [request] = sent;
    expect(request!.protocol).toBe('openid4vp-v1-unsigned');
    expect(request!.data).toMatchObject({ response_type: 'vp_token', response_mode: 'dc_api.jwt' });
    expect(request!.data).not.toHaveProperty('client_id');
    expect(request!.data.dcql_query.credentials.map((c) => c.id)).toEqual(['driving', 'driving_mso_mdoc']);
    expect(request!.data.nonce).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  });

  it('an SD-JWT VC licence presented by @sd-jwt/sd-jwt-vc (aud origin:<origin>, the nonce) passes every check, and its record can be kept', async () => {
    const { checker } = checkerWith(async (request) => encryptedAnswer(request, { driving: [await sdJwtPresentation(`origin:${ORIGIN}`, request.data.nonce)] }));
    const { requestId, result } = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass' });
    expect(result.claims.map((c) => c.path)).toEqual(expect.arrayContaining([['given_name'], ['family_name'], ['portrait'], ['driving_privileges']]));
    expect(result.unrequested).toEqual([]);
    await checker.keepRecord(requestId);
  });

  it('an mDL DeviceResponse made by @owf/mdoc over its own OpenID4VPDCAPIHandover transcript passes every check', async () => {
    const { checker } = checkerWith(async (request) => encryptedAnswer(request, { driving_mso_mdoc: [await mdocPresentation(request)] }));
    const { result } = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass' });
    expect(result.claims.map((c) => c.path.at(-1))).toEqual(expect.arrayContaining(DRIVING_MDL));
  });

  it('an mDL device-signed for another origin fails key binding (a presentation relayed from another website)', async () => {
    const { checker } = checkerWith(async (request) => encryptedAnswer(request, { driving_mso_mdoc: [await mdocPresentation(request, 'https://elsewhere.example')] }));
    const { result } = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' });
    expect(result.ok).toBe(false);
    expect(result.verdict).toBe('fail');
    expect(result.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual([expect.stringMatching(/^key-binding/)]);
  });
});

describe('what a person can meet, each a clear error with nothing kept', () => {
  const domError = (name: string) => new DOMException('The operation either timed out or was not allowed.', name);

  it.each([
    ['the person cancels (NotAllowedError)', async () => Promise.reject(domError('NotAllowedError')), 'holder-declined'],
    ['the wallet answers with an OpenID4VP error (access_denied)', async (r: Request) => ({ protocol: r.protocol, data: { error: 'access_denied' } }), 'holder-declined'],
    ['the browser cannot (NotSupportedError)', async () => Promise.reject(domError('NotSupportedError')), 'digital-credentials-unavailable'],
    ['garbage', async (r: Request) => ({ protocol: r.protocol, data: { response: 'not.a.jwe.at.all' } }), 'not-a-response'],
    ['an answer not encrypted as asked', async (r: Request) => ({ protocol: r.protocol, data: { vp_token: { driving: ['x~'] } } }), 'not-a-response'],
    ['another protocol', async () => ({ protocol: 'org-iso-mdoc', data: {} }), 'not-a-response'],
    ['a KB-JWT made for another website', async (r: Request) => encryptedAnswer(r, { driving: [await sdJwtPresentation('origin:https://elsewhere.example', r.data.nonce)] }), 'replayed'],
    ['a KB-JWT made for another request (another nonce)', async (r: Request) => encryptedAnswer(r, { driving: [await sdJwtPresentation(`origin:${ORIGIN}`, 'another-nonce-another-request')] }), 'replayed'],
  ] as const)('%s', async (_name, answer, code) => {
    const { checker } = checkerWith(answer as Wallet);
    const error = await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CheckError', code });
    expect((error as Error).message.length).toBeGreaterThan(10);
  });

  it('an answer to one request given to the next is refused: it cannot be opened with the new key', async () => {
    let first: unknown;
    const { checker } = checkerWith(async (request) => (first ??= await encryptedAnswer(request, { driving: [await sdJwtPresentation(`origin:${ORIGIN}`, request.data.nonce)] })));
    expect((await checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' })).result.ok).toBe(true);
    await expect(checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door' })).rejects.toMatchObject({ code: 'not-a-response' });
  });

  it('a stop by the checker (an aborted signal) is left as the AbortError it is', async () => {
    const stop = new AbortController();
    const { checker } = checkerWith(async () => {
      stop.abort();
      throw domError('AbortError');
    });
    await expect(checker.askWalletOnThisDevice({ purpose: 'driving', verifierName: 'Door', signal: stop.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
