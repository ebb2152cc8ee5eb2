/**
 * Issue 10, item 8: where a person's answer may go, and where a request may be fetched from.
 * response_uri and request_uri pass the wallet's remote-URL policy (src/lib/remote-url.ts): https
 * only, loopback only when the build allows it (demo, tests); the request object is fetched
 * through fetchBounded, its body stopped at REQUEST_OBJECT_MAX_BYTES while streaming.
 */
import { describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { REQUEST_OBJECT_MAX_BYTES, resolveAuthorizationRequest } from '../../../../src/protocols/openid4vp/authorization-request';
import { validateRequestObject } from '../../../../src/protocols/openid4vp/request-object';
import { createSharer } from '../../../../src/wallet/share/share';
import { makeWorld, NOW } from '../../../browser/support/share-fixtures';
import { redirectingFetch } from '../../../shared/redirecting-fetch';
import { endlessFetch } from '../../../shared/endless-fetch';

const NOW_S = NOW.getTime() / 1000;
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));
const dcql = { credentials: [{ id: 'q', format: 'dc+sd-jwt', meta: { vct_values: ['v'] }, claims: [{ path: ['age_over_18'] }] }] };

async function requestFor(responseUri: string): Promise<Record<string, unknown>> {
  const { publicJwk } = await generateRecipientKey();
  return {
    response_type: 'vp_token',
    response_mode: 'direct_post.jwt',
    client_id: `redirect_uri:${responseUri}`,
    response_uri: responseUri,
    nonce: 'n-1',
    dcql_query: dcql,
    exp: NOW_S + 300,
    client_metadata: { jwks: { keys: [{ ...publicJwk, kid: 'e1', use: 'enc', alg: 'ECDH-ES' }] } },
  };
}

/** Counts what it is asked to fetch (and answers 500): for "refused before anything is fetched". */
function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return { calls, fetch: async (input) => (calls.push(String(input)), new Response('', { status: 500 })) };
}

describe('response_uri: where an answer may be sent', () => {
  it.each(['http://localhost:5180/response', 'https://127.0.0.1/response', 'http://[::1]:8080/response'])('%s is refused by default (production) and allowed when the build allows loopback', async (uri) => {
    const r = await requestFor(uri);
    expect(() => validateRequestObject(r, NOW, { channel: 'online' })).toThrow(expect.objectContaining({ code: 'malformed', message: expect.stringMatching(/address on this device/) }));
    expect(validateRequestObject(r, NOW, { channel: 'online', remoteUrls: { allowLoopback: true } }).responseUri).toBe(uri);
  });

  it('plain http elsewhere and user:password addresses are refused whatever the build', async () => {
    for (const uri of ['http://jobs.example.co.uk/response', 'https://user:pw@jobs.example.co.uk/response']) {
      const r = await requestFor(uri);
      expect(() => validateRequestObject(r, NOW, { channel: 'online', remoteUrls: { allowLoopback: true } })).toThrow(expect.objectContaining({ code: 'malformed' }));
    }
  });
});

describe('request_uri: where a request may be fetched from', () => {
  it('a loopback request_uri is refused before anything is fetched, by default', async () => {
    const link = { clientId: 'redirect_uri:http://localhost:5180/response', requestUri: 'http://localhost:5180/request/1', requestUriMethod: 'get' as const };
    const f = countingFetch();
    await expect(resolveAuthorizationRequest(link, { fetch: f.fetch, now: NOW })).rejects.toMatchObject({ code: 'malformed', message: expect.stringMatching(/address on this device/) });
    expect(f.calls).toEqual([]);
  });

  it('the Sharer applies its policy: production by default, loopback when the app’s config allows it', async () => {
    const world = await makeWorld();
    const payload = await requestFor('http://localhost:5180/response');
    const jwt = `${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;
    const text = `openid4vp://?client_id=${encodeURIComponent(payload.client_id as string)}&request_uri=${encodeURIComponent('http://localhost:5180/request/1')}`;
    const f = countingFetch();
    const production = createSharer({ vault: world.vault, fetch: f.fetch, now: () => NOW.getTime() });
    await expect(production.readRequest(text)).rejects.toMatchObject({ code: 'request-malformed' });
    expect(f.calls).toEqual([]);
    const demo = createSharer({ vault: world.vault, fetch: async () => new Response(jwt), now: () => NOW.getTime(), remoteUrls: { allowLoopback: true } });
    await expect(demo.readRequest(text)).rejects.toMatchObject({ code: 'nothing-matches' }); // read and validated: the vault holds no such credential
  });

  it('a request object larger than the cap is refused while streaming, without reading the rest', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x41);
    const { fetch: endless, pulled } = endlessFetch(chunk, { limitBytes: 50 * 1024 * 1024 });
    const link = { clientId: 'redirect_uri:https://jobs.example.co.uk/response', requestUri: 'https://jobs.example.co.uk/request/1', requestUriMethod: 'get' as const };
    await expect(resolveAuthorizationRequest(link, { fetch: endless, now: NOW })).rejects.toMatchObject({ code: 'malformed', message: expect.stringMatching(/too large/) });
    expect(pulled()).toBeLessThan(REQUEST_OBJECT_MAX_BYTES + 4 * chunk.length);
  });

  it('a request_uri that redirects elsewhere is not followed: fetching the request fails as a network error, with no cookies sent', async () => {
    const payload = await requestFor('https://jobs.example.co.uk/response');
    const jwt = `${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;
    const r = redirectingFetch('https://evil.example/request/1', () => new Response(jwt));
    const link = { clientId: 'redirect_uri:https://jobs.example.co.uk/response', requestUri: 'https://jobs.example.co.uk/request/1', requestUriMethod: 'get' as const };
    await expect(resolveAuthorizationRequest(link, { fetch: r.fetch, now: NOW })).rejects.toMatchObject({ name: 'FetchError', kind: 'network' });
    expect(r.followed).toEqual([]);
    expect(r.seen).toMatchObject([{ redirect: 'error', credentials: 'omit' }]);
  });
});
