/**
 * Where the OpenID4VCI client may connect and how much it reads: issuer URLs (credential_issuer,
 * credential_offer_uri, metadata endpoints, authorisation server) must pass the wallet's
 * remote-URL policy (src/lib/remote-url.ts: production refuses loopback hosts, demo and test
 * builds opt in), and a body is read in chunks and refused once past the cap (src/lib/bounded-fetch.ts).
 */
import { describe, expect, it } from 'vitest';
import { fetchIssuerMetadata, MAX_RESPONSE_BYTES, Oid4vciError, parseOfferInput, redeemOffer, resolveOffer } from '../../../../src/protocols/openid4vci/index';
import recorded from './recorded.json';
import { fakeFetch, json } from './fake-fetch';
import { redirectingFetch } from '../../../shared/redirecting-fetch';

const LOCAL = 'http://localhost:5174';
const DEMO = { allowLoopback: true };

const offerFrom = (issuer: string) => `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ ...recorded.offer, credential_issuer: issuer }))}`;

function kindOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (e) {
    return e instanceof Oid4vciError ? e.kind : 'other';
  }
  return undefined;
}

async function rejectionOf(promise: Promise<unknown>): Promise<Oid4vciError> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Oid4vciError);
  return e as Oid4vciError;
}

/** Metadata of a loopback issuer, as the reference DVLA on localhost would publish it. */
function localMetadata(overrides: Record<string, unknown> = {}) {
  return { ...recorded.issuerMetadata, credential_issuer: LOCAL, credential_endpoint: `${LOCAL}/credential`, nonce_endpoint: `${LOCAL}/nonce`, ...overrides };
}

describe('remote-URL policy (production refuses loopback issuers)', () => {
  it.each([
    ['a loopback credential_issuer', offerFrom(LOCAL)],
    ['a 127.0.0.1 credential_issuer', offerFrom('http://127.0.0.1:5174')],
    ['a loopback credential_offer_uri', `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${LOCAL}/offers/1`)}`],
    ['an https loopback credential_offer_uri', `https://wallet.example/offer?credential_offer_uri=${encodeURIComponent('https://localhost/offers/1')}`],
  ])('production refuses %s as invalid-offer; a demo build accepts it', (_, input) => {
    expect(kindOf(() => parseOfferInput(input))).toBe('invalid-offer');
    expect(kindOf(() => parseOfferInput(input, DEMO))).toBeUndefined();
  });

  it('production does not contact a loopback issuer at all', async () => {
    const f = fakeFetch({ [`GET ${LOCAL}/.well-known/openid-credential-issuer`]: json(localMetadata()) });
    await rejectionOf(fetchIssuerMetadata(LOCAL, { fetch: f.fetch }));
    expect(f.requests).toEqual([]);
    expect((await fetchIssuerMetadata(LOCAL, { fetch: f.fetch, remoteUrls: DEMO })).credentialEndpoint).toBe(`${LOCAL}/credential`);
  });

  it.each([
    ['credential_endpoint', { credential_endpoint: 'http://localhost:9/credential' }],
    ['nonce_endpoint', { nonce_endpoint: 'http://127.0.0.1/nonce' }],
    ['authorization_servers', { authorization_servers: ['http://localhost:9'] }],
  ])('an https issuer whose %s is on this device is refused in production', async (_, overrides) => {
    const issuer = 'https://dvla.example.gov.uk';
    const f = fakeFetch({ [`GET ${issuer}/.well-known/openid-credential-issuer`]: json({ ...recorded.issuerMetadata, ...overrides }) });
    expect((await rejectionOf(fetchIssuerMetadata(issuer, { fetch: f.fetch }))).kind).toBe('bad-response');
  });

  it('a token endpoint on this device is refused in production, before the pre-authorised code is sent', async () => {
    const issuer = 'https://dvla.example.gov.uk';
    const f = fakeFetch({
      [`GET ${issuer}/.well-known/openid-credential-issuer`]: json(recorded.issuerMetadata),
      [`GET ${issuer}/.well-known/oauth-authorization-server`]: json({ ...recorded.authorizationServerMetadata, token_endpoint: 'http://localhost:9/token' }),
    });
    const resolved = await resolveOffer(offerFrom(issuer), { fetch: f.fetch });
    await rejectionOf(redeemOffer(resolved, '12345', { fetch: f.fetch }));
    expect(f.requests.some((r) => r.url.includes('localhost'))).toBe(false);
  });
});

describe('response size (bodies streamed and stopped at the cap)', () => {
  it('an endless body is refused as too large once past the cap, without reading on', async () => {
    const issuer = 'https://dvla.example.gov.uk';
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const endless = () => new Response(new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }), { headers: { 'Content-Type': 'application/json' } });
    const f = fakeFetch({ [`GET ${issuer}/.well-known/openid-credential-issuer`]: endless });
    const error = await rejectionOf(fetchIssuerMetadata(issuer, { fetch: f.fetch, timeoutMs: 60_000 }));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than|too large/);
    expect(sent).toBeLessThan(MAX_RESPONSE_BYTES + 4 * chunk.byteLength);
  });

  it('a declared Content-Length over the cap is refused without reading the body', async () => {
    const issuer = 'https://dvla.example.gov.uk';
    // A body that never ends: reading it would never finish, so only the declared length can refuse it.
    const big = () => new Response(new ReadableStream<Uint8Array>(), { headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_RESPONSE_BYTES + 1) } });
    const f = fakeFetch({ [`GET ${issuer}/.well-known/openid-credential-issuer`]: big });
    const error = await rejectionOf(fetchIssuerMetadata(issuer, { fetch: f.fetch, timeoutMs: 60_000 }));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than/);
  });
});

describe('redirects (every issuer request goes through fetchBounded)', () => {
  it('an issuer that redirects elsewhere is not followed: the request fails as a network error, with no cookies sent', async () => {
    const issuer = 'https://dvla.example.gov.uk';
    const r = redirectingFetch('https://evil.example/metadata', () => json({ credential_issuer: 'https://evil.example' }));
    const error = await rejectionOf(fetchIssuerMetadata(issuer, { fetch: r.fetch, timeoutMs: 60_000 }));
    expect(error.kind).toBe('network');
    expect(r.followed).toEqual([]);
    expect(r.seen).toMatchObject([{ redirect: 'error', credentials: 'omit' }]);
  });
});
