/**
 * Holder and verifier, end to end in Chromium: request QR → consent → encrypted response frames →
 * offline check (signatures in the crypto worker). Issue 7's bad inputs each fail with their code.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { viaWords, wordsOfName } from '../../../../src/ui/i18n/names';
import { readDisplayName } from '../../../../src/wallet/shared/display-name';
import { reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers } from '../../../../src/credentials/index';
import { encryptJwe } from '../../../../src/lib/jwe';
import { decodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { createChecker, QUICK_SHOW_REQUEST_ID } from '../../../../src/wallet/check';
import { staticTrust, type CheckTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type Sharer } from '../../../../src/wallet/share/share-api';
import { CheckError, type Checker, type CheckResult } from '../../../../src/wallet/check';
import { createActivityLog } from '../../../../src/wallet/activity/activity';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { addCredential, DVLA, makeWorld, NOW, scrambled, type World } from '../../support/share-fixtures';
import { createPresentation } from '../../../../src/credentials/index';

let world: World;
let clock: number;
let sharer: Sharer;
let checker: Checker;

function setUp(trust?: CheckTrust): void {
  clock = NOW.getTime();
  const now = () => clock;
  sharer = createSharer({ vault: world.vault, now });
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: trust ?? staticTrust(world.trustList, world.statusLists), vault: world.vault, now });
}

beforeEach(async () => {
  world = await makeWorld();
  setUp();
});
afterAll(() => stopCryptoWorker());

async function exchange(purpose: 'over-18' | 'right-to-work' | 'identity', choose?: (claims: (string | number | null)[][]) => (string | number | null)[][]) {
  const request = await checker.createRequest({ purpose, verifierName: 'The Red Lion' });
  expect(request.qr.frames).toHaveLength(1);
  const read = await sharer.readRequest(request.qr.frames[0]!);
  const candidate = read.candidates[0]!;
  const claims = await sharer.claimsForPurpose(candidate.credentialId, purpose);
  const frames = await sharer.respond(read.requestId, candidate.credentialId, choose ? choose(claims) : claims);
  return { request, read, frames };
}

async function feedAll(requestId: string, frames: string[]): Promise<void> {
  for (const f of frames) await checker.addFrame(requestId, f);
}

/** Names kept in the activity log (codes), as the screens word them (src/ui/i18n/names.ts). */
const keptWords = (names: unknown) => (Array.isArray(names) ? names : []).map((n) => words(readDisplayName(n)));
const failed = (r: CheckResult) => r.reasons.filter((x) => !x.ok).map((x) => x.code);

