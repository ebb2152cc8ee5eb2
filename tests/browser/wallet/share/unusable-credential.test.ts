/**
 * Issue 11: a credential the wallet last saw cancelled (revoked), suspended or expired is never
 * offered for sharing or quick show — a checker would turn it away and its data would be given for
 * nothing — and the person is told which credential and why. A usable credential's candidate says
 * which one it is (type, issuer, expiry, status) so the consent screen can show it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { nameOfType } from '../../../../src/wallet/shared/display-name';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type Sharer } from '../../../../src/wallet/share/share-api';
import type { CredentialView } from '../../../../src/wallet/held';
import type { StatusState } from '../../../../src/wallet/shared';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { addCredential, makeWorld, NOW, type World } from '../../support/share-fixtures';

const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };

/** The receive use case's views, as the app hands them to the sharer: status and expiry per credential. */
function views(state: Record<string, { status?: StatusState; validUntil?: string }>) {
  return {
    async credential(id: string): Promise<CredentialView | undefined> {
      const s = state[id];
      if (!s) return undefined;
      const view: CredentialView = { id, personId: 'self', format: 'dc+sd-jwt', selective: true, requestOnly: false, issuerName: DVLA_NAME, typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence, { en: 'Driving licence', cy: 'Trwydded yrru' }), verified: true, status: { state: s.status ?? 'valid' }, claims: [] };
      if (s.validUntil) view.validUntil = s.validUntil;
      return view;
    },
  };
}

let world: World;
const now = () => NOW.getTime();
const checkerOf = (w: World) => createChecker({ verifier: nobleVerifier, trust: staticTrust(w.trustList, w.statusLists), now });

async function over18Request(w: World): Promise<string> {
  return (await checkerOf(w).createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' })).qr.frames[0]!;
}

async function refusal(sharer: Sharer, run: (s: Sharer) => Promise<unknown>): Promise<ShareError> {
  const error = await run(sharer).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ShareError);
  return error as ShareError;
}

beforeEach(async () => {
  world = await makeWorld();
});

describe('a cancelled or expired credential is not offered', () => {
  it('the only licence is cancelled: the request is refused, naming the licence and why', async () => {
    const sharer = createSharer({ vault: world.vault, now, views: views({ licence: { status: 'revoked' }, rtw: {} }) });
    const error = await refusal(sharer, async (s) => s.readRequest(await over18Request(world)));
    expect(error.code).toBe('credential-unusable');
    expect(error.details.unusable?.map((u) => ({ ...u, typeName: words(u.typeName) }))).toEqual([{ typeName: { en: 'Driving licence', cy: 'Trwydded yrru' }, issuerName: DVLA_NAME, reason: 'revoked' }]);
  });

  it('suspended and expired are refused the same way', async () => {
    const suspended = createSharer({ vault: world.vault, now, views: views({ licence: { status: 'suspended' } }) });
    expect((await refusal(suspended, async (s) => s.readRequest(await over18Request(world)))).details.unusable?.[0]?.reason).toBe('suspended');
    const expired = createSharer({ vault: world.vault, now, views: views({ licence: { validUntil: '2026-05-31T00:00:00Z' } }) });
    expect((await refusal(expired, async (s) => s.readRequest(await over18Request(world)))).details.unusable?.[0]?.reason).toBe('expired');
  });

  it('with a cancelled and a valid licence, only the valid one is offered, and the candidate says which it is', async () => {
    await addCredential(world.vault, 'licence-2', { key: world.dvla, iss: 'https://dvla.example.gov.uk', vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Ada', age_over_18: true } });
    const sharer = createSharer({ vault: world.vault, now, views: views({ licence: { status: 'revoked' }, 'licence-2': { validUntil: '2031-01-01T00:00:00Z' } }) });
    const read = await sharer.readRequest(await over18Request(world));
    expect(read.candidates.map((c) => c.credentialId)).toEqual(['licence-2']);
    expect(words(read.candidates[0]!.typeName)).toMatchObject({ en: 'Driving licence' });
    expect(read.candidates[0]).toMatchObject({ issuerName: DVLA_NAME, validUntil: '2031-01-01T00:00:00Z', status: 'valid' });
  });

  it('quick show refuses a cancelled credential, naming it', async () => {
    const sharer = createSharer({ vault: world.vault, now, views: views({ licence: { status: 'revoked' } }) });
    const error = await refusal(sharer, (s) => s.quickShow('licence', [['age_over_18']]));
    expect(error.code).toBe('credential-unusable');
    expect(error.details.unusable?.[0]).toMatchObject({ reason: 'revoked' });
    expect(words(error.details.unusable?.[0]?.typeName)).toMatchObject({ en: 'Driving licence' });
    expect(world.vault.activity).toEqual([]);
  });
});
