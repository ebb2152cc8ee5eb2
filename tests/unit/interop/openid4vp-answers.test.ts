/**
 * Interop: Satchel's Sharer as the wallet, the OpenWallet Foundation's oid4vc-ts
 * (`@openid4vc/openid4vp` 0.4.6 `Openid4vpVerifier`, jose callbacks; tests/unit/interop/oid4vp-harness.ts)
 * as the verifier, credentials issued by `@sd-jwt/sd-jwt-vc`.
 *
 *   - a DCQL `credential_sets` option needing two credentials (OpenID4VP 1.0 §6.4.2): one answer
 *     holding both; the verifier's own parser accepts it and both presentations verify (§8.1)
 *   - a decline, and a request nothing held matches: the verifier receives `access_denied` (§8.5),
 *     an OAuth 2.0 error response as oid4vc-ts's own schema reads it
 */
import { Oauth2ErrorCodes, zOauth2ErrorResponse } from '@openid4vc/oauth2';
import { beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../shared/words';
import type { ShareError, ShareRequest, Sharer } from '../../../src/wallet/share/share-api';
import { dcqlFor, DRIVING_LICENCE_VCT, InteropVault, issueHeldCredential, RIGHT_TO_WORK_VCT, startInteropWallet, type InteropVerifier } from './oid4vp-harness';

const TWO_NEEDED = {
  credentials: [dcqlFor('work', RIGHT_TO_WORK_VCT, ['given_name', 'right_to_work']), dcqlFor('licence', DRIVING_LICENCE_VCT, ['age_over_18'])],
  credential_sets: [{ options: [['work', 'licence']] }],
};

let verifier: InteropVerifier;
let vault: InteropVault;
let sharer: Sharer;

beforeEach(async () => {
  ({ verifier, vault, sharer } = await startInteropWallet());
  await issueHeldCredential(vault, { id: 'licence', vct: DRIVING_LICENCE_VCT, claims: { given_name: 'Ada', age_over_18: true, birth_date: '1990-12-10' } });
});

const everyQuery = (request: ShareRequest) =>
  request.queryIds.map((queryId) => {
    const c = request.candidates.find((x) => x.queryId === queryId)!;
    return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
  });

/** The error response the verifier received, read with oid4vc-ts's OAuth 2.0 error schema. */
function lastError(): { error: string; state?: unknown } {
  const posted = verifier.posted.at(-1)!;
  const parsed = zOauth2ErrorResponse.parse(posted);
  return { error: parsed.error, state: posted.state };
}

describe('an option needing two credentials (§6.4.2)', () => {
  it.each([
    ['request_uri, direct_post.jwt', 'request-uri', 'direct_post.jwt'],
    ['request object by value, direct_post', 'request-object', 'direct_post'],
  ] as const)('%s: one answer with both; oid4vc-ts parses it and both presentations verify', async (_name, by, responseMode) => {
    const { link, payload } = await verifier.createRequest({ by, responseMode, dcqlQuery: TWO_NEEDED, encValues: ['A256GCM'], state: 'st-2' });
    const request = await sharer.readRequest(link);
    expect(request.queryIds).toEqual(['work', 'licence']);
    await sharer.respondOnline(request.requestId, everyQuery(request));
    expect(verifier.posted).toHaveLength(1);

    const parsed = await verifier.parseLastAnswer(payload);
    expect(parsed.type).toBe('dcql');
    if (parsed.type !== 'dcql') return;
    expect(parsed.authorizationResponsePayload.state).toBe('st-2');
    const presentations = parsed.dcql.presentations;
    expect(Object.keys(presentations).sort()).toEqual(['licence', 'work']);
    expect(presentations.work).toHaveLength(1);
    expect(presentations.licence).toHaveLength(1);

    const work = await verifier.verifyPresentation(presentations.work![0] as string, payload);
    const licence = await verifier.verifyPresentation(presentations.licence![0] as string, payload);
    // Both KB-JWTs are bound to this request: the same nonce and audience (B.3.6).
    expect(work.kb).toEqual({ aud: payload.client_id, nonce: payload.nonce });
    expect(licence.kb).toEqual({ aud: payload.client_id, nonce: payload.nonce });
    expect(work.claims).toMatchObject({ vct: RIGHT_TO_WORK_VCT, given_name: 'Ada', right_to_work: 'Unlimited' });
    expect(work.claims).not.toHaveProperty('share_code');
    expect(licence.claims).toMatchObject({ vct: DRIVING_LICENCE_VCT, age_over_18: true });
    expect(licence.claims).not.toHaveProperty('birth_date');
  });

  it('holding only one of the two: nothing is sent but access_denied, and the person is told which is missing', async () => {
    vault.credentials.splice(vault.credentials.findIndex((c) => c.id === 'licence'), 1);
    const { link } = await verifier.createRequest({ by: 'request-uri', responseMode: 'direct_post.jwt', dcqlQuery: TWO_NEEDED, encValues: ['A256GCM'], state: 'st-3' });
    const error = await sharer.readRequest(link).then(() => undefined, (e: unknown) => e as ShareError);
    expect(error).toMatchObject({ code: 'nothing-matches', details: { verifierTold: true } });
    // The missing credential's name, as the screens word it (src/ui/i18n/names.ts).
    expect(error?.details.missing?.map((m) => words(m))).toMatchObject([{ en: 'Driving licence' }]);
    expect(verifier.posted).toHaveLength(1);
    expect(verifier.posted[0]).not.toHaveProperty('vp_token');
    expect(verifier.posted[0]).not.toHaveProperty('response');
    expect(lastError()).toEqual({ error: Oauth2ErrorCodes.AccessDenied, state: 'st-3' });
  });
});

describe('telling the verifier "no" (§8.5)', () => {
  it.each(['direct_post', 'direct_post.jwt'] as const)('%s: a decline reaches the verifier as access_denied with its state, unencrypted', async (responseMode) => {
    const { link } = await verifier.createRequest({ by: 'request-uri', responseMode, dcqlQuery: TWO_NEEDED, encValues: ['A256GCM'], state: 'st-4' });
    const request = await sharer.readRequest(link);
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: true });
    expect(verifier.posted).toEqual([{ error: 'access_denied', state: 'st-4' }]);
    expect(lastError().error).toBe(Oauth2ErrorCodes.AccessDenied);
    expect(vault.activity).toHaveLength(0);
  });

  it('nothing held matches at all: access_denied (no state in the request, none sent)', async () => {
    const { link } = await verifier.createRequest({ by: 'request-uri', responseMode: 'direct_post', dcqlQuery: { credentials: [dcqlFor('dbs', 'https://dbs.example.gov.uk/basic-dbs', ['result'])] } });
    await expect(sharer.readRequest(link)).rejects.toMatchObject({ code: 'nothing-matches', details: { verifierTold: true } });
    expect(verifier.posted).toEqual([{ error: 'access_denied' }]);
  });
});