describe('request and response', () => {
  it('over 18: reveals nothing but age_over_18, verified offline in the worker', async () => {
    const { request, read, frames } = await exchange('over-18');
    expect(read).toMatchObject({ mode: 'in-person', verifierName: 'The Red Lion', purpose: 'over-18' });
    expect(read.candidates.map((c) => c.credentialId)).toEqual(['licence']);
    expect(read.candidates[0]!.requested.map((c) => c.path)).toEqual([['age_over_18']]);
    expect(read.candidates[0]!.notShared.map((c) => c.path[0])).toEqual(expect.arrayContaining(['birth_date', 'given_name', 'portrait']));
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(failed(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.claims.map((c) => [c.path, c.value, words(c.label)])).toEqual([[['age_over_18'], true, { en: 'Aged 18 or over', cy: '18 oed neu hŷn' }]]);
    expect(result.unrequested).toEqual([]);
    expect(result.issuerName?.en).toBe('Driver and Vehicle Licensing Agency');
    expect(words(result.typeName)?.en).toBe('Driving licence');
    expect(result.status?.state).toBe('valid');
    expect(result.status?.checkedAt).toBeDefined();
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.reasons.map((r) => r.code)).toEqual(['format', 'signature', 'disclosures', 'issuer-trusted', 'validity', 'status', 'key-binding', 'request']);
    // The share is in the activity log: to whom, which credential, which claims.
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', credentialId: 'licence', counterparty: 'The Red Lion' });
    expect(keptWords(world.vault.activity[0]!.claims)).toEqual([{ en: 'Aged 18 or over', cy: '18 oed neu hŷn' }]);
    // Nothing is kept by the checker unless asked.
    expect(world.vault.records.size).toBe(0);
  });

  it('right to work: the Home Office credential with name, right and restrictions only', async () => {
    const { request, read, frames } = await exchange('right-to-work');
    expect(read.candidates.map((c) => c.credentialId)).toEqual(['rtw']);
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(true);
    expect(result.claims.map((c) => c.path[0]).sort()).toEqual(['family_name', 'given_name', 'right_to_work', 'work_restrictions']);
    expect(result.claims.some((c) => c.path[0] === 'share_code' || c.path[0] === 'birth_date')).toBe(false);
    await checker.keepRecord(request.requestId);
    const [key] = [...world.vault.records.keys()];
    expect(key).toMatch(/^check-record\//);
    // "With" is the person checked (their name, shared); the checker's own name is the record's checkedBy.
    expect(world.vault.activity[0]).toMatchObject({ kind: 'checked', counterparty: 'Ada Lovelace', check: { verdict: 'pass', checkedBy: 'The Red Lion' } });
  });

  it('a multi-frame response (portrait) is assembled out of order, duplicates ignored, a missing frame named', async () => {
    const { request, frames } = await exchange('identity');
    expect(frames.frames.length).toBeGreaterThanOrEqual(3);
    const [first, ...rest] = scrambled(frames.frames);
    const missingIndex = Number(first!.split('.')[2]);
    for (const f of rest.filter((f) => f !== first)) await checker.addFrame(request.requestId, f);
    const err = await checker.verify(request.requestId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckError);
    expect((err as CheckError).code).toBe('frame-missing');
    expect((err as CheckError).details.missing).toEqual([missingIndex]);
    const progress = await checker.addFrame(request.requestId, first!);
    expect(progress).toEqual({ received: frames.frames.length, total: frames.frames.length, complete: true });
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(true);
    expect(result.claims.find((c) => c.path[0] === 'portrait')?.value).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('never sends a portrait that was not asked for, even when ticked', async () => {
    const { request, frames } = await exchange('over-18', (claims) => [...claims, ['portrait']]);
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.claims.map((c) => c.path[0])).toEqual(['age_over_18']);
    expect(keptWords(world.vault.activity[0]!.claims)).toEqual([{ en: 'Aged 18 or over', cy: '18 oed neu hŷn' }]);
  });

  it('fails when a claim asked for is not shared, naming it', async () => {
    const { request, frames } = await exchange('right-to-work', (claims) => claims.filter((c) => c[0] !== 'work_restrictions'));
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['request:missing-claims']);
    expect(reasonText(result.reasons.find((r) => !r.ok)!, translator('en'), 'en')).toContain('Work restrictions');
  });

  it('fails when the credential is not of a type asked for, even though it verifies', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
    const raw = world.vault.credentials.find((c) => c.id === 'rtw')!.raw;
    const presentation = await createPresentation(raw, { disclose: [['given_name']], audience: decoded.clientId, nonce: decoded.nonce, holderKey: await world.vault.deviceSigningKey('rtw'), now: NOW });
    const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: { over_18: [presentation] } })), decoded.encryptionKey!);
    const { splitIntoFrames } = await import('../../../../src/protocols/in-person/frames');
    await feedAll(request.requestId, splitIntoFrames('response', jwe));
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['request:wrong-type']);
  });

  it('flags claims that were not asked for', async () => {
    const { request, frames } = await exchange('over-18', (claims) => [...claims, ['birth_date']]);
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(true);
    expect(result.unrequested).toEqual([['birth_date']]);
  });
});

