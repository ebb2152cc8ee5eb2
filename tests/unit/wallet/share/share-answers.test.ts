/**
 * The Sharer's answers (OpenID4VP 1.0): several credentials in one answer (§6.4.2, one vp_token
 * keyed by credential query id, §8.1) in person and online, all or nothing; and telling a waiting
 * online verifier `access_denied` (§8.5) when the person declines or holds nothing that matches.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { verifyPresentation } from '../../../../src/credentials/index';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { utf8Decode } from '../../../../src/lib/bytes';
import { decryptJwe, generateRecipientKey } from '../../../../src/lib/jwe';
import { encodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { nodeSignatureVerifier } from '../../../../src/server/verifier/noble-verifier';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type ShareRequest, type Sharer } from '../../../../src/wallet/share/share-api';
import { addCredential, DVLA, makeWorld, NOW, type World } from '../../../browser/support/share-fixtures';

const CLIENT_ID = 'satchel-in-person:door-1';
const WORK_AND_LICENCE = {
  credentials: [
    { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['given_name'] }, { path: ['right_to_work'] }] },
    { id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }] },
  ],
  credential_sets: [{ options: [['work', 'licence']] }],
};

let world: World;
let sharer: Sharer;
let key: Awaited<ReturnType<typeof generateRecipientKey>>;

beforeEach(async () => {
  world = await makeWorld();
  key = await generateRecipientKey();
  sharer = createSharer({ vault: world.vault, now: () => NOW.getTime() });
});

async function inPersonRequest(dcqlQuery: unknown = WORK_AND_LICENCE): Promise<string> {
  return encodeRequestQr({
    clientId: CLIENT_ID,
    verifierName: 'The Red Lion',
    nonce: 'nonce-in-person-1',
    dcqlQuery,
    encryptionKey: { ...key.publicJwk, kid: 'k1' },
    issuedAt: NOW,
    expiresAt: new Date(NOW.getTime() + 5 * 60_000),
  });
}

/** Reassembles response frames (`SR1.<id>.<i>.<n>.<chunk>`) and opens the JWE: the vp_token sent. */
async function openFrames(frames: string[]): Promise<Record<string, string[]>> {
  const chunks = frames.map((f) => {
    const [, , index, , ...rest] = f.split('.');
    return { index: Number(index), chunk: rest.join('.') };
  });
  const jwe = chunks.sort((a, b) => a.index - b.index).map((c) => c.chunk).join('');
  return (JSON.parse(utf8Decode(await decryptJwe(jwe, key.privateKey))!) as { vp_token: Record<string, string[]> }).vp_token;
}

const verify = (presentation: string, audience: string, nonce: string) =>
  verifyPresentation(presentation, { trustList: world.trustList, verifier: nodeSignatureVerifier, now: NOW, audience, nonce, fetchStatusList: async (uri) => world.statusLists[uri]! });

const pick = (request: ShareRequest, queryId: string, credentialId?: string) => {
  const c = request.candidates.find((x) => x.queryId === queryId && (credentialId === undefined || x.credentialId === credentialId))!;
  return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
};

