/**
 * Interop: signed request objects made by an implementation we did not write, the OpenWallet
 * Foundation's oid4vc-ts (`@openid4vc/openid4vp` 0.4.6 `Openid4vpVerifier`), read by Satchel's
 * resolveAuthorizationRequest. oid4vc-ts builds the request object and its JOSE header
 * (`typ` oauth-authz-req+jwt, `x5c` from a signer of method 'x5c', RFC 9101 §4 / OpenID4VP 1.0
 * §5.9.3) and checks the client id against the certificate itself (getX509CertificateMetadata,
 * x509 hash); only the ES256 signing is a callback, done here with jose on the leaf's WebCrypto key.
 *
 *   x509_san_dns: and x509_hash:, each by value (`request`) and by reference (`request_uri`, served
 *   by an in-test fetch): accepted, the signer reported with its organizationIdentifier and DNS names;
 *   the same request with its payload changed after signing: refused ('bad-signature').
 */
import { describe, expect, it } from 'vitest';
import { Openid4vpVerifier } from '@openid4vc/openid4vp';
import { createHash } from 'node:crypto';
import { base64url, CompactSign, decodeProtectedHeader, exportJWK, type JWK } from 'jose';
import { parseAuthorizationRequestLink, resolveAuthorizationRequest } from '../../../src/protocols/openid4vp/authorization-request';
import { parseCertificate } from '../../../src/credentials/x509/certificate';
import { base64Decode } from '../../../src/credentials/trust-list';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { base64Der, makeVerifierPki, x509HashClientId } from '../../shared/credentials/verifier-pki';

const HOST = 'verifier.example';
const ORIGIN = `https://${HOST}`;
const RESPONSE_URI = `${ORIGIN}/response`;
const DCQL = { credentials: [{ id: 'work', format: 'dc+sd-jwt', meta: { vct_values: ['https://home-office.example.gov.uk/right-to-work'] }, claims: [{ path: ['given_name'] }, { path: ['right_to_work'] }] }] };

async function owfVerifier(leafKeys: CryptoKeyPair) {
  const signerJwk = (await exportJWK(leafKeys.publicKey)) as JWK;
  return new Openid4vpVerifier({
    callbacks: {
      hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()),
      // oid4vc-ts hands over the header it built (alg, x5c, typ) and the payload; this signs them, unchanged.
      signJwt: async (signer, jwt) => {
        if (signer.method !== 'x5c' || signer.alg !== 'ES256') throw new Error('this verifier signs with its x5c leaf key, ES256');
        const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload))).setProtectedHeader(jwt.header as never).sign(leafKeys.privateKey);
        return { jwt: token, signerJwk: signerJwk as never };
      },
      // Read with Satchel's own parser only for the SAN list oid4vc-ts checks the client id against.
      getX509CertificateMetadata: (certificate: string) => ({ sanDnsNames: [...parseCertificate(base64Decode(certificate)!, 'x5c[0]').dnsNames], sanUriNames: [] }),
      verifyJwt: async () => ({ verified: false }),
      encryptJwe: async () => {
        throw new Error('not used');
      },
      decryptJwe: async () => ({ decrypted: false as const }),
    } as ConstructorParameters<typeof Openid4vpVerifier>[0]['callbacks'],
  });
}

async function setUp() {
  const pki = await makeVerifierPki({ organizationIdentifier: 'GB-REG-0001', organizationName: 'Example Jobs Ltd', dnsNames: [HOST] });
  const verifier = await owfVerifier(pki.leaf.keys);
  const served = new Map<string, string>();
  const fetch: typeof globalThis.fetch = async (input) => {
    const jwt = served.get(String(input));
    return jwt === undefined ? new Response('', { status: 404 }) : new Response(jwt, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });
  };
  let counter = 0;
  const create = async (clientId: string, by: 'value' | 'reference') => {
    const requestUri = `${ORIGIN}/request/${++counter}`;
    const created = await verifier.createOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: { response_type: 'vp_token', client_id: clientId, response_uri: RESPONSE_URI, response_mode: 'direct_post', nonce: `n-${counter}`, dcql_query: DCQL, client_metadata: { client_name: 'Example Jobs' } },
      jar: { jwtSigner: { method: 'x5c', x5c: [base64Der(pki.leaf.der)], alg: 'ES256' }, expiresInSeconds: 300, ...(by === 'reference' ? { requestUri } : {}) },
    });
    const jwt = created.jar!.authorizationRequestJwt;
    if (by === 'reference') served.set(requestUri, jwt);
    return { link: created.authorizationRequest, jwt, requestUri };
  };
  const read = (link: string) => resolveAuthorizationRequest(parseAuthorizationRequestLink(link)!, { fetch, now: new Date(), verifier: nobleVerifier, anchors: [pki.ca.der] });
  return { pki, create, read, served };
}

describe('oid4vc-ts verifier, signed request objects → Satchel', () => {
  for (const prefix of ['x509_san_dns', 'x509_hash'] as const) {
    for (const by of ['value', 'reference'] as const) {
      it(`${prefix}: by ${by}: accepted, the signer reported`, async () => {
        const { pki, create, read } = await setUp();
        const clientId = prefix === 'x509_san_dns' ? `x509_san_dns:${HOST}` : await x509HashClientId(pki.leaf.der);
        const { link, jwt } = await create(clientId, by);
        // oid4vc-ts's own header: typ, alg and the leaf in x5c.
        expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', typ: 'oauth-authz-req+jwt', x5c: [base64Der(pki.leaf.der)] });
        expect(new URL(link).searchParams.has(by === 'value' ? 'request' : 'request_uri')).toBe(true);

        const request = await read(link);
        expect(request).toMatchObject({ clientId, responseUri: RESPONSE_URI, responseMode: 'direct_post', verifierName: 'Example Jobs' });
        expect(request.signer).toEqual({ prefix, subject: expect.stringContaining('O=Example Jobs Ltd'), organizationIdentifier: 'GB-REG-0001', dnsNames: [HOST], anchor: pki.ca.der });
      });
    }
  }

  it('a request object changed after oid4vc-ts signed it is refused, nothing sent', async () => {
    const { create, read, served } = await setUp();
    const { jwt, requestUri } = await create(`x509_san_dns:${HOST}`, 'reference');
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
    // Ask for more than the verifier signed for.
    const changed = { ...claims, dcql_query: { credentials: [{ ...DCQL.credentials[0], claims: [{ path: ['given_name'] }, { path: ['birth_date'] }] }] } };
    const changedPayload = base64url.encode(JSON.stringify(changed));
    served.set(requestUri, `${header}.${changedPayload}.${signature}`);
    const link = `openid4vp://?${new URLSearchParams({ client_id: `x509_san_dns:${HOST}`, request_uri: requestUri })}`;
    await expect(read(link)).rejects.toMatchObject({ code: 'untrusted', problem: 'bad-signature' });
  });
});
