/**
 * Issue 11: the veteran card (a W3C VC secured as a JWT, `vc+jwt`, no selective disclosure) is
 * shared whole — with consent that says so — and checked like any other credential, in person
 * (request and response) and by quick show; quick show handles every credential type it lists.
 * Real crypto worker on the checker's side; the holder's device key is a WebCrypto key.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers } from '../../../../src/credentials/index';
import { createChecker, QUICK_SHOW_REQUEST_ID } from '../../../../src/wallet/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES, PURPOSES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { Checker, CheckResult } from '../../../../src/wallet/check';
import { es256Key } from '../../../shared/credentials/helpers';
import { addCredential, DVLA, HOME_OFFICE, MemoryVault, NOW } from '../../support/share-fixtures';
import { addVeteranCard, SUBJECT, veterans, VETERANS } from '../../support/veteran-fixture';


let vault: MemoryVault;
let sharer: Sharer;
let checker: Checker;
let clock: number;

const dvla = es256Key('dvla-1');
const homeOffice = es256Key('ho-1');
const trustList = trustListFromIssuers([
  { id: VETERANS, name: { en: "Office for Veterans' Affairs", cy: 'Swyddfa Materion Cyn-filwyr' }, keys: [veterans.jwk], types: ['VeteranCard'] },
  { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, keys: [dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
  { id: HOME_OFFICE, name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, keys: [homeOffice.jwk], types: [CREDENTIAL_TYPES.rightToWork] },
]);

beforeEach(async () => {
  vault = new MemoryVault();
  await addCredential(vault, 'licence', { key: dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Ada', family_name: 'Lovelace', age_over_18: true } });
  await addVeteranCard(vault, 'veteran');
  await addCredential(vault, 'rtw', { key: homeOffice, iss: HOME_OFFICE, vct: CREDENTIAL_TYPES.rightToWork, sd: { given_name: 'Ada', family_name: 'Lovelace', right_to_work: 'Unlimited', work_restrictions: 'None' } });
  clock = NOW.getTime();
  const now = () => clock;
  sharer = createSharer({ vault, now });
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustList, {}), vault, now });
});
afterAll(() => stopCryptoWorker());

const failed = (r: CheckResult) => r.reasons.filter((x) => !x.ok).map((x) => `${x.code}: ${reasonText(x, translator('en'), 'en')}`);

async function checkQuickShow(frames: string[]): Promise<CheckResult> {
  await checker.acceptQuickShow();
  for (const f of frames) await checker.addFrame(QUICK_SHOW_REQUEST_ID, f);
  return checker.verify(QUICK_SHOW_REQUEST_ID);
}

describe('the veteran card (vc+jwt), shared whole', () => {
  it('a checker asks for a veteran; the consent offers the card whole; the answer checks out with proof of possession', async () => {
    expect(PURPOSES.veteran).toBeDefined();
    const request = await checker.createRequest({ purpose: 'veteran', verifierName: 'Armed Forces Day' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.purpose).toBe('veteran');
    expect(read.candidates).toHaveLength(1);
    const candidate = read.candidates[0]!;
    expect(candidate).toMatchObject({ credentialId: 'veteran', whole: true });
    expect(words(candidate!.typeName)).toMatchObject({ en: 'Veteran card' });
    // Everything on the card is shared, and the consent lists it all; nothing is left out.
    expect(candidate.requested.map((c) => c.path.at(-1))).toEqual(Object.keys(SUBJECT));
    expect(candidate.notShared).toEqual([]);
    const frames = await sharer.respond(read.requestId, 'veteran', candidate.requested.map((c) => c.path));
    for (const f of frames.frames) await checker.addFrame(request.requestId, f);
    const result = await checker.verify(request.requestId);
    expect(failed(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.reasons.map((r) => r.code)).toContain('key-binding');
    expect(words(result.typeName)?.en).toBe('Veteran card');
    expect(result.issuerName?.en).toBe("Office for Veterans' Affairs");
    expect(Object.fromEntries(result.claims.map((c) => [c.path.at(-1), c.value]))).toEqual(SUBJECT);
    expect(vault.activity[0]).toMatchObject({ kind: 'shared', credentialId: 'veteran', counterparty: 'Armed Forces Day' });
  });

  it('a card answered for another check (another nonce) is refused as a replay', async () => {
    const first = await checker.createRequest({ purpose: 'veteran', verifierName: 'A' });
    const second = await checker.createRequest({ purpose: 'veteran', verifierName: 'B' });
    const read = await sharer.readRequest(first.qr.frames[0]!);
    const frames = await sharer.respond(read.requestId, 'veteran', read.candidates[0]!.requested.map((c) => c.path));
    await expect((async () => {
      for (const f of frames.frames) await checker.addFrame(second.requestId, f);
      return checker.verify(second.requestId);
    })()).rejects.toMatchObject({ name: 'CheckError' });
  });

  it('the veteran purpose is not answered by a driving licence, and a licence purpose not by the veteran card', async () => {
    const over18 = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    expect((await sharer.readRequest(over18.qr.frames[0]!)).candidates.map((c) => c.credentialId)).toEqual(['licence']);
  });
});

describe('quick show handles every credential type it lists', () => {
  it('each held credential: its claims, a purpose where one fits, a code the checker accepts', async () => {
    for (const stored of vault.credentials) {
      const claims = await sharer.shareableClaims(stored.id);
      expect(claims.length).toBeGreaterThan(0);
      const frames = await sharer.quickShow(stored.id, claims.map((c) => c.path));
      const result = await checkQuickShow(frames.frames);
      expect(failed(result), stored.id).toEqual([]);
      expect(result.ok).toBe(true);
      clock += 1000; // each code is accepted once; the next one is a new presentation
    }
  });

  it('the veteran card: the veteran purpose picks its claims; a purpose it cannot answer gives none', async () => {
    expect(await sharer.claimsForPurpose('veteran', 'veteran')).not.toEqual([]);
    expect(await sharer.claimsForPurpose('veteran', 'over-18')).toEqual([]);
    const frames = await sharer.quickShow('veteran', await sharer.claimsForPurpose('veteran', 'veteran'));
    const result = await checkQuickShow(frames.frames);
    expect(failed(result)).toEqual([]);
    expect(words(result.typeName)?.en).toBe('Veteran card');
    // Shown whole: the checker sees every claim on the card.
    expect(result.claims.map((c) => c.path.at(-1))).toEqual(Object.keys(SUBJECT));
  });
});
