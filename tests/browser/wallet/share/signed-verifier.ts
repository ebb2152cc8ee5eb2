/**
 * Test verifiers for "who is asking" (docs/sharing.md): a register of verifiers (its CA and two
 * registered organisations, certificates from tests/shared/credentials/verifier-pki.ts) and an
 * online verifier as the sharer's fetch, serving a signed request object (OpenID4VP 1.0 §5.9.3
 * x509_san_dns: / x509_hash:, RFC 9101) by request_uri or by value, and recording every POST to
 * its response_uri.
 */
import type { RegisteredVerifier, VerifierRegisterInput } from '../../../../src/credentials/index';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { makeRegisterCa, makeVerifierCertificate, signRequestObject, x509HashClientId, type TestCa, type VerifierLeaf } from '../../../shared/credentials/verifier-pki';
import { NOW } from '../../support/share-fixtures';

const DAY_MS = 86_400_000;
/** Certificates valid around the tests' clock (NOW), not the machine's. */
export const VALID = { notBefore: new Date(NOW.getTime() - DAY_MS), notAfter: new Date(NOW.getTime() + 365 * DAY_MS) };

export const JOBS: RegisteredVerifier = {
  id: 'GB-REG-0001',
  name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' },
  registration: { en: 'Registered to check the right to work', cy: 'Wedi cofrestru i wirio’r hawl i weithio' },
  permitted: [{ types: [CREDENTIAL_TYPES.rightToWork], claims: [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']] }],
};
export const SHOP: RegisteredVerifier = {
  id: 'GB-REG-0002',
  name: { en: 'Corner Shop', cy: 'Siop y Gornel' },
  registration: { en: 'Registered to check age', cy: 'Wedi cofrestru i wirio oedran' },
  permitted: [{ types: [CREDENTIAL_TYPES.drivingLicence], claims: [['age_over_18']] }],
};

/** What the job site asks (all of it registered) and what the shop asks (its registration covers only age_over_18). */
export const RIGHT_TO_WORK_QUERY = { credentials: [{ id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['given_name'] }, { path: ['family_name'] }, { path: ['right_to_work'] }] }] };
export const OVER_ASKING_QUERY = { credentials: [{ id: 'age', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }, { path: ['given_name'] }, { path: ['birth_date'] }] }] };

export interface Register {
  ca: TestCa;
  jobs: VerifierLeaf;
  shop: VerifierLeaf;
  input: VerifierRegisterInput;
}

/** A register CA, the job site's certificate (jobs.example) and the shop's (shop.example), and the register the trust list carries. */
export async function makeRegister(): Promise<Register> {
  const ca = await makeRegisterCa(VALID);
  const jobs = await makeVerifierCertificate(ca, { organizationIdentifier: JOBS.id, organizationName: JOBS.name.en, dnsNames: ['jobs.example'], ...VALID });
  const shop = await makeVerifierCertificate(ca, { organizationIdentifier: SHOP.id, organizationName: SHOP.name.en, dnsNames: ['shop.example'], ...VALID });
  return { ca, jobs, shop, input: { anchors: [ca.der], verifiers: [JOBS, SHOP] } };
}

export interface SignedVerifierOptions {
  host: string;
  /** The certificate whose key signs and which heads x5c. */
  leaf: VerifierLeaf;
  /** x5c after the leaf (default: none; the anchor need not be sent). */
  chain?: Uint8Array[];
  /** Default x509_san_dns:<host>; 'hash' for x509_hash: of the leaf. */
  clientId?: string | 'hash';
  dcql: unknown;
  /** Sign with this key instead of the leaf's (a forged signature). */
  signWith?: { keys: CryptoKeyPair };
  /** Default https://<host>/response. */
  responseUri?: string;
  /** `request=` in the link instead of request_uri (§5). */
  byValue?: boolean;
  /** What the request calls itself (client_metadata.client_name): never shown as confirmed. */
  clientName?: string;
}

/** An online verifier with a signed request: the fetch the sharer uses, what was POSTed, and the link to read. */
export async function signedVerifier(o: SignedVerifierOptions) {
  const responseUri = o.responseUri ?? `https://${o.host}/response`;
  const clientId = o.clientId === 'hash' ? await x509HashClientId(o.leaf.der) : o.clientId ?? `x509_san_dns:${o.host}`;
  const iat = Math.floor(NOW.getTime() / 1000);
  const payload = {
    response_type: 'vp_token',
    response_mode: 'direct_post',
    client_id: clientId,
    response_uri: responseUri,
    nonce: 'nonce-signed-1',
    state: 'state-signed',
    dcql_query: o.dcql,
    iat,
    exp: iat + 600,
    client_metadata: { client_name: o.clientName ?? 'What the request says' },
  };
  const jws = await signRequestObject(payload, o.signWith ?? o.leaf, [o.leaf.der, ...(o.chain ?? [])]);
  const requestUri = `https://${o.host}/request/1`;
  const posts: URLSearchParams[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === requestUri) return new Response(jws, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });
    if (url === responseUri && init?.method === 'POST') {
      posts.push(new URLSearchParams(String(init.body)));
      return Response.json({});
    }
    return new Response('not found', { status: 404 });
  };
  const link = o.byValue
    ? `openid4vp://?client_id=${encodeURIComponent(clientId)}&request=${jws}`
    : `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(requestUri)}`;
  return { fetch, posts, link, clientId };
}
