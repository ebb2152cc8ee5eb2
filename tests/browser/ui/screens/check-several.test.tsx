/**
 * The checker verifying an answer that holds several credentials (OpenID4VP 1.0 §6.4.2: a DCQL
 * query needing more than one; §8.1: one vp_token keyed by credential query id): every presentation
 * in one signature batch, each required query answered, a result per credential, an overall pass
 * only if all pass — and the result screen showing each credential.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { readDisplayName } from '../../../../src/wallet/shared/display-name';
import { reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { createPresentation, type SignatureVerifier } from '../../../../src/credentials/index';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { encryptJwe } from '../../../../src/lib/jwe';
import { splitIntoFrames } from '../../../../src/protocols/in-person/frames';
import { decodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy } from '../../../shared/catalogues';
import { CheckResultView } from '../../../../src/ui/share/CheckResultView';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { Checker, CheckResult } from '../../../../src/wallet/check';
import { addCredential, DVLA, makeWorld, NOW, type World } from '../../support/share-fixtures';

const now = () => NOW.getTime();
let world: World;
let sharer: Sharer;
let checker: Checker;
let batches: number[];

/** A query needing a driving licence (over 18) and a right to work, both required (no credential_sets). */
const TWO: Record<string, unknown> = {
  credentials: [
    { id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }] },
    { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['given_name'] }, { path: ['right_to_work'] }] },
  ],
};

beforeEach(async () => {
  world = await makeWorld();
  sharer = createSharer({ vault: world.vault, now });
  batches = [];
  const worker = workerSignatureVerifier();
  const counting: SignatureVerifier = { verifyBatch: (items) => (batches.push(items.length), worker.verifyBatch(items)) };
  checker = createChecker({ verifier: counting, trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

async function feed(requestId: string, frames: string[]): Promise<CheckResult> {
  for (const f of frames) await checker.addFrame(requestId, f);
  return checker.verify(requestId);
}

/** An answer built by hand: `vp_token` as given (credential id per query id), encrypted to the request. */
async function handMade(query: Record<string, unknown>, give: Record<string, string>): Promise<CheckResult> {
  const request = await checker.createRequest({ dcqlQuery: query, verifierName: 'Acme Ltd' });
  const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
  const vp: Record<string, string[]> = {};
  for (const [queryId, credentialId] of Object.entries(give)) {
    const raw = world.vault.credentials.find((c) => c.id === credentialId)!.raw;
    const disclose = credentialId === 'licence' || credentialId === 'revoked' ? [['age_over_18']] : [['given_name'], ['right_to_work']];
    vp[queryId] = [await createPresentation(raw, { disclose, audience: decoded.clientId, nonce: decoded.nonce, holderKey: await world.vault.deviceSigningKey(credentialId), now: NOW })];
  }
  const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: vp })), decoded.encryptionKey!);
  return feed(request.requestId, splitIntoFrames('response', jwe));
}

const failed = (r: { reasons: { ok: boolean; code: string }[] }) => r.reasons.filter((x) => !x.ok).map((x) => x.code);

