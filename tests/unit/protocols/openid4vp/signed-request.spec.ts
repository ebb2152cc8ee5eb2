/**
 * Signed request objects (OpenID4VP 1.0 §5.9.3 x509_san_dns: and x509_hash:, RFC 9101 §6.2, HAIP
 * 1.0): accepted by value (`request`) and by reference (`request_uri`, §5.10) when the JWS verifies
 * with the leaf's key, the x5c chain validates to a register CA (RFC 5280 §6) and the client id and
 * response_uri match the certificate; each refusal the issue lists, with its VerifierProblem and a
 * message a person can act on. Certificates are made per test (tests/shared/credentials/verifier-pki.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseAuthorizationRequestLink, resolveAuthorizationRequest, type AuthorizationRequestLink, type ResolveOptions } from '../../../../src/protocols/openid4vp/authorization-request';
import { RequestError, type VerifierProblem } from '../../../../src/protocols/openid4vp/request-object';
import { base64urlEncode } from '../../../../src/lib/base64url';
import type { SignatureVerifier } from '../../../../src/lib/signature-verifier';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { makeIntermediateCa, makeRegisterCa, makeVerifierCertificate, makeVerifierPki, signRequestObject, x509, x509HashClientId, type TestCa } from '../../../shared/credentials/verifier-pki';

const HOST = 'jobs.example';
const RESPONSE_URI = `https://${HOST}/response`;
const REQUEST_URI = `https://${HOST}/request/1`;
const SAN_CLIENT_ID = `x509_san_dns:${HOST}`;
const LEAF = { organizationIdentifier: 'GB-REG-0001', organizationName: 'Example Jobs Ltd', dnsNames: [HOST] };
const dcql = { credentials: [{ id: 'q', format: 'dc+sd-jwt', meta: { vct_values: ['v'] }, claims: [{ path: ['given_name'] }] }] };
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));

function payloadFor(clientId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { response_type: 'vp_token', response_mode: 'direct_post', client_id: clientId, response_uri: RESPONSE_URI, nonce: 'n-1', state: 's-1', dcql_query: dcql, exp: Math.floor(Date.now() / 1000) + 300, client_metadata: { client_name: 'Says anything' }, ...extra };
}

/** A link carrying the JWS by value, or by request_uri with a fetch that serves it. */
function delivered(jwt: string, clientId: string, by: 'value' | 'reference'): { link: AuthorizationRequestLink; fetch: typeof fetch } {
  if (by === 'value') return { link: { clientId, request: jwt, requestUriMethod: 'get' }, fetch: async () => expect.unreachable() };
  return { link: { clientId, requestUri: REQUEST_URI, requestUriMethod: 'get' }, fetch: async (input) => (String(input) === REQUEST_URI ? new Response(jwt, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } }) : new Response('', { status: 404 })) };
}


async function refusal(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof RequestError) return e;
    throw e;
  }
  throw new Error('the request was accepted');
}

async function expectUntrusted(promise: Promise<unknown>, problem: VerifierProblem, message: RegExp): Promise<void> {
  const e = await refusal(promise);
  expect({ code: e.code, problem: e.problem, message: e.message }).toEqual({ code: 'untrusted', problem, message: expect.stringMatching(message) });
}

/**
 * The suite, with `verifier` checking every batch: @noble/curves in Node (signed-request.test.ts),
 * and in Chromium both @noble/curves and the app's crypto worker (tests/browser/protocols/signed-request.test.ts).
 */
