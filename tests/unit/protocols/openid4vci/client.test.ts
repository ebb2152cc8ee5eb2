/**
 * The OpenID4VCI client against responses recorded from the reference issuer and against
 * malformed ones: 500, garbage JSON, wrong content type, missing fields, wrong tx_code with tries
 * left, expired code, timeouts, dropped connections, deferred issuance, invalid_nonce retry.
 */
import { describe, expect, it } from 'vitest';
import {
  createKeyProof,
  fetchIssuerMetadata,
  obtainCredential,
  parseOfferInput,
  pollDeferred,
  redeemOffer,
  resolveOffer,
  sendNotification,
  wellKnownUrl,
  Oid4vciError,
  type Holder,
  type ResolvedOffer,
} from '../../../../src/protocols/openid4vci/index';
import recorded from './recorded.json';
import { fakeFetch, json, text, type Answer } from './fake-fetch';

const ISSUER = 'https://dvla.example.gov.uk';
const META = `GET ${ISSUER}/.well-known/openid-credential-issuer`;
const AS_META = `GET ${ISSUER}/.well-known/oauth-authorization-server`;
const TOKEN = `POST ${ISSUER}/token`;
const NONCE = `POST ${ISSUER}/nonce`;
const CREDENTIAL = `POST ${ISSUER}/credential`;
const DEFERRED = `POST ${ISSUER}/deferred_credential`;
const OFFER_URI = `${ISSUER}/offers/abc`;

