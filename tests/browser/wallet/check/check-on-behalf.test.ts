/**
 * Checking an answer given on someone's behalf, in person, in Chromium (docs/carers.md): the
 * checker asks for "identity of someone they act for: money and property" (the person's licence
 * and the holder's authority, OpenID4VP 1.0 §6.4.2), verifies both presentations of the one
 * answer offline in the crypto worker, then applies the on-behalf rule. Answers come from
 * Satchel's sharer (consistency) and are built by hand, the authority presented by
 * @sd-jwt/sd-jwt-vc 0.19.0 (code we did not write).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createPresentation, trustListFromIssuers } from '../../../../src/credentials/index';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { encryptJwe } from '../../../../src/lib/jwe';
import { splitIntoFrames } from '../../../../src/protocols/in-person/frames';
import { decodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import type { Checker, CheckResult } from '../../../../src/wallet/check';
import { createChecker } from '../../../../src/wallet/check/check';
import { readCheckRecord } from '../../../../src/wallet/check/check-record';
import type { HeldAuthority, People, Person } from '../../../../src/wallet/people';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared/types';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { es256Key, holderKeyPair, issueSdJwtVc, statusListToken } from '../../../shared/credentials/helpers';
import { DVLA, HOME_OFFICE, makeWorld, NOW, PORTRAIT, type World } from '../../support/share-fixtures';

const OPG = 'https://opg.example.gov.uk';
const OPG_STATUS = 'https://opg.example.gov.uk/status/1';
const MUM = 'mum';
const NOW_S = Math.floor(NOW.getTime() / 1000);
const EXP = NOW_S + 365 * 86_400;
const MARGARET = { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', age_over_18: true, portrait: PORTRAIT };
const AUTHORITY = {
  attorney_given_name: 'Ada', attorney_family_name: 'Jones',
  donor_given_name: 'Margaret', donor_family_name: 'Jones', donor_birth_date: '1951-05-14',
  power: 'property-and-financial-affairs', reference: 'M-7321-4480-1123', registered_on: '2024-03-02',
};
const AUTHORITY_SHOWN = ['attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'];
const IDENTITY_SHOWN = ['given_name', 'family_name', 'birth_date', 'portrait'];
const opg = es256Key('opg-1');
const opgStatus = es256Key('opg-status-1');

/** The people use case as it would answer (its own tests prove how an authority is linked to a person). */
class FakePeople implements Pick<People, 'list' | 'authoritiesFor'> {
  people: Person[] = [{ id: SELF_PERSON, name: '', marker: 'blue' }, { id: MUM, name: 'Mum', marker: 'green', addedAt: '2026-05-01T00:00:00Z' }];
  authorities: HeldAuthority[] = [];
  async list(): Promise<Person[]> {
    return this.people;
  }
  async authoritiesFor(id: PersonId): Promise<HeldAuthority[]> {
    return this.authorities.filter((a) => a.personId === id);
  }
}

let world: World;
let people: FakePeople;
let sharer: Sharer;
let checker: Checker;
/** The OPG's status list: 0 valid, 1 revoked. */
let opgStatuses: number[];

/** Issues a credential into the vault, bound to a fresh device key, in `personId`'s space. */
async function hold(id: string, personId: PersonId, o: { key: typeof opg; iss: string; vct: string; sd: Record<string, unknown>; exp?: number; status?: number }): Promise<void> {
  const holder = await holderKeyPair();
  const { raw } = issueSdJwtVc({ key: o.key, plain: { iss: o.iss, vct: o.vct, exp: o.exp ?? EXP }, sd: o.sd, holderJwk: holder.jwk, ...(o.status !== undefined ? { status: { idx: o.status, uri: OPG_STATUS } } : {}) });
  world.vault.credentials.push({ id, raw, format: 'dc+sd-jwt', issuerName: o.iss, type: o.vct, receivedAt: NOW.toISOString(), personId });
  world.vault.keys.set(id, holder.privateKey);
}

const authority = (id: string, claims: Partial<typeof AUTHORITY> = {}, o: { status?: number; exp?: number } = {}) =>
  hold(id, SELF_PERSON, { key: opg, iss: OPG, vct: AUTHORITY_TYPE, sd: { ...AUTHORITY, ...claims }, status: o.status ?? 0, ...(o.exp !== undefined ? { exp: o.exp } : {}) });