describe('several credentials in one answer (§6.4.2, §8.1)', () => {
  it('in person: an option needing two credentials is answered with both, each verified, bound to the same nonce and audience', async () => {
    const request = await sharer.readRequest(await inPersonRequest());
    expect(request.queryIds).toEqual(['work', 'licence']);
    expect(request.candidates.map((c) => [c.queryId, c.credentialId])).toEqual([['work', 'rtw'], ['licence', 'licence']]);
    expect(request.candidates[1]!.requested.map((r) => r.path)).toEqual([['age_over_18']]);
    const { frames } = await sharer.respond(request.requestId, [pick(request, 'work'), pick(request, 'licence')]);
    const vpToken = await openFrames(frames);
    expect(Object.keys(vpToken).sort()).toEqual(['licence', 'work']);
    expect(vpToken.work).toHaveLength(1);
    expect(vpToken.licence).toHaveLength(1);
    const work = await verify(vpToken.work![0]!, CLIENT_ID, 'nonce-in-person-1');
    const licence = await verify(vpToken.licence![0]!, CLIENT_ID, 'nonce-in-person-1');
    expect(work.valid, JSON.stringify(work.checks.filter((c) => !c.ok))).toBe(true);
    expect(licence.valid, JSON.stringify(licence.checks.filter((c) => !c.ok))).toBe(true);
    expect(work.claims).toMatchObject({ given_name: 'Ada', right_to_work: 'Unlimited' });
    expect(work.claims).not.toHaveProperty('share_code');
    expect(licence.claims).toMatchObject({ age_over_18: true });
    expect(licence.claims).not.toHaveProperty('birth_date');
    // Each credential shared is in the activity log.
    expect(world.vault.activity.map((a) => a.credentialId).sort()).toEqual(['licence', 'rtw']);
  });

  it('without credential_sets every query is answered; the person picks which licence answers when two match', async () => {
    await addCredential(world.vault, 'licence-2', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Ada', age_over_18: true } });
    const { credential_sets: _sets, ...noSets } = WORK_AND_LICENCE;
    const request = await sharer.readRequest(await inPersonRequest(noSets));
    expect(request.queryIds).toEqual(['work', 'licence']);
    expect(request.candidates.filter((c) => c.queryId === 'licence').map((c) => c.credentialId)).toEqual(['licence', 'licence-2']);
    const { frames } = await sharer.respond(request.requestId, [pick(request, 'licence', 'licence-2'), pick(request, 'work')]);
    const vpToken = await openFrames(frames);
    expect((await verify(vpToken.licence![0]!, CLIENT_ID, 'nonce-in-person-1')).valid).toBe(true);
    expect(world.vault.activity.map((a) => a.credentialId).sort()).toEqual(['licence-2', 'rtw']);
  });

  it('an answer must cover every query once, each with one of its own candidates', async () => {
    const request = await sharer.readRequest(await inPersonRequest());
    await expect(sharer.respond(request.requestId, 'rtw', [['given_name']])).rejects.toThrow(/needs 2 credentials/);
    await expect(sharer.respond(request.requestId, [pick(request, 'work')])).rejects.toThrow(/cover each of work, licence/);
    await expect(sharer.respond(request.requestId, [pick(request, 'work'), { queryId: 'licence', credentialId: 'rtw', claims: [] }])).rejects.toThrow(/not one of this request's candidates for licence/);
    expect(world.vault.activity).toHaveLength(0); // nothing was shared
  });

  it('holding only one of the two: nothing-matches, naming the credential missing (nothing is sent)', async () => {
    world.vault.credentials.splice(world.vault.credentials.findIndex((c) => c.id === 'licence'), 1);
    const error = await sharer.readRequest(await inPersonRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareError);
    expect(error).toMatchObject({ code: 'nothing-matches', details: { verifierTold: false } });
    // The missing credential's name, as the screens word it (src/ui/i18n/names.ts).
    expect((error as ShareError).details.missing?.map((m) => words(m))).toMatchObject([{ en: 'Driving licence', cy: 'Trwydded yrru' }]);
  });
});

// ---------------------------------------------------------------- online: a verifier waiting at response_uri

const RESPONSE_URI = 'https://verifier.example/response';
const segment = (value: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(value)));

/** A verifier that serves one unsigned request object (§5.9.3 redirect_uri:) and records what is POSTed to response_uri. */
function onlineVerifier(dcqlQuery: unknown, responseMode: 'direct_post' | 'direct_post.jwt', reply: () => Response = () => Response.json({})) {
  const posts: URLSearchParams[] = [];
  const payload = {
    response_type: 'vp_token',
    response_mode: responseMode,
    client_id: `redirect_uri:${RESPONSE_URI}`,
    response_uri: RESPONSE_URI,
    nonce: 'nonce-online-1',
    state: 'state-7',
    dcql_query: dcqlQuery,
    iat: Math.floor(NOW.getTime() / 1000),
    exp: Math.floor(NOW.getTime() / 1000) + 600,
    client_metadata: { client_name: 'Acme jobs', jwks: { keys: [{ ...key.publicJwk, kid: 'k1', use: 'enc', alg: 'ECDH-ES' }] }, encrypted_response_enc_values_supported: ['A256GCM'] },
  };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === 'https://verifier.example/request/1') {
      return new Response(`${segment({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${segment(payload)}.`, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });
    }
    if (url === RESPONSE_URI && init?.method === 'POST') {
      posts.push(new URLSearchParams(String(init.body)));
      return reply();
    }
    return new Response('not found', { status: 404 });
  };
  const link = `openid4vp://?client_id=${encodeURIComponent(payload.client_id)}&request_uri=${encodeURIComponent('https://verifier.example/request/1')}`;
  return { fetch, posts, link };
}

