/**
 * In person, end to end in Chromium (OpenID4VP 1.0 §6.4.2): a checker asks for two
 * credentials at once with a DCQL query; the holder answers with both in one encrypted QR answer
 * (one vp_token keyed by query id, §8.1); the checker verifies both offline (signatures in the
 * crypto worker) and passes the answer only as a whole.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ShareError, ShareRequest, Sharer } from '../../../../src/wallet/share/share-api';
import type { Checker } from '../../../../src/wallet/check';
import { makeWorld, NOW, scrambled, type World } from '../../support/share-fixtures';

const WORK_AND_AGE = {
  credentials: [
    { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['given_name'] }, { path: ['right_to_work'] }] },
    { id: 'age', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }] },
  ],
  credential_sets: [{ options: [['work', 'age']] }],
};

let world: World;
let sharer: Sharer;
let checker: Checker;

beforeEach(async () => {
  world = await makeWorld();
  const now = () => NOW.getTime();
  sharer = createSharer({ vault: world.vault, now });
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

const everyQuery = (request: ShareRequest) =>
  request.queryIds.map((queryId) => {
    const c = request.candidates.find((x) => x.queryId === queryId)!;
    return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
  });

describe('two credentials in one in-person answer', () => {
  it('the holder shares both; the checker verifies each and passes the whole answer', async () => {
    const request = await checker.createRequest({ dcqlQuery: WORK_AND_AGE, verifierName: 'Agency desk' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.queryIds).toEqual(['work', 'age']);
    const { frames } = await sharer.respond(read.requestId, everyQuery(read));
    for (const f of scrambled(frames)) await checker.addFrame(request.requestId, f);
    const result = await checker.verify(request.requestId);
    expect(result.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.credentials?.map((c) => [c.queryId, c.ok, words(c.typeName)?.en])).toEqual([
      ['work', true, 'Right to work'],
      ['age', true, 'Driving licence'],
    ]);
    const values = Object.fromEntries(result.claims.map((c) => [c.path.join('.'), c.value]));
    expect(values).toMatchObject({ given_name: 'Ada', right_to_work: 'Unlimited', age_over_18: true });
    expect(values).not.toHaveProperty('birth_date');
    expect(world.vault.activity.filter((a) => a.kind === 'shared').map((a) => a.credentialId).sort()).toEqual(['licence', 'rtw']);
  });

  it('a holder without the licence cannot answer in part: nothing-matches names it, nothing is shown', async () => {
    world.vault.credentials.splice(world.vault.credentials.findIndex((c) => c.id === 'licence'), 1);
    const request = await checker.createRequest({ dcqlQuery: WORK_AND_AGE, verifierName: 'Agency desk' });
    const error = await sharer.readRequest(request.qr.frames[0]!).then(() => undefined, (e: unknown) => e as ShareError);
    expect(error).toMatchObject({ code: 'nothing-matches', details: { verifierTold: false } });
    // The missing credential's name, as the screens word it (src/ui/i18n/names.ts).
    expect(error?.details.missing?.map((m) => words(m))).toMatchObject([{ en: 'Driving licence' }]);
    expect(world.vault.activity).toHaveLength(0);
  });
});
