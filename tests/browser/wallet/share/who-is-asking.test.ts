/**
 * Who is asking, through the share use case in Chromium (signatures in the crypto worker): a
 * signed request from a registered verifier is named as the register names it, what it asks beyond
 * its registration is marked, an unsigned one is unregistered, and every signed request Satchel
 * cannot confirm is refused with its reason, nothing sent (docs/sharing.md, "Who is asking").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { createChecker } from '../../../../src/wallet/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type ShareRequest, type Sharer } from '../../../../src/wallet/share/share-api';
import { makeIntermediateCa, makeRegisterCa, makeVerifierCertificate } from '../../../shared/credentials/verifier-pki';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';
import { JOBS, makeRegister, OVER_ASKING_QUERY, RIGHT_TO_WORK_QUERY, SHOP, signedVerifier, VALID, type Register } from './signed-verifier';

let world: World;
let register: Register;
let trustList: TrustList;

beforeAll(async () => {
  register = await makeRegister();
});
beforeEach(async () => {
  world = await makeWorld();
  trustList = trustListFromIssuers([], { verifierRegister: register.input });
});
afterAll(() => stopCryptoWorker());

function sharerFor(fetch: typeof globalThis.fetch, list: TrustList | undefined = trustList): Sharer {
  return createSharer({ vault: world.vault, fetch, now: () => NOW.getTime(), trust: { trustList: async () => list }, verifier: workerSignatureVerifier() });
}

const marked = (request: ShareRequest) => request.candidates.flatMap((c) => c.requested.filter((r) => r.beyondRegistration).map((r) => r.path));

async function refusal(read: Promise<unknown>): Promise<ShareError> {
  const error = await read.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ShareError);
  return error as ShareError;
}

describe('a registered verifier', () => {
  it('x509_san_dns by request_uri: named and described as the register says, not as the request says; nothing marked', async () => {
    const v = await signedVerifier({ host: 'jobs.example', leaf: register.jobs, dcql: RIGHT_TO_WORK_QUERY, clientName: 'Totally Official Jobs' });
    const request = await sharerFor(v.fetch).readRequest(v.link);
    expect(request.verifier).toEqual({ kind: 'registered', registerId: JOBS.id, name: JOBS.name, registration: JOBS.registration });
    expect(request.responseOrigin).toBe('https://jobs.example');
    expect(request.candidates.map((c) => c.credentialId)).toEqual(['rtw']);
    expect(marked(request)).toEqual([]);
  });

  it('the activity log names the registered verifier in English and Welsh', async () => {
    const v = await signedVerifier({ host: 'jobs.example', leaf: register.jobs, dcql: RIGHT_TO_WORK_QUERY, clientName: 'Totally Official Jobs' });
    const sharer = sharerFor(v.fetch);
    const request = await sharer.readRequest(v.link);
    await sharer.respondOnline(request.requestId, 'rtw', request.candidates[0]!.requested.map((r) => r.path));
    expect(v.posts).toHaveLength(1);
    expect(v.posts[0]!.get('vp_token')).toBeTruthy();
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', counterparty: 'Example Jobs Ltd', counterpartyName: JOBS.name });
  });

  it('x509_hash by value, over-asking: every claim its registration does not cover is marked, the covered one is not', async () => {
    const v = await signedVerifier({ host: 'shop.example', leaf: register.shop, clientId: 'hash', byValue: true, dcql: OVER_ASKING_QUERY });
    const request = await sharerFor(v.fetch).readRequest(v.link);
    expect(request.verifier).toEqual({ kind: 'registered', registerId: SHOP.id, name: SHOP.name, registration: SHOP.registration });
    const requested = request.candidates[0]!.requested;
    expect(requested.map((r) => [r.path, r.beyondRegistration ?? false])).toEqual([[['age_over_18'], false], [['given_name'], true], [['birth_date'], true]]);
  });

  it('a chain through an intermediate CA (x5c leaf, intermediate) is followed to the register', async () => {
    const intermediate = await makeIntermediateCa(register.ca, VALID);
    const leaf = await makeVerifierCertificate(intermediate, { organizationIdentifier: JOBS.id, organizationName: JOBS.name.en, dnsNames: ['jobs.example'], ...VALID });
    const v = await signedVerifier({ host: 'jobs.example', leaf, chain: [intermediate.der, register.ca.der], dcql: RIGHT_TO_WORK_QUERY });
    expect((await sharerFor(v.fetch).readRequest(v.link)).verifier).toMatchObject({ kind: 'registered', registerId: JOBS.id });
  });
});

describe('an unregistered verifier', () => {
  it('an unsigned request (redirect_uri:) is read as unregistered, nothing marked', async () => {
    const responseUri = 'https://anyone.example/response';
    const payload = { response_type: 'vp_token', response_mode: 'direct_post', client_id: `redirect_uri:${responseUri}`, response_uri: responseUri, nonce: 'n-1', dcql_query: OVER_ASKING_QUERY, client_metadata: { client_name: 'Anyone' } };
    const link = `openid4vp://?client_id=${encodeURIComponent(payload.client_id)}&response_type=vp_token&response_mode=direct_post&response_uri=${encodeURIComponent(responseUri)}&nonce=n-1&dcql_query=${encodeURIComponent(JSON.stringify(OVER_ASKING_QUERY))}&client_metadata=${encodeURIComponent(JSON.stringify(payload.client_metadata))}`;
    const request = await sharerFor(async () => new Response('not found', { status: 404 })).readRequest(link);
    expect(request.verifier).toEqual({ kind: 'unregistered' });
    expect(request.verifierName).toBe('Anyone');
    expect(marked(request)).toEqual([]);
  });

  it('in person (a checker\'s phone) is unregistered', async () => {
    const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now: () => NOW.getTime() });
    const qr = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const request = await sharerFor(async () => new Response('', { status: 404 })).readRequest(qr.qr.frames[0]!);
    expect(request.verifier).toEqual({ kind: 'unregistered' });
  });
});

describe('a signed request Satchel cannot confirm: refused with the reason, nothing sent (not even access_denied)', () => {
  const cases: [string, () => Promise<{ fetch: typeof globalThis.fetch; posts: URLSearchParams[]; link: string }>, string, TrustList?][] = [
    ['a signature that is not the certificate\'s key\'s', async () => signedVerifier({ host: 'jobs.example', leaf: register.jobs, signWith: register.shop, dcql: RIGHT_TO_WORK_QUERY }), 'bad-signature'],
    ['an expired certificate', async () => {
      const leaf = await makeVerifierCertificate(register.ca, { organizationIdentifier: JOBS.id, dnsNames: ['jobs.example'], notBefore: new Date(NOW.getTime() - 90 * 86_400_000), notAfter: new Date(NOW.getTime() - 86_400_000) });
      return signedVerifier({ host: 'jobs.example', leaf, dcql: RIGHT_TO_WORK_QUERY });
    }, 'certificate-expired'],
    ['a certificate from a CA that is not the register\'s', async () => {
      const other = await makeRegisterCa({ ...VALID, name: 'CN=Not The Register, C=GB' });
      const leaf = await makeVerifierCertificate(other, { organizationIdentifier: JOBS.id, dnsNames: ['jobs.example'], ...VALID });
      return signedVerifier({ host: 'jobs.example', leaf, chain: [other.der], dcql: RIGHT_TO_WORK_QUERY });
    }, 'certificate-unlisted'],
    ['a register certificate for an organisation the register does not list', async () => {
      const leaf = await makeVerifierCertificate(register.ca, { organizationIdentifier: 'GB-REG-9999', dnsNames: ['jobs.example'], ...VALID });
      return signedVerifier({ host: 'jobs.example', leaf, dcql: RIGHT_TO_WORK_QUERY });
    }, 'certificate-unlisted'],
    ['an x509_san_dns client id that is not the certificate\'s', async () => signedVerifier({ host: 'jobs.example', leaf: register.shop, dcql: RIGHT_TO_WORK_QUERY }), 'client-id-mismatch'],
    ['an x509_hash client id of another certificate', async () => signedVerifier({ host: 'shop.example', leaf: register.shop, clientId: (await signedVerifier({ host: 'jobs.example', leaf: register.jobs, clientId: 'hash', dcql: {} })).clientId, dcql: OVER_ASKING_QUERY }), 'client-id-mismatch'],
    ['a response_uri on a host the certificate does not name', async () => signedVerifier({ host: 'jobs.example', leaf: register.jobs, responseUri: 'https://collector.example/response', dcql: RIGHT_TO_WORK_QUERY }), 'response-uri-mismatch'],
    ['a chain longer than Satchel follows', async () => {
      let issuer = register.ca;
      const chain: Uint8Array[] = [];
      for (let i = 0; i < 4; i++) {
        issuer = await makeIntermediateCa(issuer, { ...VALID, name: `CN=Intermediate ${i}, C=GB` });
        chain.unshift(issuer.der);
      }
      const leaf = await makeVerifierCertificate(issuer, { organizationIdentifier: JOBS.id, dnsNames: ['jobs.example'], ...VALID });
      return signedVerifier({ host: 'jobs.example', leaf, chain, dcql: RIGHT_TO_WORK_QUERY });
    }, 'certificate-invalid'],
    ['a trust list with no register of verifiers', async () => signedVerifier({ host: 'jobs.example', leaf: register.jobs, dcql: RIGHT_TO_WORK_QUERY }), 'certificate-unlisted', trustListFromIssuers([])],
  ];

  it.each(cases)('%s', async (_name, make, problem, list) => {
    const v = await make();
    const error = await refusal(sharerFor(v.fetch, list ?? trustList).readRequest(v.link));
    expect(error.code).toBe('verifier-untrusted');
    expect(error.details.verifierProblem).toBe(problem);
    expect(error.message.length).toBeGreaterThan(20);
    expect(v.posts).toHaveLength(0);
    expect(world.vault.activity).toHaveLength(0);
  });

  it('the refusal names the host an x509_san_dns: request says it is from (for the person to recognise it), and none for x509_hash:', async () => {
    const mismatch = await signedVerifier({ host: 'jobs.example', leaf: register.shop, dcql: RIGHT_TO_WORK_QUERY });
    expect((await refusal(sharerFor(mismatch.fetch).readRequest(mismatch.link))).details).toEqual({ verifierProblem: 'client-id-mismatch', claimedHost: 'jobs.example' });
    const unlisted = await makeVerifierCertificate(register.ca, { organizationIdentifier: 'GB-REG-9999', dnsNames: ['jobs.example'], ...VALID });
    const notOnRegister = await signedVerifier({ host: 'jobs.example', leaf: unlisted, dcql: RIGHT_TO_WORK_QUERY });
    expect((await refusal(sharerFor(notOnRegister.fetch).readRequest(notOnRegister.link))).details).toEqual({ verifierProblem: 'certificate-unlisted', claimedHost: 'jobs.example' });
    const byHash = await signedVerifier({ host: 'shop.example', leaf: register.shop, clientId: 'hash', signWith: register.jobs, dcql: OVER_ASKING_QUERY });
    expect((await refusal(sharerFor(byHash.fetch).readRequest(byHash.link))).details).toEqual({ verifierProblem: 'bad-signature' });
  });

  it('no trust list on the phone at all: refused, as unlisted', async () => {
    const v = await signedVerifier({ host: 'jobs.example', leaf: register.jobs, dcql: RIGHT_TO_WORK_QUERY });
    const sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime(), trust: { trustList: () => Promise.reject(new Error('no trust list')) }, verifier: workerSignatureVerifier() });
    expect(await refusal(sharer.readRequest(v.link))).toMatchObject({ code: 'verifier-untrusted', details: { verifierProblem: 'certificate-unlisted' } });
    expect(v.posts).toHaveLength(0);
  });

  it('refused even when nothing held would answer: the unconfirmed response_uri is not told access_denied', async () => {
    world.vault.credentials.splice(0, world.vault.credentials.length);
    const v = await signedVerifier({ host: 'jobs.example', leaf: register.jobs, responseUri: 'https://collector.example/response', dcql: RIGHT_TO_WORK_QUERY });
    expect(await refusal(sharerFor(v.fetch).readRequest(v.link))).toMatchObject({ code: 'verifier-untrusted', details: { verifierProblem: 'response-uri-mismatch' } });
    expect(v.posts).toHaveLength(0);
  });

  it('a registered verifier whose request nothing held answers is told access_denied as before (§8.5)', async () => {
    world.vault.credentials.splice(0, world.vault.credentials.length);
    const v = await signedVerifier({ host: 'jobs.example', leaf: register.jobs, dcql: RIGHT_TO_WORK_QUERY });
    expect(await refusal(sharerFor(v.fetch).readRequest(v.link))).toMatchObject({ code: 'nothing-matches', details: { verifierTold: true } });
    expect(v.posts.map((p) => p.get('error'))).toEqual(['access_denied']);
  });
});
