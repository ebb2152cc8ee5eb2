import { describe, expect, it } from 'vitest';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import type { CredentialView } from '../../../../src/wallet/held';
import { createPeople, authoritiesAmong } from '../../../../src/wallet/people';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared';
import { PeopleMemoryVault } from './people-vault';

const NOW = Date.parse('2026-12-01T06:00:00Z');

function view(id: string, personId: PersonId, type: string, claims: Record<string, unknown>, extra: Partial<CredentialView> = {}): CredentialView {
  return {
    id, personId, format: 'dc+sd-jwt', selective: true, requestOnly: false,
    issuerName: { en: 'Issuer' }, typeName: { of: 'type', type },
    verified: true, status: { state: 'valid' },
    claims: Object.entries(claims).map(([name, value]) => ({ path: [name], label: { of: 'claim', path: [name] }, value })),
    ...extra,
  };
}

const MARGARET = { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14' };
const mumsLicence = (mum: PersonId) => view('mums-licence', mum, 'urn:example:driving-licence', MARGARET);
/** An mDL's elements sit under its namespace: the same person read from [namespace, element] paths. */
const mumsMdl = (mum: PersonId): CredentialView => ({
  ...view('mums-mdl', mum, 'org.iso.18013.5.1.mDL', {}),
  format: 'mso_mdoc',
  claims: Object.entries(MARGARET).map(([name, value]) => ({ path: ['org.iso.18013.5.1', name], label: { of: 'claim', path: [name] }, value })),
});
function lpa(id: string, donor: Record<string, string>, power = 'property-and-financial-affairs', extra: Partial<CredentialView> = {}, personId: PersonId = SELF_PERSON): CredentialView {
  return view(id, personId, AUTHORITY_TYPE, {
    attorney_given_name: 'Ada', attorney_family_name: 'Jones',
    donor_given_name: donor.given_name, donor_family_name: donor.family_name, donor_birth_date: donor.birth_date,
    power, reference: 'M-7321-4480-1123', registered_on: '2025-01-01',
  }, { validUntil: '2027-12-01T00:00:00Z', ...extra });
}

describe('authoritiesFor: the holder\'s own authorities whose donor is the person', () => {
  const MUM = 'p-mum';

  it('finds an authority whose donor is the person shown by a credential in their space, with power and validity', () => {
    const found = authoritiesAmong([mumsLicence(MUM), lpa('lpa', { given_name: ' margaret ', family_name: 'JONES', birth_date: '1951-05-14' })], MUM, NOW);
    expect(found).toEqual([{ credentialId: 'lpa', personId: MUM, typeName: { of: 'type', type: AUTHORITY_TYPE }, power: 'property-and-financial-affairs', validUntil: '2027-12-01T00:00:00Z', usable: true }]);
  });

  it('matches the person from an mdoc licence too, and gives each power held', () => {
    const found = authoritiesAmong([mumsMdl(MUM), lpa('money', MARGARET), lpa('health', MARGARET, 'health-and-welfare')], MUM, NOW);
    expect(found.map((a) => [a.credentialId, a.power])).toEqual([['money', 'property-and-financial-affairs'], ['health', 'health-and-welfare']]);
  });

  it('does not match a donor with another date of birth or another name', () => {
    expect(authoritiesAmong([mumsLicence(MUM), lpa('lpa', { ...MARGARET, birth_date: '1951-05-15' })], MUM, NOW)).toEqual([]);
    expect(authoritiesAmong([mumsLicence(MUM), lpa('lpa', { ...MARGARET, given_name: 'Margarette' })], MUM, NOW)).toEqual([]);
  });

  it("does not give another person's authority: one for Dad, or one kept in Mum's own space", () => {
    const DAD = 'p-dad';
    const dadsLicence = view('dads-licence', DAD, 'urn:example:driving-licence', { given_name: 'David', family_name: 'Jones', birth_date: '1950-02-02' });
    const forDad = lpa('for-dad', { given_name: 'David', family_name: 'Jones', birth_date: '1950-02-02' });
    const views = [mumsLicence(MUM), dadsLicence, forDad, lpa('in-mums-space', MARGARET, undefined, {}, MUM)];
    expect(authoritiesAmong(views, MUM, NOW)).toEqual([]);
    expect(authoritiesAmong(views, DAD, NOW).map((a) => a.credentialId)).toEqual(['for-dad']);
    // Nobody acts for You, and a person with no credential that shows who they are has none.
    expect(authoritiesAmong(views, SELF_PERSON, NOW)).toEqual([]);
    expect(authoritiesAmong([lpa('lpa', MARGARET)], MUM, NOW)).toEqual([]);
  });

  it('says a revoked, suspended, expired or failing authority is not usable (it is still listed)', () => {
    const views = [
      mumsLicence(MUM),
      lpa('revoked', MARGARET, undefined, { status: { state: 'revoked' } }),
      lpa('suspended', MARGARET, undefined, { status: { state: 'suspended' } }),
      lpa('expired', MARGARET, undefined, { validUntil: '2026-11-30T00:00:00Z' }),
      lpa('unverified', MARGARET, undefined, { verified: false }),
      lpa('unknown-status', MARGARET, undefined, { status: { state: 'unknown' } }),
    ];
    expect(authoritiesAmong(views, MUM, NOW).map((a) => [a.credentialId, a.usable])).toEqual([
      ['revoked', false], ['suspended', false], ['expired', false], ['unverified', false], ['unknown-status', true],
    ]);
  });

  it('ignores an authority with a power it does not know', () => {
    expect(authoritiesAmong([mumsLicence(MUM), lpa('odd', MARGARET, 'benefits')], MUM, NOW)).toEqual([]);
  });

  it('People.authoritiesFor reads the views for a current person only', async () => {
    const vault = new PeopleMemoryVault();
    let views: CredentialView[] = [];
    const people = createPeople({ vault, views: async () => views, now: () => NOW });
    const mum = await people.add('Mum');
    views = [mumsLicence(mum.id), lpa('lpa', MARGARET)];
    expect((await people.authoritiesFor(mum.id)).map((a) => a.credentialId)).toEqual(['lpa']);
    expect(await people.authoritiesFor(SELF_PERSON)).toEqual([]);
    expect(await people.authoritiesFor('p-nobody')).toEqual([]);
    await people.remove(mum.id);
    expect(await people.authoritiesFor(mum.id)).toEqual([]);
  });
});
