// checkOnBehalf (docs/carers.md): every failure, from real verified results. The authority and
// the licence are issued by test issuers and presented by Satchel's createPresentation, and the
// authority also by @sd-jwt/sd-jwt-vc 0.19.0 (code we did not write), then verified by
// verifyPresentations as the checker and the reference verifier do.
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPresentation, trustListFromIssuers, verifyPresentations } from '../../../src/credentials/index';
import { AUTHORITY_TYPE, type AuthorityPower } from '../../../src/credentials/on-behalf';
import { checkOnBehalf } from '../../../src/credentials/on-behalf-check';
import { onBehalfCredentialOf } from '../../../src/credentials/on-behalf-report';
import { base64urlEncode } from '../../../src/lib/base64url';
import { CREDENTIAL_TYPES } from '../../../src/wallet/shared/purposes';
import { es256Key, holderKeyPair, issueSdJwtVc, NOW, NOW_S, nobleVerifier, statusListToken, type TestKey } from '../../shared/credentials/helpers';

const DVLA = 'https://dvla.example.gov.uk';
const OPG = 'https://opg.example.gov.uk';
const OPG_STATUS = 'https://opg.example.gov.uk/status/1';
const AUD = 'satchel-in-person:on-behalf-test';
const NONCE = 'on-behalf-nonce-1';
const dvlaKey = es256Key('dvla-1');
const opgKey = es256Key('opg-1');
const opgStatusKey = es256Key('opg-status-1');
const trustList = trustListFromIssuers(
  [
    { id: DVLA, name: 'Driver and Vehicle Licensing Agency', keys: [dvlaKey.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
    { id: OPG, name: 'Office of the Public Guardian', keys: [opgKey.jwk], types: [AUTHORITY_TYPE] },
  ],
  { statusListSigners: [{ id: 'https://opg.example.gov.uk/status', keys: [opgStatusKey.jwk], issuers: [OPG] }] },
);
const EXP = NOW_S + 365 * 86_400;
const MARGARET = { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', portrait: 'data:image/jpeg;base64,/9j/4AAQ' };
const AUTHORITY = {
  attorney_given_name: 'Ada',
  attorney_family_name: 'Jones',
  donor_given_name: 'Margaret',
  donor_family_name: 'Jones',
  donor_birth_date: '1951-05-14',
  power: 'property-and-financial-affairs',
  reference: 'M-7321-4480-1123',
  registered_on: '2024-03-02',
};
const AUTHORITY_ASKED = ['attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'];
const POWER: AuthorityPower = 'property-and-financial-affairs';

type Holder = Awaited<ReturnType<typeof holderKeyPair>>;
let ada: Holder;
let mum: Holder;
let stranger: Holder;

function licence(claims: Record<string, unknown> = MARGARET): string {
  return issueSdJwtVc({ key: dvlaKey, plain: { iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence }, sd: claims, holderJwk: mum.jwk }).raw;
}

function authority(o: { claims?: Record<string, unknown>; key?: TestKey; exp?: number; idx?: number; vct?: string } = {}): string {
  return issueSdJwtVc({
    key: o.key ?? opgKey,
    plain: { iss: OPG, vct: o.vct ?? AUTHORITY_TYPE, exp: o.exp ?? EXP },
    sd: { ...AUTHORITY, ...o.claims },
    holderJwk: ada.jwk,
    status: { idx: o.idx ?? 0, uri: OPG_STATUS },
  }).raw;
}

const present = (raw: string, claims: string[], holder: Holder) => createPresentation(raw, { disclose: claims.map((c) => [c]), audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now: NOW });
const presentLicence = (raw = licence(), claims = ['given_name', 'family_name', 'birth_date', 'portrait']) => present(raw, claims, mum);
const presentAuthority = (raw = authority(), holder: Holder = ada) => present(raw, AUTHORITY_ASKED, holder);

/** The OPG's status list: index 0 valid, 1 revoked, 2 suspended. */
const statusList = statusListToken({ key: opgStatusKey, uri: OPG_STATUS, bits: 2, statuses: [0, 1, 2], ttl: 3600 });

async function check(answer: { identity?: string; authority?: string }, asked: { authority?: boolean; power?: AuthorityPower } = { authority: true, power: POWER }, fetchStatusList: (uri: string) => Promise<string> = async () => statusList) {
  const given = Object.entries(answer).filter((e): e is [string, string] => e[1] !== undefined);
  const reports = await verifyPresentations(given.map(([, p]) => p), { trustList, verifier: nobleVerifier, now: NOW, audience: AUD, nonce: NONCE, fetchStatusList });
  return checkOnBehalf({
    credentials: reports.map((report, i) => onBehalfCredentialOf(given[i]![0], report)),
    ...(asked.authority ? { authorityQueryId: 'authority' } : {}),
    ...(asked.power ? { powerAsked: asked.power } : {}),
  });
}

beforeAll(async () => {
  [ada, mum, stranger] = await Promise.all([holderKeyPair(), holderKeyPair(), holderKeyPair()]);
});

describe('checkOnBehalf', () => {
  it('passes: presented by Ada Jones on behalf of Margaret Jones, property and financial affairs, valid until its exp', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority() });
    expect(outcome).toEqual({
      ok: true,
      failures: [],
      attorney: { givenName: 'Ada', familyName: 'Jones' },
      donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
      power: POWER,
      validUntil: new Date(EXP * 1000).toISOString().replace('.000Z', 'Z'),
      reference: 'M-7321-4480-1123',
    });
  });

  it('passes with the authority issued and presented by @sd-jwt/sd-jwt-vc (its KB-JWT by the attorney\'s key)', async () => {
    const sign = (key: CryptoKey) => async (data: string) => base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data))));
    const sdJwtVc = (holder: Holder) => new SDJwtVcInstance({
      signer: async (data: string) => base64urlEncode(opgKey.sign(new TextEncoder().encode(data))),
      signAlg: 'ES256',
      hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
      hashAlg: 'sha-256',
      saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
      kbSigner: sign(holder.privateKey),
      kbSignAlg: 'ES256',
    });
    const theirs = sdJwtVc(ada);
    const issued = await theirs.issue(
      { iss: OPG, vct: AUTHORITY_TYPE, iat: NOW_S - 60, exp: EXP, cnf: { jwk: ada.jwk }, status: { status_list: { idx: 0, uri: OPG_STATUS } }, ...AUTHORITY },
      { _sd: Object.keys(AUTHORITY) as never },
      { header: { kid: 'opg-1' } },
    );
    const presented = await theirs.present(issued, Object.fromEntries(AUTHORITY_ASKED.map((c) => [c, true])), { kb: { payload: { iat: NOW_S, aud: AUD, nonce: NONCE } } });
    const outcome = await check({ identity: await presentLicence(), authority: presented });
    expect(outcome?.failures).toEqual([]);
    expect(outcome?.ok).toBe(true);
    expect(outcome?.attorney).toEqual({ givenName: 'Ada', familyName: 'Jones' });

    // The same presentation with the KB-JWT signed by another key (sd-jwt-js as the signer): not bound.
    const other = await sdJwtVc(stranger).present(issued, Object.fromEntries(AUTHORITY_ASKED.map((c) => [c, true])), { kb: { payload: { iat: NOW_S, aud: AUD, nonce: NONCE } } });
    expect((await check({ identity: await presentLicence(), authority: other }))?.failures).toEqual(['authority-not-bound']);
  });

  it('authority-missing: the request asked for an authority and only the person\'s credential was shared', async () => {
    expect(await check({ identity: await presentLicence() })).toEqual({ ok: false, failures: ['authority-missing'] });
  });

  it('is not on anyone\'s behalf when no authority was asked for or shared', async () => {
    expect(await check({ identity: await presentLicence() }, {})).toBeUndefined();
  });

  it('an authority shared where none was asked for is still checked (and its power not required)', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ claims: { power: 'health-and-welfare' } })) }, {});
    expect(outcome).toMatchObject({ ok: true, power: 'health-and-welfare' });
  });

  it('authority-not-bound: its KB-JWT signed by a key it was not issued to', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority(), stranger) });
    expect(outcome?.failures).toEqual(['authority-not-bound']);
    expect(outcome?.ok).toBe(false);
  });

  it('authority-revoked: revoked or suspended on the OPG\'s status list', async () => {
    expect((await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ idx: 1 })) }))?.failures).toEqual(['authority-revoked']);
    expect((await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ idx: 2 })) }))?.failures).toEqual(['authority-revoked']);
  });

  it('a status that could not be known is not a revocation (the verdict says so)', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority() }, undefined, async () => {
      throw new Error('offline');
    });
    expect(outcome?.ok).toBe(true);
  });

  it('authority-expired: its exp has passed', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ exp: NOW_S - 86_400 })) });
    expect(outcome?.failures).toEqual(['authority-expired']);
    expect(outcome?.validUntil).toBe(new Date((NOW_S - 86_400) * 1000).toISOString().replace('.000Z', 'Z'));
  });

  it('authority-invalid: signed by a key the OPG does not have, or a type the OPG may not issue', async () => {
    const forged = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ key: es256Key('opg-1') })) });
    expect(forged?.failures).toContain('authority-invalid');
    expect(forged?.ok).toBe(false);
    // Not an authority at all, given as the authority: a licence from the DVLA under the authority's query.
    const wrongType = await check({ identity: await presentLicence(), authority: await presentLicence() });
    expect(wrongType?.failures).toContain('authority-invalid');
  });

  it('person-mismatch: the authority names another donor (another name, or another date of birth)', async () => {
    const otherName = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ claims: { donor_given_name: 'Mary' } })) });
    expect(otherName?.failures).toEqual(['person-mismatch']);
    expect(otherName?.donor?.givenName).toBe('Mary');
    const otherDate = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ claims: { donor_birth_date: '1951-05-15' } })) });
    expect(otherDate?.failures).toEqual(['person-mismatch']);
  });

  it('person-mismatch: the carer\'s own licence shown with the authority to act for Mum', async () => {
    const adasLicence = issueSdJwtVc({ key: dvlaKey, plain: { iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence }, sd: { given_name: 'Ada', family_name: 'Jones', birth_date: '1980-03-03', portrait: 'data:' }, holderJwk: ada.jwk }).raw;
    const outcome = await check({ identity: await present(adasLicence, ['given_name', 'family_name', 'birth_date', 'portrait'], ada), authority: await presentAuthority() });
    expect(outcome?.failures).toEqual(['person-mismatch']);
    expect(outcome?.ok).toBe(false);
  });

  it('matches the donor to the person whatever the case, spacing and Unicode form of the names', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ claims: { donor_given_name: ' MARGARET', donor_family_name: 'jones ' } })) });
    expect(outcome?.ok).toBe(true);
  });

  it('power-not-covered: a health and welfare authority where property and financial affairs was asked', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ claims: { power: 'health-and-welfare' } })) });
    expect(outcome?.failures).toEqual(['power-not-covered']);
    expect(outcome?.power).toBe('health-and-welfare');
  });

  it('person-claims-missing: the licence presented without the date of birth', async () => {
    const outcome = await check({ identity: await presentLicence(licence(), ['given_name', 'family_name', 'portrait']), authority: await presentAuthority() });
    expect(outcome?.failures).toEqual(['person-claims-missing']);
    expect(outcome?.ok).toBe(false);
  });

  it('person-claims-missing: the authority alone, without the person\'s credential', async () => {
    expect((await check({ authority: await presentAuthority() }))?.failures).toEqual(['person-claims-missing']);
  });

  it('reads an mDL\'s name and date of birth by element (its namespaces as the verify report gives them)', async () => {
    const reports = await verifyPresentations([await presentAuthority()], { trustList, verifier: nobleVerifier, now: NOW, audience: AUD, nonce: NONCE, fetchStatusList: async () => statusList });
    const mdl = onBehalfCredentialOf('identity_mso_mdoc', {
      valid: true, format: 'mso_mdoc', issuer: { id: DVLA }, type: 'org.iso.18013.5.1.mDL', checks: [],
      claims: { 'org.iso.18013.5.1': { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14' } },
    });
    expect(mdl.claims).toMatchObject({ given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14' });
    const outcome = checkOnBehalf({ credentials: [mdl, onBehalfCredentialOf('authority', reports[0]!)], authorityQueryId: 'authority', powerAsked: POWER });
    expect(outcome).toMatchObject({ ok: true, failures: [] });
  });

  it('says every failure at once', async () => {
    const outcome = await check({ identity: await presentLicence(), authority: await presentAuthority(authority({ idx: 1, exp: NOW_S - 86_400, claims: { donor_family_name: 'Smith', power: 'health-and-welfare' } }), stranger) });
    expect(outcome?.failures).toEqual(['authority-revoked', 'authority-expired', 'authority-not-bound', 'person-mismatch', 'power-not-covered']);
  });
});