describe('several credentials in one answer', () => {
  it('the holder\'s answer to a two-credential query: both verified in one batch, a result for each, an overall pass', async () => {
    const request = await checker.createRequest({ dcqlQuery: TWO, verifierName: 'Acme Ltd' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.queryIds).toEqual(['licence', 'work']);
    const answers = read.queryIds.map((queryId) => {
      const candidate = read.candidates.find((c) => c.queryId === queryId)!;
      return { queryId, credentialId: candidate.credentialId, claims: candidate.requested.map((r) => r.path) };
    });
    const frames = await sharer.respond(read.requestId, answers);
    batches = [];
    const result = await feed(request.requestId, frames.frames);

    expect(result.ok).toBe(true);
    expect(result.reasons.map((r) => [r.code, r.ok])).toEqual([['request:credentials', true]]);
    expect(result.credentials!.map((c) => [c.queryId, words(c.typeName)?.en, c.issuerName?.en, c.ok])).toEqual([
      ['licence', 'Driving licence', 'Driver and Vehicle Licensing Agency', true],
      ['work', 'Right to work', 'Home Office', true],
    ]);
    for (const c of result.credentials!) expect(failed(c)).toEqual([]);
    expect(result.credentials![0]!.reasons.map((r) => r.code)).toEqual(['format', 'signature', 'disclosures', 'issuer-trusted', 'validity', 'status', 'key-binding', 'request']);
    expect(result.credentials![0]!.claims.map((c) => [c.path[0], c.value])).toEqual([['age_over_18', true]]);
    expect(result.credentials![1]!.claims.map((c) => c.path[0]).sort()).toEqual(['given_name', 'right_to_work']);
    expect(result.claims).toHaveLength(3);
    expect(result.typeName).toBeUndefined();
    // Both issuer signatures and both KB-JWTs went to the verifier together.
    expect(batches.some((n) => n >= 4)).toBe(true);

    await checker.keepRecord(request.requestId);
    expect(world.vault.activity[0]).toMatchObject({ kind: 'checked' });
    expect(words(readDisplayName(world.vault.activity[0]!.credentialTypeName))).toMatchObject({ en: 'Driving licence, Right to work' });
  });

  it('a required credential left out fails the whole answer, naming it; the credential given still has its own result', async () => {
    const result = await handMade(TWO, { licence: 'licence' });
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['request:missing-credentials']);
    expect(reasonText(result.reasons.find((r) => !r.ok)!, translator('en'), 'en')).toContain('Right to work');
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials![0]!.ok).toBe(true);
  });

  it('credential_sets: one option of a required set is enough; a set left wholly unanswered fails', async () => {
    const either = { ...TWO, credential_sets: [{ options: [['licence'], ['work']] }] };
    const one = await handMade(either, { work: 'rtw' });
    expect(failed(one)).toEqual([]);
    expect(one.ok).toBe(true);
    const both = { ...TWO, credential_sets: [{ options: [['licence']] }, { options: [['work']], required: false }] };
    expect((await handMade(both, { licence: 'licence' })).ok).toBe(true);
    const missing = await handMade(both, { work: 'rtw' });
    expect(missing.ok).toBe(false);
    expect(failed(missing)).toEqual(['request:missing-credentials']);
  });

  it('one credential failing fails the answer; a credential under a query that was not asked, or of the wrong type, fails', async () => {
    await addCredential(world.vault, 'revoked', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { age_over_18: true }, status: 3 });
    const revoked = await handMade(TWO, { licence: 'revoked', work: 'rtw' });
    expect(revoked.ok).toBe(false);
    expect(revoked.credentials!.map((c) => [c.queryId, c.ok, failed(c)])).toEqual([['licence', false, ['status:revoked']], ['work', true, []]]);
    expect(revoked.reasons.every((r) => r.ok)).toBe(true);

    const stray = await handMade(TWO, { licence: 'licence', work: 'rtw', other: 'rtw' });
    expect(stray.ok).toBe(false);
    expect(stray.credentials!.find((c) => c.queryId === 'other')!.reasons.map((r) => r.code)).toContain('request:not-asked');

    const swapped = await handMade(TWO, { licence: 'rtw', work: 'rtw' });
    expect(swapped.ok).toBe(false);
    expect(failed(swapped.credentials![0]!)).toEqual(['request:wrong-type']);
  });

  it('a DCQL query that is not valid is refused when the check starts', async () => {
    await expect(checker.createRequest({ dcqlQuery: { credentials: [] }, verifierName: 'Acme Ltd' })).rejects.toThrow(TypeError);
  });
});

describe('the result screen', () => {
  const host = document.body.appendChild(document.createElement('div'));
  afterEach(() => render(null, host));

  it('shows each credential with its own verdict, reasons and shared details (Welsh too)', async () => {
    await addCredential(world.vault, 'revoked', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { age_over_18: true }, status: 3 });
    const result = await handMade(TWO, { licence: 'revoked', work: 'rtw' });
    await act(() => render(<I18nProvider initial="cy"><CheckResultView result={result} /></I18nProvider>, host));
    const view = host.querySelector('[data-testid="check-result"]')!;
    expect(view.getAttribute('data-ok')).toBe('false');
    expect(view.querySelector('.govuk-panel__title')!.textContent).toBe(cy['check.fail']);
    const sections = [...host.querySelectorAll('[data-testid="checked-credential"]')];
    expect(sections.map((s) => [s.getAttribute('data-ok'), s.querySelector('h2')!.textContent])).toEqual([
      ['false', expect.stringContaining('Trwydded yrru')],
      ['true', expect.stringContaining('Hawl i weithio')],
    ]);
    expect(sections[0]!.textContent).toContain("Mae'r cyhoeddwr wedi dirymu'r credyd hwn");
    expect(sections[1]!.querySelector('[data-testid="disclosed-claims"]')!.textContent).toContain('Ada');
  });
});
