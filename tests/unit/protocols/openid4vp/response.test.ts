/** The Authorization Response (OpenID4VP 1.0 §8.1–8.3): direct_post form fields, direct_post.jwt JWE, redirect_uri handling. */
import { describe, expect, it } from 'vitest';
import { decryptJwe, generateRecipientKey, jweHeader } from '../../../../src/lib/jwe';
import { ERROR_RESPONSE_MAX_BYTES, postErrorResponse, postResponse, readResponseParameters, RESPONSE_ANSWER_MAX_BYTES, responseParameters } from '../../../../src/protocols/openid4vp/response';
import type { ValidatedRequest } from '../../../../src/protocols/openid4vp/request-object';
import { endlessFetch } from '../../../shared/endless-fetch';
import { redirectingFetch } from '../../../shared/redirecting-fetch';

const base: ValidatedRequest = {
  clientId: 'redirect_uri:https://v.example/response',
  nonce: 'n',
  dcql: { credentials: [] },
  responseMode: 'direct_post',
  responseUri: 'https://v.example/response',
  state: 'st-1',
  expiresAt: '2026-06-01T12:05:00Z',
};

function capture(answer: Response): { fetch: typeof fetch; sent: { url: string; body: URLSearchParams }[] } {
  const sent: { url: string; body: URLSearchParams }[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      sent.push({ url: String(input), body: new URLSearchParams(String(init?.body)) });
      return answer.clone();
    },
  };
}

describe('postResponse', () => {
  it('direct_post: vp_token as JSON and state as form fields; a redirect_uri is returned', async () => {
    const c = capture(Response.json({ redirect_uri: 'https://v.example/done?code=1' }));
    const params = responseParameters(base, 'q', 'eyJ~');
    expect(await postResponse(base, params, c.fetch)).toEqual({ redirectUri: 'https://v.example/done?code=1' });
    expect(c.sent[0]!.url).toBe('https://v.example/response');
    expect(JSON.parse(c.sent[0]!.body.get('vp_token')!)).toEqual({ q: ['eyJ~'] });
    expect(c.sent[0]!.body.get('state')).toBe('st-1');
  });

  it('direct_post.jwt: one `response` field, a JWE to the verifier key carrying vp_token and state', async () => {
    const { privateKey, publicJwk } = await generateRecipientKey();
    const request: ValidatedRequest = { ...base, responseMode: 'direct_post.jwt', encryptionKey: { ...publicJwk, kid: 'k9' } };
    const c = capture(Response.json({}));
    expect(await postResponse(request, responseParameters(request, 'q', 'eyJ~'), c.fetch)).toEqual({});
    const body = c.sent[0]!.body;
    expect([...body.keys()]).toEqual(['response']);
    // Not compressed: an online verifier did not ask for zip (compressed before the fix).
    const header = jweHeader(body.get('response')!);
    expect(header).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', kid: 'k9' });
    expect(header).not.toHaveProperty('zip');
    const inner = JSON.parse(new TextDecoder().decode(await decryptJwe(body.get('response')!, privateKey)));
    expect(readResponseParameters(inner)).toEqual({ vp_token: { q: ['eyJ~'] }, state: 'st-1' });
  });

  it('direct_post.jwt: the enc the request names, and compression only when the request allows it', async () => {
    const { privateKey, publicJwk } = await generateRecipientKey();
    const request: ValidatedRequest = { ...base, responseMode: 'direct_post.jwt', encryptionKey: publicJwk, encryptionEnc: 'A128GCM', compressResponse: true };
    const c = capture(Response.json({}));
    await postResponse(request, responseParameters(request, 'q', 'eyJ~'), c.fetch);
    const jwe = c.sent[0]!.body.get('response')!;
    expect(jweHeader(jwe)).toMatchObject({ enc: 'A128GCM', zip: 'DEF' });
    expect(readResponseParameters(JSON.parse(new TextDecoder().decode(await decryptJwe(jwe, privateKey))))).toEqual({ vp_token: { q: ['eyJ~'] }, state: 'st-1' });
  });

  it('ignores a redirect_uri that is not http(s), and reports a refusal', async () => {
    expect(await postResponse(base, responseParameters(base, 'q', 'x~'), capture(Response.json({ redirect_uri: 'javascript:alert(1)' })).fetch)).toEqual({});
    await expect(postResponse(base, responseParameters(base, 'q', 'x~'), capture(new Response('no', { status: 400 })).fetch)).rejects.toMatchObject({ status: 400 });
  });

  // Every fetch of another origin goes through fetchBounded: the verifier's answer to the POST is
  // read in chunks and stopped at the cap (read whole before the fix).
  it('reads the verifier’s answer with a cap, without reading the rest', async () => {
    const chunk = new TextEncoder().encode(`{"redirect_uri":"https://v.example/${'a'.repeat(16 * 1024)}`);
    const { fetch: endless, pulled } = endlessFetch(chunk, { limitBytes: 20 * 1024 * 1024, headers: { 'content-type': 'application/json' } });
    await expect(postResponse(base, responseParameters(base, 'q', 'x~'), endless)).rejects.toMatchObject({ kind: 'too-large' });
    expect(pulled()).toBeLessThan(RESPONSE_ANSWER_MAX_BYTES + 4 * chunk.length);
  });

  it('reads the verifier’s answer to an error response with its own cap, without reading the rest', async () => {
    const chunk = new TextEncoder().encode(`{"redirect_uri":"https://v.example/${'a'.repeat(16 * 1024)}`);
    const { fetch: endless, pulled } = endlessFetch(chunk, { limitBytes: 20 * 1024 * 1024, headers: { 'content-type': 'application/json' } });
    await expect(postErrorResponse(base, 'access_denied', endless)).rejects.toMatchObject({ kind: 'too-large' });
    expect(pulled()).toBeLessThan(ERROR_RESPONSE_MAX_BYTES + 4 * chunk.length);
  });

  it('a response_uri that redirects elsewhere is not followed, for an answer or an error: the POST fails as a network error, with no cookies sent', async () => {
    const answer = redirectingFetch('https://evil.example/collect', () => Response.json({}));
    await expect(postResponse(base, responseParameters(base, 'q', 'x~'), answer.fetch)).rejects.toMatchObject({ name: 'FetchError', kind: 'network' });
    const error = redirectingFetch('https://evil.example/collect', () => Response.json({}));
    await expect(postErrorResponse(base, 'access_denied', error.fetch)).rejects.toMatchObject({ name: 'FetchError', kind: 'network' });
    expect([...answer.followed, ...error.followed]).toEqual([]);
    expect([...answer.seen, ...error.seen]).toMatchObject([{ redirect: 'error', credentials: 'omit' }, { redirect: 'error', credentials: 'omit' }]);
  });

  it('readResponseParameters refuses malformed vp_token', () => {
    for (const v of [null, {}, { vp_token: 'x' }, { vp_token: { q: [] } }, { vp_token: { q: [1] } }, { vp_token: { q: 'x' } }]) expect(readResponseParameters(v)).toBeUndefined();
  });
});