describe('several credentials online', () => {
  it('direct_post.jwt: one encrypted vp_token holding both presentations, with state', async () => {
    const v = onlineVerifier(WORK_AND_LICENCE, 'direct_post.jwt');
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const request = await sharer.readRequest(v.link);
    await sharer.respondOnline(request.requestId, [pick(request, 'work'), pick(request, 'licence')]);
    expect(v.posts).toHaveLength(1);
    const sent = JSON.parse(utf8Decode(await decryptJwe(v.posts[0]!.get('response')!, key.privateKey))!) as { vp_token: Record<string, string[]>; state: string };
    expect(sent.state).toBe('state-7');
    for (const id of ['work', 'licence']) expect((await verify(sent.vp_token[id]![0]!, `redirect_uri:${RESPONSE_URI}`, 'nonce-online-1')).valid, id).toBe(true);
  });
});

describe('telling the verifier "no" (§8.5 access_denied)', () => {
  it.each(['direct_post', 'direct_post.jwt'] as const)('%s: a decline is POSTed unencrypted as error=access_denied with the state; the request is closed', async (mode) => {
    const v = onlineVerifier(WORK_AND_LICENCE, mode);
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const request = await sharer.readRequest(v.link);
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: true });
    expect(v.posts.map((p) => Object.fromEntries(p))).toEqual([{ error: 'access_denied', state: 'state-7' }]);
    await expect(sharer.respondOnline(request.requestId, [pick(request, 'work'), pick(request, 'licence')])).rejects.toMatchObject({ code: 'request-expired' });
    expect(world.vault.activity).toHaveLength(0);
  });

  it('nothing held that matches: the verifier is told access_denied and the error names what is missing', async () => {
    world.vault.credentials.splice(world.vault.credentials.findIndex((c) => c.id === 'rtw'), 1);
    const v = onlineVerifier(WORK_AND_LICENCE, 'direct_post.jwt');
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const error = await sharer.readRequest(v.link).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'nothing-matches', details: { verifierTold: true } });
    expect((error as ShareError).details.missing?.map((m) => words(m))).toMatchObject([{ en: 'Right to work', cy: 'Hawl i weithio' }]);
    expect(v.posts.map((p) => Object.fromEntries(p))).toEqual([{ error: 'access_denied', state: 'state-7' }]);
  });

  it('a verifier that refuses or cannot be reached: verifierTold is false, and the request is still closed', async () => {
    const v = onlineVerifier(WORK_AND_LICENCE, 'direct_post', () => new Response('no', { status: 500 }));
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const request = await sharer.readRequest(v.link);
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: false });
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: false }); // already closed: nothing sent again
    expect(v.posts).toHaveLength(1);
  });

  it('the verifier\'s redirect_uri after an error response is handed on, for the wallet to follow (§8.2)', async () => {
    const v = onlineVerifier(WORK_AND_LICENCE, 'direct_post.jwt', () => Response.json({ redirect_uri: 'https://verifier.example/done#code=1' }));
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const request = await sharer.readRequest(v.link);
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: true, redirectUri: 'https://verifier.example/done#code=1' });
    world.vault.credentials.splice(0, world.vault.credentials.length);
    await expect(sharer.readRequest(v.link)).rejects.toMatchObject({ details: { verifierTold: true, redirectUri: 'https://verifier.example/done#code=1' } });
  });

  it('a redirect_uri that is not a web address is ignored', async () => {
    const v = onlineVerifier(WORK_AND_LICENCE, 'direct_post', () => Response.json({ redirect_uri: 'javascript:alert(1)' }));
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    const request = await sharer.readRequest(v.link);
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: true });
  });

  it('in person there is no channel back: a decline only closes the request', async () => {
    const request = await sharer.readRequest(await inPersonRequest());
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: false });
    await expect(sharer.respond(request.requestId, [pick(request, 'work'), pick(request, 'licence')])).rejects.toMatchObject({ code: 'request-expired' });
  });
});

describe('no instant "no" that would reveal a value', () => {
  it('a query matching on values that nothing held satisfies: the verifier is not told at once (the value stays private)', async () => {
    const byValue = { credentials: [{ id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['right_to_work'], values: ['Time-limited'] }] }] };
    const v = onlineVerifier(byValue, 'direct_post');
    sharer = createSharer({ vault: world.vault, fetch: v.fetch, now: () => NOW.getTime() });
    await expect(sharer.readRequest(v.link)).rejects.toMatchObject({ code: 'nothing-matches', details: { verifierTold: false } });
    expect(v.posts).toHaveLength(0);
  });
});