beforeEach(async () => {
  world = await makeWorld();
  opgStatuses = [0, 1];
  const trustList = trustListFromIssuers(
    [
      { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, keys: [world.dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
      { id: HOME_OFFICE, name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, keys: [world.homeOffice.jwk], types: [CREDENTIAL_TYPES.rightToWork] },
      { id: OPG, name: { en: 'Office of the Public Guardian', cy: 'Swyddfa’r Gwarcheidwad Cyhoeddus' }, keys: [opg.jwk], types: [AUTHORITY_TYPE] },
    ],
    { statusListSigners: [{ id: `${OPG}/status`, keys: [opgStatus.jwk], issuers: [OPG] }] },
  );
  const statusLists = { ...world.statusLists, [OPG_STATUS]: statusListToken({ key: opgStatus, uri: OPG_STATUS, statuses: opgStatuses, iat: NOW_S - 600 }) };
  await hold('mum-licence', MUM, { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: MARGARET });
  await authority('lpa-mum');
  people = new FakePeople();
  people.authorities = [{ credentialId: 'lpa-mum', personId: MUM, power: 'property-and-financial-affairs', typeName: { of: 'type', type: AUTHORITY_TYPE }, validUntil: new Date(EXP * 1000).toISOString(), usable: true } as HeldAuthority];
  const now = () => NOW.getTime();
  sharer = createSharer({ vault: world.vault, now, people });
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustList, statusLists), vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

async function feed(requestId: string, frames: string[]): Promise<CheckResult> {
  for (const f of frames) await checker.addFrame(requestId, f);
  return checker.verify(requestId);
}

const failed = (r: CheckResult) => r.reasons.filter((x) => !x.ok).map((x) => x.code);

/** An answer built by hand: per query id a presentation (a vault credential by id, presented by Satchel, or one given), encrypted to the request. */
async function handMade(purpose: 'identity-for-finance' | 'identity-for-health', give: Record<string, string | ((aud: string, nonce: string) => Promise<string>)>, disclose: Record<string, string[]> = {}) {
  const request = await checker.createRequest({ purpose, verifierName: 'Barclays, Cardiff branch' });
  const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
  const vp: Record<string, string[]> = {};
  for (const [queryId, what] of Object.entries(give)) {
    if (typeof what === 'function') {
      vp[queryId] = [await what(decoded.clientId, decoded.nonce)];
      continue;
    }
    const raw = world.vault.credentials.find((c) => c.id === what)!.raw;
    const claims = disclose[queryId] ?? (queryId === 'authority' ? AUTHORITY_SHOWN : IDENTITY_SHOWN);
    vp[queryId] = [await createPresentation(raw, { disclose: claims.map((c) => [c]), audience: decoded.clientId, nonce: decoded.nonce, holderKey: await world.vault.deviceSigningKey(what), now: NOW })];
  }
  const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: vp })), decoded.encryptionKey!);
  return { requestId: request.requestId, result: await feed(request.requestId, splitIntoFrames('response', jwe)) };
}

const PRESENTED_BY_ADA_FOR_MARGARET = {
  ok: true,
  failures: [],
  attorney: { givenName: 'Ada', familyName: 'Jones' },
  donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
  power: 'property-and-financial-affairs',
  validUntil: new Date(EXP * 1000).toISOString().replace('.000Z', 'Z'),
  reference: 'M-7321-4480-1123',
};