describe('bad input', () => {
  it('a replayed response fails: the same answer twice, and an answer to another request', async () => {
    const { request, frames } = await exchange('over-18');
    await feedAll(request.requestId, frames.frames);
    expect((await checker.verify(request.requestId)).ok).toBe(true);
    await feedAll(request.requestId, frames.frames);
    await expect(checker.verify(request.requestId)).rejects.toMatchObject({ code: 'replayed' });
    // The same answer shown to another check: encrypted to another key.
    const other = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Crown' });
    await feedAll(other.requestId, frames.frames);
    await expect(checker.verify(other.requestId)).rejects.toMatchObject({ code: 'wrong-key' });
  });

  it('a presentation made for another nonce, encrypted to this key, is replayed', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
    const raw = world.vault.credentials.find((c) => c.id === 'licence')!.raw;
    const presentation = await createPresentation(raw, { disclose: [['age_over_18']], audience: decoded.clientId, nonce: 'an-old-nonce', holderKey: await world.vault.deviceSigningKey('licence'), now: NOW });
    const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: { over_18: [presentation] } })), decoded.encryptionKey!);
    const { splitIntoFrames } = await import('../../../../src/protocols/in-person/frames');
    await feedAll(request.requestId, splitIntoFrames('response', jwe));
    await expect(checker.verify(request.requestId)).rejects.toMatchObject({ code: 'replayed' });
  });

  it('an expired request: the holder is told, and the checker refuses a late answer', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    const frames = await sharer.respond(read.requestId, 'licence', [['age_over_18']]);
    clock += 20 * 60_000;
    await expect(sharer.readRequest(request.qr.frames[0]!)).rejects.toMatchObject({ code: 'request-expired' });
    await feedAll(request.requestId, frames.frames);
    await expect(checker.verify(request.requestId)).rejects.toMatchObject({ code: 'request-expired' });
  });

  it('garbage and other apps\' QR codes', async () => {
    for (const text of ['hello', 'https://example.com/', 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fx', 'WIFI:S:cafe;T:WPA;P:secret;;', 'SVQ1.!!!!']) {
      const e = await sharer.readRequest(text).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ShareError);
      expect(['not-a-request', 'request-malformed']).toContain((e as ShareError).code);
    }
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'x' });
    for (const text of ['hello', 'https://example.com/', request.qr.frames[0]!]) {
      await expect(checker.addFrame(request.requestId, text)).rejects.toMatchObject({ code: 'not-a-response' });
    }
    await expect(checker.addFrame('no-such-check', 'SR1.AAAAAAAA.1.1.abc')).rejects.toMatchObject({ code: 'request-expired' });
  });

  it('asks for nothing the wallet holds', async () => {
    world.vault.credentials.splice(1, 1); // no right-to-work credential
    const request = await checker.createRequest({ purpose: 'right-to-work', verifierName: 'Acme Ltd' });
    await expect(sharer.readRequest(request.qr.frames[0]!)).rejects.toMatchObject({ code: 'nothing-matches' });
  });

  it('a locked vault', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'x' });
    world.vault.locked = true;
    await expect(sharer.readRequest(request.qr.frames[0]!)).rejects.toMatchObject({ code: 'locked' });
  });

  it('a revoked credential fails on status', async () => {
    await addCredential(world.vault, 'revoked', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { age_over_18: true }, status: 3 });
    world.vault.credentials.splice(0, 1); // only the revoked licence can answer
    const { request, frames } = await exchange('over-18');
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['status:revoked']);
    expect(result.status?.state).toBe('revoked');
  });

  it('an untrusted issuer fails', async () => {
    setUp(staticTrust(trustListFromIssuers([{ id: 'https://other.example', name: 'Other', keys: [world.homeOffice.jwk] }]), world.statusLists));
    const { request, frames } = await exchange('over-18');
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(failed(result)).toContain('issuer-trusted:unknown-issuer');
  });

  it('a tampered credential fails', async () => {
    // The holder's wallet was given a credential whose signed payload was altered afterwards.
    const licence = world.vault.credentials[0]!;
    const [jws, ...rest] = licence.raw.split('~');
    const [h, p, s] = jws!.split('.');
    const payload = JSON.parse(atob(p!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    payload.exp = (payload.exp as number) + 10 * 365 * 86_400;
    const altered = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    licence.raw = [`${h}.${altered}.${s}`, ...rest].join('~');
    const { request, frames } = await exchange('over-18');
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(failed(result)).toContain('signature:mismatch');
    expect(result.claims).toEqual([]);
  });

  it('no trust list on the phone: fails with a plain reason', async () => {
    setUp({ trustList: async () => undefined, statusList: async () => Promise.reject(new Error('none')) });
    const { request, frames } = await exchange('over-18');
    await feedAll(request.requestId, frames.frames);
    const result = await checker.verify(request.requestId);
    expect(result.ok).toBe(false);
    expect(result.reasons[0]!.code).toBe('trust-list:missing');
  });
});