export function signedRequestSpecs(verifier: SignatureVerifier = nobleVerifier, label = '@noble/curves'): void {
  async function resolve(jwt: string, clientId: string, anchors: readonly Uint8Array[], o: Partial<ResolveOptions> & { by?: 'value' | 'reference' } = {}) {
    const { link, fetch } = delivered(jwt, clientId, o.by ?? 'value');
    return resolveAuthorizationRequest(link, { fetch, now: new Date(), verifier, anchors, ...o });
  }

  describe(`signed request objects (${label}): accepted`, () => {
    for (const prefix of ['x509_san_dns', 'x509_hash'] as const) {
      for (const by of ['value', 'reference'] as const) {
        it(`${prefix}: by ${by}, reporting the signer (its chain validated to the register CA)`, async () => {
          const { ca, leaf, x5c } = await makeVerifierPki(LEAF);
          const clientId = prefix === 'x509_san_dns' ? SAN_CLIENT_ID : await x509HashClientId(leaf.der);
          const jwt = await signRequestObject(payloadFor(clientId), leaf, x5c);
          const batches: unknown[][] = [];
          const recording: SignatureVerifier = { verifyBatch: (items) => (batches.push([...items]), verifier.verifyBatch(items)) };
          const other = await makeRegisterCa({ name: 'CN=Another Register, C=GB' });
          const r = await resolve(jwt, clientId, [other.der, ca.der], { by, verifier: recording });
          expect(r).toMatchObject({ clientId, nonce: 'n-1', responseUri: RESPONSE_URI, responseMode: 'direct_post', state: 's-1' });
          expect(r.signer).toEqual({ prefix, subject: expect.stringContaining('O=Example Jobs Ltd'), organizationIdentifier: 'GB-REG-0001', dnsNames: [HOST], anchor: ca.der });
          // One batch: the certificate's signature and the request's (RFC 9101 §6.2), together.
          expect(batches).toHaveLength(1);
          expect(batches[0]).toHaveLength(2);
        });
      }
    }

    it('through an intermediate, with the anchor repeated at the end of x5c; DNS names compared without case', async () => {
      const ca = await makeRegisterCa();
      const intermediate = await makeIntermediateCa(ca);
      const leaf = await makeVerifierCertificate(intermediate, { ...LEAF, dnsNames: ['Jobs.Example'] });
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), leaf, [leaf.der, intermediate.der, ca.der]);
      expect((await resolve(jwt, SAN_CLIENT_ID, [ca.der])).signer?.dnsNames).toEqual([HOST]);
    });
  });

  describe(`signed request objects (${label}): refused, nothing sent`, () => {
    let pki: { ca: TestCa; leaf: TestCa; x5c: Uint8Array[] };
    const fresh = async () => (pki = await makeVerifierPki(LEAF));

    it('a wrong signature: signed with another key than the certificate\'s, or tampered with', async () => {
      await fresh();
      const stranger = await makeVerifierPki(LEAF);
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), stranger.leaf, pki.x5c);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [pki.ca.der]), 'bad-signature', /signature does not match/);
      const good = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, pki.x5c);
      const [h, , s] = good.split('.');
      const tampered = `${h}.${seg(payloadFor(SAN_CLIENT_ID, { nonce: 'n-2' }))}.${s}`;
      await expectUntrusted(resolve(tampered, SAN_CLIENT_ID, [pki.ca.der], { by: 'reference' }), 'bad-signature', /signature does not match/);
    });

    it('a certificate not signed by its CA: certificate-invalid', async () => {
      await fresh();
      const forged = pki.leaf.der.slice();
      forged[forged.length - 1]! ^= 0x01;
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, [forged]);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /not signed by/);
    });

    it('an expired certificate', async () => {
      const old = await makeVerifierPki({ ...LEAF, notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2026-05-03T00:00:00Z') });
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), old.leaf, old.x5c);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [old.ca.der]), 'certificate-expired', /expired on 3 May 2026/);
    });

    it('an unlisted certificate, and a phone with no register of verifiers', async () => {
      await fresh();
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, pki.x5c);
      const other = await makeRegisterCa({ name: 'CN=Another Register, C=GB' });
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [other.der]), 'certificate-unlisted', /not a register of verifiers this phone trusts/);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, []), 'certificate-unlisted', /no register of verifiers yet/);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [], { anchors: undefined }), 'certificate-unlisted', /no register of verifiers yet/);
    });

    it('a SAN that does not match the x509_san_dns client id', async () => {
      const shop = await makeVerifierPki({ ...LEAF, dnsNames: ['shop.example'] });
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID, { response_uri: 'https://shop.example/response' }), shop.leaf, shop.x5c);
      await expectUntrusted(resolve(jwt, SAN_CLIENT_ID, [shop.ca.der]), 'client-id-mismatch', /signed with a certificate for shop\.example, but says it is from jobs\.example/);
    });

    it('an x509_hash client id of another certificate', async () => {
      await fresh();
      const other = await makeVerifierPki(LEAF);
      const clientId = await x509HashClientId(other.leaf.der);
      const jwt = await signRequestObject(payloadFor(clientId), pki.leaf, pki.x5c);
      await expectUntrusted(resolve(jwt, clientId, [pki.ca.der]), 'client-id-mismatch', /another certificate/);
    });

    it('a response_uri on another host than the certificate names', async () => {
      await fresh();
      for (const clientId of [SAN_CLIENT_ID, await x509HashClientId(pki.leaf.der)]) {
        const jwt = await signRequestObject(payloadFor(clientId, { response_uri: 'https://collect.evil.example/response' }), pki.leaf, pki.x5c);
        await expectUntrusted(resolve(jwt, clientId, [pki.ca.der]), 'response-uri-mismatch', /collect\.evil\.example/);
      }
    });

    it('an x5c chain that loops, is too long, has an issuer that is not a CA, or an unknown critical extension', async () => {
      await fresh();
      const loop = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, [pki.leaf.der, pki.leaf.der]);
      await expectUntrusted(resolve(loop, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /loops/);
      const intermediate = await makeIntermediateCa(pki.ca);
      const long = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, [pki.leaf.der, intermediate.der, intermediate.der, intermediate.der, pki.ca.der]);
      await expectUntrusted(resolve(long, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /5 certificates/);
      const notCa = await makeIntermediateCa(pki.ca, { ca: false });
      const leafOfNotCa = await makeVerifierCertificate(notCa, LEAF);
      const viaNotCa = await signRequestObject(payloadFor(SAN_CLIENT_ID), leafOfNotCa, [leafOfNotCa.der, notCa.der]);
      await expectUntrusted(resolve(viaNotCa, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /not a certificate authority/);
      const critical = await makeVerifierCertificate(pki.ca, { ...LEAF, extensions: [new x509.Extension('1.3.6.1.4.1.99999.1', true, Uint8Array.of(0x05, 0x00))] });
      const withCritical = await signRequestObject(payloadFor(SAN_CLIENT_ID), critical, [critical.der]);
      await expectUntrusted(resolve(withCritical, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /critical extension/);
    });

    it('x509 prefixes unsigned (alg none, or as URL parameters): nothing vouches for the name', async () => {
      await fresh();
      const unsigned = `${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payloadFor(SAN_CLIENT_ID))}.`;
      await expectUntrusted(resolve(unsigned, SAN_CLIENT_ID, [pki.ca.der]), 'bad-signature', /not signed/);
      const parameters = { ...payloadFor(SAN_CLIENT_ID) };
      delete parameters.exp;
      await expectUntrusted(resolveAuthorizationRequest({ clientId: SAN_CLIENT_ID, requestUriMethod: 'get', parameters }, { fetch, now: new Date(), verifier, anchors: [pki.ca.der] }), 'bad-signature', /not signed/);
    });

    it('malformed: a signed redirect_uri: request, another alg, no x5c, crit, another prefix, another client id than the link', async () => {
      await fresh();
      const redirect = `redirect_uri:${RESPONSE_URI}`;
      const signedRedirect = await signRequestObject(payloadFor(redirect), pki.leaf, pki.x5c);
      expect(await refusal(resolve(signedRedirect, redirect, [pki.ca.der]))).toMatchObject({ code: 'malformed', message: expect.stringMatching(/redirect_uri: .*must not be signed/) });
      const es384 = `${seg({ alg: 'ES384', typ: 'oauth-authz-req+jwt', x5c: [] })}.${seg(payloadFor(SAN_CLIENT_ID))}.${base64urlEncode(new Uint8Array(96))}`;
      expect(await refusal(resolve(es384, SAN_CLIENT_ID, [pki.ca.der]))).toMatchObject({ code: 'malformed', message: expect.stringMatching(/ES384.*ES256/) });
      const noX5c = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, pki.x5c, { x5c: undefined });
      await expectUntrusted(resolve(noX5c, SAN_CLIENT_ID, [pki.ca.der]), 'certificate-invalid', /no certificate/);
      const crit = `${seg({ alg: 'ES256', typ: 'oauth-authz-req+jwt', x5c: [], crit: ['exp'], exp: 1 })}.${seg(payloadFor(SAN_CLIENT_ID))}.${base64urlEncode(new Uint8Array(64))}`;
      expect(await refusal(resolve(crit, SAN_CLIENT_ID, [pki.ca.der]))).toMatchObject({ code: 'malformed', message: expect.stringMatching(/crit/) });
      const did = 'decentralized_identifier:did:example:123';
      const signedDid = await signRequestObject(payloadFor(did), pki.leaf, pki.x5c);
      expect(await refusal(resolve(signedDid, did, [pki.ca.der]))).toMatchObject({ code: 'malformed' });
      // §5.10: the link's client_id and the request object's are the same.
      const jwt = await signRequestObject(payloadFor(SAN_CLIENT_ID), pki.leaf, pki.x5c);
      expect(await refusal(resolve(jwt, 'x509_san_dns:other.example', [pki.ca.der]))).toMatchObject({ code: 'malformed', message: expect.stringMatching(/another client_id/) });
    });
  });

  /**
   * The OpenID4VP 1.0 examples that can be checked. None carries a real x5c signature (the spec's
   * signed examples are elided, "eyJrd...", or RS256 under redirect_uri: / decentralized_identifier:),
   * so the §5.4 link and the §5.10.1 payload are signed here with a certificate for client.example.org.
   */
  describe(`OpenID4VP 1.0 examples (${label})`, () => {
    // §5.4, "a request object passed by reference", and §5.10.1's request object payload.
    const LINK = 'https://wallet.example/universal-link?client_id=x509_san_dns%3Aclient.example.org&request_uri=https%3A%2F%2Fclient.example.org%2Frequest%2Fvapof4ql2i7m41m68uep&request_uri_method=post';
    const PAYLOAD = { client_id: 'x509_san_dns:client.example.org', response_uri: 'https://client.example.org/post', response_type: 'vp_token', response_mode: 'direct_post', dcql_query: dcql, nonce: 'n-0S6_WzA2Mj', wallet_nonce: 'qPmxiNFCR3QTm19POc8u', state: 'eyJhb...6-sVA' };

    it('§5.4 / §5.10.1: the by-reference link (request_uri_method post) and its x509_san_dns: request object', async () => {
      const link = parseAuthorizationRequestLink(LINK)!;
      expect(link).toEqual({ clientId: 'x509_san_dns:client.example.org', requestUri: 'https://client.example.org/request/vapof4ql2i7m41m68uep', requestUriMethod: 'post' });
      const pki = await makeVerifierPki({ ...LEAF, dnsNames: ['client.example.org'] });
      const jwt = await signRequestObject(PAYLOAD, pki.leaf, pki.x5c);
      const methods: string[] = [];
      const fetch: typeof globalThis.fetch = async (input, init) => {
        methods.push(`${init?.method} ${String(input)} ${new Headers(init?.headers).get('accept')}`);
        return new Response(jwt, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });
      };
      const r = await resolveAuthorizationRequest(link, { fetch, now: new Date(), verifier, anchors: [pki.ca.der] });
      // §5.10: POST with Accept application/oauth-authz-req+jwt.
      expect(methods).toEqual(['POST https://client.example.org/request/vapof4ql2i7m41m68uep application/oauth-authz-req+jwt']);
      expect(r).toMatchObject({ clientId: 'x509_san_dns:client.example.org', responseUri: 'https://client.example.org/post', nonce: 'n-0S6_WzA2Mj', state: 'eyJhb...6-sVA', signer: { prefix: 'x509_san_dns', dnsNames: ['client.example.org'] } });
    });

    it('§5.4: a request object under redirect_uri: signed (RS256) is refused; §5.9.3: decentralized_identifier: (RS256) too', async () => {
      const redirect = { iss: 'redirect_uri:https://client.example.org/cb', aud: 'https://self-issued.me/v2', response_type: 'vp_token', client_id: 'redirect_uri:https://client.example.org/cb', redirect_uri: 'https//client.example.org/cb', dcql_query: dcql, nonce: 'n-0S6_WzA2Mj' };
      const rs256 = `${seg({ alg: 'RS256', typ: 'oauth-authz-req+jwt' })}.${seg(redirect)}.${base64urlEncode(new Uint8Array(256))}`;
      expect(await refusal(resolve(rs256, redirect.client_id, []))).toMatchObject({ code: 'malformed', message: expect.stringMatching(/RS256.*ES256/) });
      const did = { client_id: 'decentralized_identifier:did:example:123', response_type: 'vp_token', redirect_uri: 'https://client.example.org/callback', nonce: 'n-0S6_WzA2Mj', dcql_query: dcql };
      const didJwt = `${seg({ typ: 'oauth-authz-req+jwt', alg: 'RS256', kid: 'did:example:123#1' })}.${seg(did)}.${base64urlEncode(new Uint8Array(256))}`;
      expect(await refusal(resolve(didJwt, did.client_id, []))).toMatchObject({ code: 'malformed' });
    });
  });
}