describe('the checker on an answer given on someone\'s behalf', () => {
  it('Satchel\'s sharer answers for Mum with her licence and the carer\'s authority: pass, presented by Ada Jones on behalf of Margaret Jones', async () => {
    const request = await checker.createRequest({ purpose: 'identity-for-finance', verifierName: 'Barclays, Cardiff branch' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.onBehalf?.people.map((p) => p.personId)).toEqual([MUM]);
    const mum = read.onBehalf!.people[0]!;
    expect(mum.queryIds).toEqual(['identity', 'authority']);
    const answers = mum.queryIds.map((queryId) => {
      const candidate = read.candidates.find((c) => c.queryId === queryId && (c.personId === MUM || queryId === read.onBehalf!.authorityQueryId))!;
      return { queryId, credentialId: candidate.credentialId, claims: candidate.requested.map((r) => r.path) };
    });
    expect(answers.map((a) => [a.queryId, a.credentialId])).toEqual([['identity', 'mum-licence'], ['authority', 'lpa-mum']]);
    const result = await feed(request.requestId, (await sharer.respond(read.requestId, answers)).frames);
    expect(failed(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.verdict).toBe('pass');
    expect(result.onBehalf).toEqual(PRESENTED_BY_ADA_FOR_MARGARET);
    expect(result.reasons.map((r) => r.code)).toEqual(['request:credentials', 'on-behalf']);
    expect(result.credentials?.map((c) => [c.queryId, c.ok])).toEqual([['identity', true], ['authority', true]]);
  });

  it('an authority issued and presented by @sd-jwt/sd-jwt-vc, beside Satchel\'s presentation of the licence: pass', async () => {
    const attorney = await holderKeyPair();
    const sign = (key: CryptoKey) => async (data: string) => base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data))));
    const theirs = new SDJwtVcInstance({
      signer: async (data: string) => base64urlEncode(opg.sign(new TextEncoder().encode(data))),
      signAlg: 'ES256',
      hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
      hashAlg: 'sha-256',
      saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
      kbSigner: sign(attorney.privateKey),
      kbSignAlg: 'ES256',
    });
    const issued = await theirs.issue(
      { iss: OPG, vct: AUTHORITY_TYPE, iat: NOW_S - 60, exp: EXP, cnf: { jwk: attorney.jwk }, status: { status_list: { idx: 0, uri: OPG_STATUS } }, ...AUTHORITY },
      { _sd: Object.keys(AUTHORITY) as never },
      { header: { kid: 'opg-1' } },
    );
    const { result } = await handMade('identity-for-finance', {
      identity: 'mum-licence',
      authority: (aud, nonce) => theirs.present(issued, Object.fromEntries(AUTHORITY_SHOWN.map((c) => [c, true])), { kb: { payload: { iat: NOW_S, aud, nonce } } }),
    });
    expect(failed(result)).toEqual([]);
    expect(result.onBehalf).toEqual(PRESENTED_BY_ADA_FOR_MARGARET);
  });

  it('the authority revoked on the OPG\'s status list: fail, on-behalf:authority-revoked', async () => {
    await authority('lpa-revoked', {}, { status: 1 });
    const { result } = await handMade('identity-for-finance', { identity: 'mum-licence', authority: 'lpa-revoked' });
    expect(result.ok).toBe(false);
    expect(result.verdict).toBe('fail');
    expect(result.onBehalf?.failures).toEqual(['authority-revoked']);
    expect(failed(result)).toEqual(['on-behalf:authority-revoked']);
  });

  it('only Mum\'s licence where an authority was asked: fail, the authority missing', async () => {
    const { result } = await handMade('identity-for-finance', { identity: 'mum-licence' });
    expect(result.ok).toBe(false);
    expect(result.onBehalf).toEqual({ ok: false, failures: ['authority-missing'] });
    expect(failed(result)).toEqual(['request:missing-credentials', 'on-behalf:authority-missing']);
  });

  it('an authority for someone else (another date of birth): fail, person-mismatch', async () => {
    await authority('lpa-other', { donor_birth_date: '1950-01-01' });
    const { result } = await handMade('identity-for-finance', { identity: 'mum-licence', authority: 'lpa-other' });
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['on-behalf:person-mismatch']);
  });

  it('a property and financial affairs authority where health and welfare was asked: fail, power-not-covered', async () => {
    // The holder's answer states the power the request did not ask for; the checker says so.
    const { result } = await handMade('identity-for-health', { identity: 'mum-licence', authority: 'lpa-mum' });
    expect(result.ok).toBe(false);
    expect(failed(result)).toContain('on-behalf:power-not-covered');
  });

  it('a kept record holds the on-behalf outcome and its reasons', async () => {
    const { requestId } = await handMade('identity-for-finance', { identity: 'mum-licence', authority: 'lpa-mum' });
    await checker.keepRecord(requestId);
    const entry = world.vault.activity.find((a) => a.kind === 'checked') as unknown as { check: unknown; counterparty?: string };
    const record = readCheckRecord(entry.check);
    expect(record?.onBehalf).toEqual(PRESENTED_BY_ADA_FOR_MARGARET);
    expect(record?.checks.map((c) => ('code' in c ? c.code : '')).filter((c) => c.startsWith('on-behalf'))).toEqual(['on-behalf']);
    // The person checked is the one whose identity was shown.
    expect(entry.counterparty).toBe('Margaret Jones');
  });
});