describe('quick show', () => {
  it('is accepted once while fresh; a copy, or an old code, is refused', async () => {
    const frames = await sharer.quickShow('licence', [['age_over_18']]);
    expect(frames.frames[0]!.startsWith('SQ1.')).toBe(true);
    await checker.acceptQuickShow();
    await feedAll(QUICK_SHOW_REQUEST_ID, scrambled(frames.frames));
    const result = await checker.verify(QUICK_SHOW_REQUEST_ID);
    expect(failed(result)).toEqual([]);
    expect(result.claims.map((c) => c.path[0])).toEqual(['age_over_18']);
    await feedAll(QUICK_SHOW_REQUEST_ID, frames.frames);
    await expect(checker.verify(QUICK_SHOW_REQUEST_ID)).rejects.toMatchObject({ code: 'replayed' });
    const late = await sharer.quickShow('licence', [['age_over_18']]);
    clock += 3 * 60_000;
    await feedAll(QUICK_SHOW_REQUEST_ID, late.frames);
    await expect(checker.verify(QUICK_SHOW_REQUEST_ID)).rejects.toMatchObject({ code: 'replayed' });
    // Logged as a quick show, a code the screen words in the person's language: not as English text.
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', via: 'quick-show' });
    expect(world.vault.activity[0]).not.toHaveProperty('counterparty');
    const log = createActivityLog(world.vault);
    expect(await log.list({ text: 'dangos cyflym', words: wordsOfName, viaWords })).toHaveLength(2);
    expect(await log.list({ text: 'QUICK SHOW', words: wordsOfName, viaWords })).toHaveLength(2);
  });

  it('a quick-show code is not an answer to a request, nor the reverse', async () => {
    const quick = await sharer.quickShow('licence', [['age_over_18']]);
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'x' });
    await expect(checker.addFrame(request.requestId, quick.frames[0]!)).rejects.toMatchObject({ code: 'not-a-response' });
  });
});

describe('activity log', () => {
  it('lists, filters by kind and text, removes and exports', async () => {
    await exchange('over-18');
    await exchange('right-to-work');
    await world.vault.recordActivity({ kind: 'received', credentialTypeName: { en: 'Driving licence', cy: 'Trwydded yrru' }, counterparty: 'DVLA', claims: [] });
    await world.vault.recordActivity({ kind: 'nonsense' });
    const log = createActivityLog(world.vault);
    expect((await log.list()).map((e) => e.kind)).toEqual(['received', 'shared', 'shared']);
    expect(await log.list({ kind: 'received' })).toHaveLength(1);
    expect((await log.list({ text: 'right to WORK' })).map((e) => e.claims.map((c) => words(c).en))).toEqual([['Given name', 'Family name', 'Right to work', 'Work restrictions']]);
    // Welsh type names match too, in the words the screen gives names (src/ui/i18n/names.ts).
    expect(await log.list({ text: 'trwydded', words: wordsOfName })).toHaveLength(2);
    expect(await log.list({ text: 'trwydded', kind: 'shared', words: wordsOfName })).toHaveLength(1);
    const [first] = await log.list();
    await log.remove(first!.id);
    expect(await log.list()).toHaveLength(2);
    const doc = JSON.parse(await (await log.export()).text()) as { format: string; entries: unknown[] };
    expect(doc.format).toBe('satchel-activity-log');
    expect(doc.entries).toHaveLength(2);
  });
});