const offerText = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(recorded.offer))}`;

function routes(overrides: Record<string, Answer | Answer[]> = {}) {
  return fakeFetch({
    [META]: json(recorded.issuerMetadata),
    [AS_META]: json(recorded.authorizationServerMetadata),
    [TOKEN]: json(recorded.tokenResponse),
    [NONCE]: json(recorded.nonceResponse),
    [CREDENTIAL]: json(recorded.credentialResponse),
    [`GET ${OFFER_URI}`]: json(recorded.offer),
    ...overrides,
  });
}

async function expectError(promise: Promise<unknown>, kind: string, details: Record<string, unknown> = {}): Promise<Oid4vciError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Oid4vciError);
  expect((error as Oid4vciError).kind).toBe(kind);
  expect((error as Oid4vciError).details).toMatchObject(details);
  return error as Oid4vciError;
}

async function holder(): Promise<Holder & { verify(jwt: string): Promise<boolean> }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    publicJwk: { kty, crv, x, y },
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)),
    verify: async (jwt) => {
      const [h, p, s] = jwt.split('.');
      return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, Buffer.from(s!, 'base64url'), new TextEncoder().encode(`${h}.${p}`));
    },
  };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('offers (§4.1)', () => {
  it('reads an offer by value from openid-credential-offer:// text', () => {
    const input = parseOfferInput(offerText);
    expect(input).toEqual({
      kind: 'value',
      offer: {
        credentialIssuer: ISSUER,
        configurationIds: ['driving_licence'],
        preAuthorizedCode: 'recorded-pre-authorized-code',
        txCode: { inputMode: 'numeric', length: 5, description: 'Enter the 5-digit code from your letter' },
      },
    });
  });

  it('reads an offer by reference from an app link and fetches it as JSON', async () => {
    const input = parseOfferInput(`https://satchel.example/offer?credential_offer_uri=${encodeURIComponent(OFFER_URI)}`);
    expect(input).toEqual({ kind: 'reference', uri: OFFER_URI });
    const f = routes();
    const resolved = await resolveOffer(`openid-credential-offer://?credential_offer_uri=${encodeURIComponent(OFFER_URI)}`, { fetch: f.fetch });
    expect(resolved.offer.preAuthorizedCode).toBe('recorded-pre-authorized-code');
    expect(f.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${OFFER_URI}`, META]);
  });

  it.each([
    ['empty input', '   '],
    ['a web page link', 'https://www.gov.uk/'],
    ['random text', 'hello there'],
    ['truncated JSON', offerText.slice(0, offerText.length - 20)],
    ['both by value and by reference', `openid-credential-offer://?credential_offer=%7B%7D&credential_offer_uri=${encodeURIComponent(OFFER_URI)}`],
    ['an http (not https) reference', 'openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fevil.example%2Fo'],
    ['no grant Satchel supports', `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ ...recorded.offer, grants: { 'urn:example:other_grant': {} } }))}`],
    ['no configuration ids', `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ ...recorded.offer, credential_configuration_ids: [] }))}`],
    ['a non-URL issuer', `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ ...recorded.offer, credential_issuer: 'dvla' }))}`],
  ])('refuses %s as invalid-offer', (_, input) => {
    expect(() => parseOfferInput(input)).toThrow(Oid4vciError);
    try {
      parseOfferInput(input);
    } catch (e) {
      expect((e as Oid4vciError).kind).toBe('invalid-offer');
    }
  });

  it('an offer by reference answered with HTML is a bad response', async () => {
    const f = routes({ [`GET ${OFFER_URI}`]: text('<html>offer</html>') });
    await expectError(resolveOffer(`openid-credential-offer://?credential_offer_uri=${encodeURIComponent(OFFER_URI)}`, { fetch: f.fetch }), 'bad-response');
  });

  it('an offered configuration the metadata does not describe is refused', async () => {
    const offer = { ...recorded.offer, credential_configuration_ids: ['passport'] };
    const f = routes();
    await expectError(resolveOffer(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`, { fetch: f.fetch }), 'invalid-offer');
  });
});

describe('metadata (§12.2, RFC 8414)', () => {
  it('inserts the well-known segment before the issuer path (§12.2.2)', () => {
    expect(wellKnownUrl('https://issuer.example', 'openid-credential-issuer')).toBe('https://issuer.example/.well-known/openid-credential-issuer');
    expect(wellKnownUrl('https://issuer.example/tenant/', 'openid-credential-issuer')).toBe('https://issuer.example/.well-known/openid-credential-issuer/tenant');
    expect(wellKnownUrl('https://as.example/a/b', 'oauth-authorization-server')).toBe('https://as.example/.well-known/oauth-authorization-server/a/b');
  });

  it('keeps display names and claim paths from credential_metadata', async () => {
    const f = routes();
    const metadata = await fetchIssuerMetadata(ISSUER, { fetch: f.fetch });
    expect(metadata.display).toEqual([{ name: 'Driver and Vehicle Licensing Agency', locale: 'en-GB' }, { name: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau', locale: 'cy-GB' }]);
    const licence = metadata.configurations.driving_licence!;
    expect(licence.vct).toBe('https://satchel.example/credentials/driving-licence');
    expect(licence.claims[0]).toEqual({ path: ['given_name'], display: [{ name: 'Given name', locale: 'en-GB' }, { name: 'Enw cyntaf', locale: 'cy-GB' }] });
    expect(metadata.nonceEndpoint).toBe(`${ISSUER}/nonce`);
  });

  it('reads an ISO mdoc configuration (Appendix A.2.2): doctype as its type, claims by [namespace, element]', async () => {
    const mdl = {
      format: 'mso_mdoc',
      doctype: 'org.iso.18013.5.1.mDL',
      cryptographic_binding_methods_supported: ['cose_key'],
      credential_signing_alg_values_supported: [-7],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
      credential_metadata: {
        display: [{ name: 'Mobile driving licence', locale: 'en-GB' }],
        claims: [{ path: ['org.iso.18013.5.1', 'age_over_18'], display: [{ name: 'Aged 18 or over', locale: 'en-GB' }] }],
      },
    };
    const f = routes({ [META]: json({ ...recorded.issuerMetadata, credential_configurations_supported: { mobile_driving_licence: mdl, no_doctype: { ...mdl, doctype: 42 } } }) });
    const metadata = await fetchIssuerMetadata(ISSUER, { fetch: f.fetch });
    const licence = metadata.configurations.mobile_driving_licence!;
    expect(licence).toMatchObject({ format: 'mso_mdoc', doctype: 'org.iso.18013.5.1.mDL', proofAlgorithms: ['ES256'] });
    expect(licence.vct).toBeUndefined();
    expect(licence.claims).toEqual([{ path: ['org.iso.18013.5.1', 'age_over_18'], display: [{ name: 'Aged 18 or over', locale: 'en-GB' }] }]);
    // A doctype that is not text names no type: the wallet refuses to offer it (wallet/receive).
    expect(metadata.configurations.no_doctype!.doctype).toBeUndefined();
  });

  it('uses path insertion when fetching a tenant issuer', async () => {
    const tenant = `${ISSUER}/tenant`;
    const f = fakeFetch({ [`GET ${ISSUER}/.well-known/openid-credential-issuer/tenant`]: json({ ...recorded.issuerMetadata, credential_issuer: tenant }) });
    expect((await fetchIssuerMetadata(tenant, { fetch: f.fetch })).credentialIssuer).toBe(tenant);
  });

  it.each<[string, Answer, string]>([
    ['500', text('Internal Server Error', 500, 'text/plain'), 'http'],
    ['garbage JSON', text('{"credential_issuer": "https://dvla', 200, 'application/json'), 'bad-response'],
    ['the wrong content type', text(JSON.stringify(recorded.issuerMetadata), 200, 'text/html'), 'bad-response'],
    ['a missing credential_endpoint', json({ ...recorded.issuerMetadata, credential_endpoint: undefined }), 'bad-response'],
    ['metadata for another issuer', json({ ...recorded.issuerMetadata, credential_issuer: 'https://evil.example' }), 'bad-response'],
    ['a JSON array', json([1, 2]), 'bad-response'],
    ['no configurations', json({ ...recorded.issuerMetadata, credential_configurations_supported: undefined }), 'bad-response'],
    ['a dropped connection', 'network-error', 'network'],
  ])('metadata answered with %s → %s', async (_, answer, kind) => {
    const f = routes({ [META]: answer });
    await expectError(fetchIssuerMetadata(ISSUER, { fetch: f.fetch }), kind);
  });

  it('reads display and claims placed at the top level by pre-1.0 issuers', async () => {
    const config = recorded.issuerMetadata.credential_configurations_supported.driving_licence;
    const { credential_metadata: meta, ...rest } = config;
    const f = routes({ [META]: json({ ...recorded.issuerMetadata, credential_configurations_supported: { driving_licence: { ...rest, display: meta.display, claims: meta.claims } } }) });
    const licence = (await fetchIssuerMetadata(ISSUER, { fetch: f.fetch })).configurations.driving_licence!;
    expect(licence.display[1]).toEqual({ name: 'Trwydded yrru', locale: 'cy-GB' });
    expect(licence.claims).toHaveLength(3);
  });

  it('an answer larger than the limit is a bad response', async () => {
    const f = routes({ [META]: text(`{"x":"${'a'.repeat(1024 * 1024)}"}`, 200, 'application/json') });
    await expectError(fetchIssuerMetadata(ISSUER, { fetch: f.fetch }), 'bad-response');
  });

  it('an offer naming an authorisation server the issuer does not list is refused; a listed one is used', async () => {
    const AS = 'https://auth.example.gov.uk';
    const offer = { ...recorded.offer, grants: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'c', authorization_server: AS } } };
    const text_ = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    const unlisted = routes();
    const resolved = await resolveOffer(text_, { fetch: unlisted.fetch });
    await expectError(redeemOffer(resolved, undefined, { fetch: unlisted.fetch }), 'invalid-offer');
    const listed = routes({
      [META]: json({ ...recorded.issuerMetadata, authorization_servers: [AS] }),
      [`GET ${AS}/.well-known/oauth-authorization-server`]: json({ issuer: AS, token_endpoint: `${AS}/token` }),
      [`POST ${AS}/token`]: json(recorded.tokenResponse),
    });
    const resolved2 = await resolveOffer(text_, { fetch: listed.fetch });
    expect((await redeemOffer(resolved2, undefined, { fetch: listed.fetch })).accessToken).toBe('recorded-access-token');
    // No tx_code in the offer: none is sent (§6.1).
    expect(new URLSearchParams(listed.requests.find((r) => r.url === `${AS}/token`)!.body).has('tx_code')).toBe(false);
  });

  it('falls back to OpenID Connect discovery when the authorisation server has no RFC 8414 document', async () => {
    const f = routes({ [AS_META]: text('not found', 404, 'text/plain'), [`GET ${ISSUER}/.well-known/openid-configuration`]: json(recorded.authorizationServerMetadata) });
    const resolved = await resolveOffer(offerText, { fetch: f.fetch });
    expect((await redeemOffer(resolved, '12345', { fetch: f.fetch })).accessToken).toBe('recorded-access-token');
    const broken = routes({ [AS_META]: text('oops', 500, 'text/plain') });
    await expectError(redeemOffer(resolved, '12345', { fetch: broken.fetch }), 'http', { status: 500 });
  });

  it('a server that never answers times out', async () => {
    const f = routes({ [META]: 'hang' });
    const error = await expectError(fetchIssuerMetadata(ISSUER, { fetch: f.fetch, timeoutMs: 50 }), 'timeout');
    expect(error.message).toContain('did not answer');
  });
});

describe('token request (§6)', () => {
  async function resolved(): Promise<ResolvedOffer> {
    return resolveOffer(offerText, { fetch: routes().fetch });
  }

  it('posts the pre-authorised code and tx_code form-encoded (§6.1)', async () => {
    const f = routes();
    const token = await redeemOffer(await resolved(), '12345', { fetch: f.fetch, now: () => 1_000_000 });
    expect(token).toEqual({ accessToken: 'recorded-access-token', expiresAt: 1_000_000 + 600_000 });
    const request = f.requests.find((r) => r.url.endsWith('/token'))!;
    expect(request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
      'pre-authorized_code': 'recorded-pre-authorized-code',
      tx_code: '12345',
    });
  });

  it('a wrong tx_code says how many tries are left', async () => {
    const f = routes({ [TOKEN]: json(recorded.wrongTxCode, 400) });
    const error = await expectError(redeemOffer(await resolved(), '00000', { fetch: f.fetch }), 'oauth', { oauthError: 'invalid_grant', triesLeft: 2, status: 400 });
    expect(error.details.description).toContain('transaction code is wrong');
  });

  it('an expired code is invalid_grant without tries', async () => {
    const f = routes({ [TOKEN]: json(recorded.expiredCode, 400) });
    const error = await expectError(redeemOffer(await resolved(), '12345', { fetch: f.fetch }), 'oauth', { oauthError: 'invalid_grant' });
    expect(error.details.triesLeft).toBeUndefined();
    // §6.3: after a tx_code, invalid_grant may mean a wrong code as well: the error says a code was sent.
    expect(error.details.txCodeSent).toBe(true);
  });

  it.each<[string, Answer, string]>([
    ['500 with an HTML page', text('<h1>oops</h1>', 500), 'http'],
    ['503 with an OAuth-looking body', json({ error: 'temporarily_unavailable' }, 503), 'http'],
    ['400 with a non-JSON body', text('bad', 400, 'text/plain'), 'http'],
    ['no access_token', json({ token_type: 'Bearer' }), 'bad-response'],
    ['a DPoP token type', json({ access_token: 'x', token_type: 'DPoP' }), 'bad-response'],
    ['garbage', text('\u0000\u0001', 200, 'application/json'), 'bad-response'],
  ])('token endpoint answering %s → %s', async (_, answer, kind) => {
    const f = routes({ [TOKEN]: answer });
    await expectError(redeemOffer(await resolved(), '12345', { fetch: f.fetch }), kind);
  });
});

describe('credential request (§7, §8, §9, §11, Appendix F.1)', () => {
  async function metadata() {
    return (await resolveOffer(offerText, { fetch: routes().fetch })).metadata;
  }

  it('sends one key proof with the c_nonce, signed by the holder key', async () => {
    const f = routes();
    const h = await holder();
    const response = await obtainCredential(await metadata(), 'recorded-access-token', 'driving_licence', h, { fetch: f.fetch, now: () => 1_700_000_000_000 });
    expect(response).toEqual({ kind: 'issued', credentials: ['eyJhbGciOiJFUzI1NiJ9.e30.sig~'], notificationId: 'recorded-notification' });
    const request = f.requests.find((r) => r.url.endsWith('/credential'))!;
    expect(request.headers.get('Authorization')).toBe('Bearer recorded-access-token');
    const body = JSON.parse(request.body);
    expect(body.credential_configuration_id).toBe('driving_licence');
    const proof: string = body.proofs.jwt[0];
    const [header, payload] = proof.split('.');
    expect(decode(header!)).toEqual({ typ: 'openid4vci-proof+jwt', alg: 'ES256', jwk: h.publicJwk });
    expect(decode(payload!)).toEqual({ aud: ISSUER, iat: 1_700_000_000, nonce: 'recorded-nonce' });
    expect(await h.verify(proof)).toBe(true);
  });

  it('an mdoc arrives as the base64url IssuerSigned text (Appendix A.2.4), kept as sent', async () => {
    const issuerSigned = 'omppc3N1ZXJBdXRohEOhASahGCGAWQ';
    const f = routes({ [CREDENTIAL]: json({ credentials: [{ credential: issuerSigned }], notification_id: 'n-1' }) });
    const response = await obtainCredential(await metadata(), 'recorded-access-token', 'driving_licence', await holder(), { fetch: f.fetch });
    expect(response).toEqual({ kind: 'issued', credentials: [issuerSigned], notificationId: 'n-1' });
  });

  it('retries once with a fresh nonce on invalid_nonce', async () => {
    const f = routes({ [CREDENTIAL]: [json(recorded.invalidNonce, 400), json(recorded.credentialResponse)], [NONCE]: [json({ c_nonce: 'n1' }), json({ c_nonce: 'n2' })] });
    const response = await obtainCredential(await metadata(), 't', 'driving_licence', await holder(), { fetch: f.fetch });
    expect(response.kind).toBe('issued');
    const proofs = f.requests.filter((r) => r.url.endsWith('/credential')).map((r) => decode(JSON.parse(r.body).proofs.jwt[0].split('.')[1]).nonce);
    expect(proofs).toEqual(['n1', 'n2']);
  });

  it('gives up after a second invalid_nonce', async () => {
    const f = routes({ [CREDENTIAL]: json(recorded.invalidNonce, 400) });
    await expectError(obtainCredential(await metadata(), 't', 'driving_licence', await holder(), { fetch: f.fetch }), 'oauth', { oauthError: 'invalid_nonce' });
    expect(f.requests.filter((r) => r.url.endsWith('/credential'))).toHaveLength(2);
  });

  it('deferred issuance: 202 with transaction_id, then polling until 200 (§9)', async () => {
    const f = routes({
      [CREDENTIAL]: json(recorded.deferredResponse, 202),
      [DEFERRED]: [json(recorded.deferredResponse, 202), json(recorded.credentialResponse)],
    });
    const md = await metadata();
    const first = await obtainCredential(md, 't', 'driving_licence', await holder(), { fetch: f.fetch });
    expect(first).toEqual({ kind: 'deferred', transactionId: 'recorded-transaction', intervalS: 2 });
    expect(await pollDeferred(md, 't', 'recorded-transaction', { fetch: f.fetch })).toEqual({ kind: 'deferred', transactionId: 'recorded-transaction', intervalS: 2 });
    expect((await pollDeferred(md, 't', 'recorded-transaction', { fetch: f.fetch })).kind).toBe('issued');
    expect(JSON.parse(f.requests.filter((r) => r.url.endsWith('/deferred_credential'))[0]!.body)).toEqual({ transaction_id: 'recorded-transaction' });
  });

  it.each<[string, Answer, string]>([
    ['500', text('Internal Server Error', 500, 'text/plain'), 'http'],
    ['an empty credentials list', json({ credentials: [] }), 'bad-response'],
    ['a credential that is not text', json({ credentials: [{ credential: 42 }] }), 'bad-response'],
    ['the wrong content type', text(JSON.stringify(recorded.credentialResponse), 200, 'text/plain'), 'bad-response'],
    ['202 without a transaction_id', json({}, 202), 'bad-response'],
    ['a dropped connection', 'network-error', 'network'],
  ])('credential endpoint answering %s → %s', async (_, answer, kind) => {
    const f = routes({ [CREDENTIAL]: answer });
    await expectError(obtainCredential(await metadata(), 't', 'driving_licence', await holder(), { fetch: f.fetch }), kind);
  });

  it('a proof signer returning a wrong-length signature is misuse', async () => {
    await expect(createKeyProof({ issuer: ISSUER, publicJwk: (await holder()).publicJwk, sign: async () => new Uint8Array(10) })).rejects.toThrow(TypeError);
  });

  it('notification: 204 is success, an OAuth error is reported (§11)', async () => {
    const ok = fakeFetch({ [`POST ${ISSUER}/notification`]: new Response(null, { status: 204 }) });
    await sendNotification(`${ISSUER}/notification`, 't', 'n', 'credential_accepted', { fetch: ok.fetch });
    expect(JSON.parse(ok.requests[0]!.body)).toEqual({ notification_id: 'n', event: 'credential_accepted' });
    const bad = fakeFetch({ [`POST ${ISSUER}/notification`]: json({ error: 'invalid_notification_id' }, 400) });
    await expectError(sendNotification(`${ISSUER}/notification`, 't', 'n', 'credential_accepted', { fetch: bad.fetch }), 'oauth', { oauthError: 'invalid_notification_id' });
  });
});
