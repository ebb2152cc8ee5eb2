/**
 * Interop: Satchel's Sharer as the wallet, the OpenWallet Foundation's oid4vc-ts
 * (`@openid4vc/openid4vp` 0.4.6 `Openid4vpVerifier`, jose callbacks; ./oid4vp-harness.ts) as the
 * verifier — requests made by an implementation we did not write, in each way OpenID4VP 1.0 §5
 * allows, answered in each response mode:
 *
 *   requests   (a) by value as URL parameters (§5; §5.9.3's redirect_uri: example),
 *              (b) by value as a request object (`request`, unsigned: alg none, §5.9.3),
 *              (c) by reference (`request_uri`, §5.10)
 *   responses  direct_post (§8.2); direct_post.jwt (§8.3) with no stated enc values (the
 *              verifier expects A128GCM, §5.1), with A256GCM, with both (the verifier's first)
 *
 * The verifier's own parser (and, for direct_post.jwt, its jose decryption) accepts Satchel's
 * answer; the SD-JWT presentation verifies with @sd-jwt/sd-jwt-vc (issuer signature, KB-JWT with
 * the request's nonce and `aud` = client_id); only the claims asked for are disclosed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Sharer } from '../../../src/wallet/share/share-api';
import { CLIENT_ID, dcqlFor, RIGHT_TO_WORK_VCT, startInteropWallet, VERIFIER_ORIGIN, type InteropVerifier, type RequestDelivery } from './oid4vp-harness';

const QUERY = { credentials: [dcqlFor('work', RIGHT_TO_WORK_VCT, ['given_name', 'right_to_work'])] };

let verifier: InteropVerifier;
let sharer: Sharer;

beforeEach(async () => {
  ({ verifier, sharer } = await startInteropWallet());
});

type Mode = { name: string; responseMode: 'direct_post' | 'direct_post.jwt'; encValues?: string[]; expectedEnc?: string };
const MODES: Mode[] = [
  { name: 'direct_post', responseMode: 'direct_post' },
  { name: 'direct_post.jwt, no enc values stated (A128GCM expected)', responseMode: 'direct_post.jwt', expectedEnc: 'A128GCM' },
  { name: 'direct_post.jwt, A256GCM stated', responseMode: 'direct_post.jwt', encValues: ['A256GCM'], expectedEnc: 'A256GCM' },
  { name: 'direct_post.jwt, A128GCM and A256GCM stated', responseMode: 'direct_post.jwt', encValues: ['A128GCM', 'A256GCM'], expectedEnc: 'A128GCM' },
];
const DELIVERIES: RequestDelivery[] = ['parameters', 'request-object', 'request-uri'];
const CASES = DELIVERIES.flatMap((by) => MODES.map((mode) => [`${by} → ${mode.name}`, by, mode] as const));

describe('oid4vc-ts verifier → Satchel wallet → oid4vc-ts verifier', () => {
  it.each(CASES)('%s', async (_name, by, mode) => {
    const { link, payload, nonce } = await verifier.createRequest({
      by,
      responseMode: mode.responseMode,
      dcqlQuery: QUERY,
      clientMetadata: { client_name: 'Acme jobs' },
      state: 'st-1',
      ...(mode.encValues ? { encValues: mode.encValues } : {}),
    });
    // The link is oid4vc-ts's own: openid4vp:// with client_id and the request in the chosen form.
    expect(link.startsWith('openid4vp://?')).toBe(true);

    const request = await sharer.readRequest(link);
    expect(request).toMatchObject({ mode: 'online', verifierName: 'Acme jobs', responseOrigin: VERIFIER_ORIGIN });
    expect(verifier.requestFetches.size).toBe(by === 'request-uri' ? 1 : 0);
    const candidate = request.candidates.find((c) => c.credentialId === 'rtw')!;
    expect(candidate.requested.map((r) => r.path)).toEqual([['given_name'], ['right_to_work']]);
    await sharer.respondOnline(request.requestId, 'rtw', candidate.requested.map((r) => r.path));
    expect(verifier.posted).toHaveLength(1);

    if (mode.responseMode === 'direct_post.jwt') {
      expect(Object.keys(verifier.posted[0]!)).toEqual(['response']);
      const header = verifier.lastJweHeader();
      expect(header).toMatchObject({ alg: 'ECDH-ES', enc: mode.expectedEnc, kid: verifier.encryptionJwk.kid });
      expect(header).not.toHaveProperty('zip'); // the verifier did not ask for compression
    } else {
      expect(Object.keys(verifier.posted[0]!).sort()).toEqual(['state', 'vp_token']);
    }

    // The verifier's own parsing (and decryption) accepts the answer.
    const parsed = await verifier.parseLastAnswer(payload);
    expect(parsed.type).toBe('dcql');
    expect(parsed.authorizationResponsePayload.state).toBe('st-1');
    expect(parsed.expectedNonce).toBe(nonce);
    if (parsed.type !== 'dcql') return;
    expect(Object.keys(parsed.dcql.presentations)).toEqual(['work']);
    const [presentation] = parsed.dcql.presentations.work!;
    expect(typeof presentation).toBe('string');

    // The SD-JWT VC presentation verifies, bound to this request; only what was asked is disclosed.
    const verified = await verifier.verifyPresentation(presentation as string, payload);
    expect(verified.kb).toEqual({ aud: CLIENT_ID, nonce });
    expect(verified.claims).toMatchObject({ given_name: 'Ada', right_to_work: 'Unlimited', vct: RIGHT_TO_WORK_VCT });
    expect(verified.claims).not.toHaveProperty('share_code');
    expect(verified.claims).not.toHaveProperty('family_name');
  });

  it('a verifier that accepts only encryptions Satchel does not implement is refused before consent, saying why', async () => {
    const { link } = await verifier.createRequest({ by: 'request-uri', responseMode: 'direct_post.jwt', dcqlQuery: QUERY, encValues: ['A256CBC-HS512'] });
    await expect(sharer.readRequest(link)).rejects.toMatchObject({ code: 'request-malformed', message: expect.stringMatching(/A256CBC-HS512.*A128GCM or A256GCM/) });
    expect(verifier.posted).toEqual([]);
  });
});
