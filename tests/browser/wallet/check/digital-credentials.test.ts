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
import { sha256 } from '@noble/hashes/sha2.js';
import { CoseKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSigned, ItemsRequest, SessionTranscript } from '@owf/mdoc';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { base64url, calculateJwkThumbprint, CompactEncrypt, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { createChecker, type Checker } from '../../../../src/wallet/check';
import type { DigitalCredentialsHost } from '../../../../src/wallet/check/digital-credentials';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { webCryptoIssuingContext } from '../../../shared/credentials/mdoc-pki';
import { issueMdocLicence, MDL_DOCTYPE, MDL_NAMESPACE, type MdocLicence } from '../../support/mdoc-fixture';
import { MemoryVault } from '../../support/share-fixtures';

const ORIGIN = 'https://checker.example';
const DVLA = 'https://dvla.example.gov.uk';
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DRIVING_SD_JWT = ['given_name', 'family_name', 'portrait', 'driving_privileges'];
const DRIVING_MDL = ['given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date'];

type Request = { protocol: string; data: { nonce: string; dcql_query: { credentials: { id: string }[] }; client_metadata: { jwks: { keys: JWK[] } } } & Record<string, unknown> };
/** What the test wallet answers, given the request it was sent. */
type Wallet = (request: Request) => Promise<unknown>;

const webCryptoSigner = (key: CryptoKey) => async (data: string) =>
  base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data))));

let trustList: TrustList;
let theirs: SDJwtVcInstance;
let sdJwtLicence: string;
let mdl: MdocLicence;

beforeAll(async () => {
  const issuer = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const holder = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', issuer.publicKey);
  const holderJwk = await crypto.subtle.exportKey('jwk', holder.publicKey);
  theirs = new SDJwtVcInstance({
    signer: webCryptoSigner(issuer.privateKey),
    signAlg: 'ES256',
    hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
    hashAlg: 'sha-256',
    saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
    kbSigner: webCryptoSigner(holder.privateKey),
    kbSignAlg: 'ES256',
  });
  const nowS = Math.floor(Date.now() / 1000);
  sdJwtLicence = await theirs.issue(
    {
      iss: DVLA,
      vct: CREDENTIAL_TYPES.drivingLicence,
      iat: nowS - 60,
      exp: nowS + 86_400,
      cnf: { jwk: { kty: holderJwk.kty!, crv: holderJwk.crv!, x: holderJwk.x!, y: holderJwk.y! } },
      given_name: 'Ada',
      family_name: 'Lovelace',
      birth_date: '1990-12-10',
      portrait: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ',
      driving_privileges: [{ vehicle_category_code: 'B' }],
    },
    { _sd: ['given_name', 'family_name', 'birth_date', 'portrait', 'driving_privileges'] },
    { header: { kid: 'dvla-dc' } },
  );
  mdl = await issueMdocLicence();
  trustList = trustListFromIssuers([
    { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency' }, keys: [{ kty, crv, x, y, kid: 'dvla-dc' }], types: [CREDENTIAL_TYPES.drivingLicence, MDL_DOCTYPE], iaca: mdl.iaca } as never,
  ]);
});
afterAll(() => stopCryptoWorker());

/** A checker whose browser is `wallet`; `sent` collects what it asked. */
function checkerWith(wallet: Wallet, origin = ORIGIN): { checker: Checker; sent: Request[] } {
  const sent: Request[] = [];
  const host: DigitalCredentialsHost = {
    origin,
    get: async (options) => {
      expect(options.mediation).toBe('required');
      const request = options.digital.requests[0] as unknown as Request;
      sent.push(request);
      return wallet(request);
    },
  };
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustList, {}), vault: new MemoryVault(), digitalCredentials: host });
  return { checker, sent };
}

/** The wallet's answer, encrypted by jose to the request's key (§8.3), as a DigitalCredential. */
async function encryptedAnswer(request: Request, vpToken: Record<string, string[]>): Promise<unknown> {
  const key = request.data.client_metadata.jwks.keys[0]!;
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ vp_token: vpToken })))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: key.kid! })
    .encrypt(await importJWK({ kty: key.kty!, crv: key.crv!, x: key.x!, y: key.y! }, 'ECDH-ES'));
  return { protocol: request.protocol, data: { response: jwe } };
}

/** @sd-jwt/sd-jwt-vc's presentation of the driving claims, its KB-JWT for `aud` and `nonce`. */
function sdJwtPresentation(aud: string, nonce: string): Promise<string> {
  return theirs.present(sdJwtLicence, Object.fromEntries(DRIVING_SD_JWT.map((c) => [c, true])), { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud, nonce } } });
}

/** @owf/mdoc's DeviceResponse for the driving elements, device-signed over its own B.2.6.2 transcript for `origin`. */
async function mdocPresentation(request: Request, origin = ORIGIN): Promise<string> {
  const key = request.data.client_metadata.jwks.keys[0]!;
  const jwkThumbprint = base64url.decode(await calculateJwkThumbprint({ kty: key.kty!, crv: key.crv!, x: key.x!, y: key.y! }, 'sha256'));
  const context = webCryptoIssuingContext(mdl.holder.privateKey);
  const sessionTranscript = await SessionTranscript.forOid4VpDcApi({ origin, nonce: request.data.nonce, jwkThumbprint }, context);
  const deviceRequest = DeviceRequest.create({
    docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL_DOCTYPE, namespaces: { [MDL_NAMESPACE]: Object.fromEntries(DRIVING_MDL.map((e) => [e, false])) } }) })],
  });
  const response = await DeviceResponse.createWithDeviceRequest(
    { deviceRequest, sessionTranscript, issuerSigned: [IssuerSigned.fromEncodedForOid4Vci(mdl.raw)], signature: { signingKey: CoseKey.fromJwk({ ...mdl.holder.jwk, alg: 'ES256' } as never) } },
    context,
  );
  return response.encodedForOid4Vp;
}

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
  ] as const)('%s', async (_name, wallet, code) => {
    const { checker } = checkerWith(wallet as Wallet);
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
