/**
 * Issue 10, finding 1 (high): an in-person request QR relaying an online verifier's request.
 * Someone at a door copies an online verifier's `redirect_uri:` client id, nonce, DCQL query and
 * encryption key into an `SVQ1.` QR under a friendly name; the person answers in person; the
 * filmed answer (KB-JWT `aud` = the online client id) is then posted to the online verifier.
 * The guard: in-person requests carry only the in-person client id prefix, online requests never
 * do, and an online request shows the person the response_uri origin (what §5.9.3 authenticates).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { deflateRaw } from '../../../../src/lib/deflate';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { decodeRequestQr, REQUEST_QR_PREFIX } from '../../../../src/protocols/in-person/request-qr';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { makeWorld, NOW, type World } from '../../../browser/support/share-fixtures';

const ONLINE_RESPONSE_URI = 'https://jobs.example.co.uk/response';
const ONLINE_CLIENT_ID = `redirect_uri:${ONLINE_RESPONSE_URI}`;
const NOW_S = Math.floor(NOW.getTime() / 1000);
const dcql = { credentials: [{ id: 'rtw', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['right_to_work'] }] }] };
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));

/** An SVQ1 QR as an attacker's own tool would make it (not through encodeRequestQr). */
async function handMadeQr(body: Record<string, unknown>): Promise<string> {
  return REQUEST_QR_PREFIX + base64urlEncode(await deflateRaw(new TextEncoder().encode(JSON.stringify(body))));
}

async function relayedBody(clientId: string): Promise<Record<string, unknown>> {
  const { publicJwk } = await generateRecipientKey();
  return {
    client_id: clientId,
    nonce: 'online-verifier-nonce-0123456789',
    iat: NOW_S,
    exp: NOW_S + 300,
    dcql_query: dcql,
    client_metadata: { client_name: 'The Crown pub', jwks: { keys: [{ ...publicJwk, kid: 'online-key', use: 'enc', alg: 'ECDH-ES' }] } },
  };
}

let world: World;
let sharer: Sharer;
beforeEach(async () => {
  world = await makeWorld();
  sharer = createSharer({ vault: world.vault, now: () => NOW.getTime() });
});

describe('in-person requests carry only the in-person client id prefix', () => {
  it('an SVQ1 QR carrying an online verifier’s redirect_uri: client id is refused before any consent', async () => {
    const qr = await handMadeQr(await relayedBody(ONLINE_CLIENT_ID));
    await expect(decodeRequestQr(qr, NOW)).rejects.toMatchObject({ code: 'malformed', message: expect.stringMatching(/in-person/) });
    await expect(sharer.readRequest(qr)).rejects.toMatchObject({ code: 'request-malformed' });
    expect(world.vault.activity).toEqual([]);
  });

  it.each(['x509_san_dns:jobs.example.co.uk', 'https://jobs.example.co.uk', 'satchel-in-person:', 'jobs'])('refuses the client id %s in person', async (clientId) => {
    await expect(decodeRequestQr(await handMadeQr(await relayedBody(clientId)), NOW)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('accepts the in-person prefix, and the in-person request names no origin', async () => {
    const request = await sharer.readRequest(await handMadeQr(await relayedBody('satchel-in-person:abc123')));
    expect(request.mode).toBe('in-person');
    expect(request.responseOrigin).toBeUndefined();
  });
});

describe('online requests never accept the in-person prefix', () => {
  const link = (payload: Record<string, unknown>) =>
    `openid4vp://?client_id=${encodeURIComponent(payload.client_id as string)}&request=${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;

  it('refuses a link whose request uses the in-person client id (and the in-person response mode)', async () => {
    const body = { ...(await relayedBody('satchel-in-person:abc123')), response_type: 'vp_token', response_mode: 'satchel_qr.jwt' };
    await expect(sharer.readRequest(link(body))).rejects.toMatchObject({ code: 'request-malformed' });
  });

  it('refuses a link whose request uses the in-person client id with direct_post', async () => {
    const body = { ...(await relayedBody('satchel-in-person:abc123')), response_type: 'vp_token', response_mode: 'direct_post.jwt', response_uri: ONLINE_RESPONSE_URI };
    await expect(sharer.readRequest(link(body))).rejects.toMatchObject({ code: 'request-malformed' });
  });

  it('exposes the response_uri origin, which is what the redirect_uri: prefix authenticates (§5.9.3)', async () => {
    const body = { ...(await relayedBody(ONLINE_CLIENT_ID)), response_type: 'vp_token', response_mode: 'direct_post.jwt', response_uri: ONLINE_RESPONSE_URI };
    const request = await sharer.readRequest(link(body));
    expect(request).toMatchObject({ mode: 'online', verifierName: 'The Crown pub', responseOrigin: 'https://jobs.example.co.uk' });
  });
});
