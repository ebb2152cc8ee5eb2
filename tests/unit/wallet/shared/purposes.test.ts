/** Purposes (docs/sharing.md): the licence answers as an SD-JWT VC or as an ISO mdoc, with the same minimum claims. */
import { describe, expect, it } from 'vitest';
import { matchQuery, parseDcqlQuery, type HeldCredential } from '../../../../src/protocols/openid4vp/dcql';
import { CREDENTIAL_TYPES, dcqlFor, isPurpose, MDL_DOCTYPE, MDL_NAMESPACE, purposeAnswerFor } from '../../../../src/wallet/shared/purposes';

const ISO = MDL_NAMESPACE;
const mdl: HeldCredential = {
  id: 'mdl',
  format: 'mso_mdoc',
  type: MDL_DOCTYPE,
  claims: { [ISO]: { given_name: 'Ada', family_name: 'Doe', birth_date: '1990-01-01', portrait: new Uint8Array([0xff, 0xd8, 0xff]), age_over_18: true, age_over_21: true, document_number: 'X1' } },
};
const sdLicence: HeldCredential = { id: 'sd', format: 'dc+sd-jwt', type: CREDENTIAL_TYPES.drivingLicence, claims: { given_name: 'Ada', family_name: 'Doe', birth_date: '1990-01-01', age_over_18: true } };

describe('over 18 and identity accept the licence in either format', () => {
  it('over-18: one required credential set whose options are the SD-JWT licence or the mDL, each asking only for age_over_18', () => {
    const { query } = dcqlFor({ purpose: 'over-18' });
    expect(query).toEqual({
      credentials: [
        { id: 'over_18', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['age_over_18'] }] },
        { id: 'over_18_mso_mdoc', format: 'mso_mdoc', meta: { doctype_value: MDL_DOCTYPE }, claims: [{ path: [ISO, 'age_over_18'] }] },
      ],
      credential_sets: [{ options: [['over_18'], ['over_18_mso_mdoc']] }],
    });
  });
  it('a holder of only the mDL answers with it, disclosing age_over_18 alone', () => {
    const m = matchQuery(parseDcqlQuery(dcqlFor({ purpose: 'over-18' }).query), [mdl]);
    expect(m).toMatchObject({ satisfiable: true, toAnswer: ['over_18_mso_mdoc'] });
    expect(m.byQuery.over_18_mso_mdoc!.map((c) => c.claims)).toEqual([[[ISO, 'age_over_18']]]);
  });
  it('a holder of both answers once, with the first option (the SD-JWT licence): never two licences', () => {
    expect(matchQuery(parseDcqlQuery(dcqlFor({ purpose: 'over-18' }).query), [mdl, sdLicence]).toAnswer).toEqual(['over_18']);
  });
  it('identity asks the mDL for name, date of birth and portrait', () => {
    const m = matchQuery(parseDcqlQuery(dcqlFor({ purpose: 'identity' }).query), [mdl]);
    expect(m.byQuery.identity_mso_mdoc![0]!.claims).toEqual([[ISO, 'given_name'], [ISO, 'family_name'], [ISO, 'birth_date'], [ISO, 'portrait']]);
  });
  it('right to work and veteran have one kind of credential: no credential_sets', () => {
    expect(dcqlFor({ purpose: 'right-to-work' }).query.credential_sets).toBeUndefined();
    expect(dcqlFor({ purpose: 'veteran' }).query.credential_sets).toBeUndefined();
  });
  it('chosen claims ask the SD-JWT VC types only', () => {
    const { query } = dcqlFor({ purpose: 'over-18', claims: [['given_name']] });
    expect((query.credentials as unknown[]).length).toBe(1);
    expect(query.credential_sets).toBeUndefined();
  });
  it('purposeAnswerFor: the claims a held credential shows for a purpose, in its own format', () => {
    expect(purposeAnswerFor('over-18', 'mso_mdoc', MDL_DOCTYPE)?.claims).toEqual([[ISO, 'age_over_18']]);
    expect(purposeAnswerFor('over-18', 'dc+sd-jwt', CREDENTIAL_TYPES.drivingLicence)?.claims).toEqual([['age_over_18']]);
    expect(purposeAnswerFor('over-18', 'mso_mdoc', 'org.iso.23220.photoid.1')).toBeUndefined();
    expect(purposeAnswerFor('over-18', 'dc+sd-jwt', MDL_DOCTYPE)).toBeUndefined();
    expect(purposeAnswerFor('right-to-work', 'mso_mdoc', MDL_DOCTYPE)).toBeUndefined();
  });
});

describe('driving: what a checker needs to see that someone may drive (issue 15)', () => {
  it('asks the mDL for name, portrait, categories and expiry (ISO/IEC 18013-5 §7.2.1), and the SD-JWT licence for the same claims it has', () => {
    expect(isPurpose('driving')).toBe(true);
    const { query } = dcqlFor({ purpose: 'driving' });
    expect(query).toEqual({
      credentials: [
        { id: 'driving', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.drivingLicence] }, claims: [{ path: ['given_name'] }, { path: ['family_name'] }, { path: ['portrait'] }, { path: ['driving_privileges'] }] },
        {
          id: 'driving_mso_mdoc',
          format: 'mso_mdoc',
          meta: { doctype_value: MDL_DOCTYPE },
          claims: [{ path: [ISO, 'given_name'] }, { path: [ISO, 'family_name'] }, { path: [ISO, 'portrait'] }, { path: [ISO, 'driving_privileges'] }, { path: [ISO, 'expiry_date'] }],
        },
      ],
      credential_sets: [{ options: [['driving'], ['driving_mso_mdoc']] }],
    });
  });
  it('never the date of birth or address', () => {
    expect(JSON.stringify(dcqlFor({ purpose: 'driving' }).query)).not.toMatch(/birth_date|address|age_over/);
  });
  it('purposeAnswerFor: the mDL shows its five elements', () => {
    expect(purposeAnswerFor('driving', 'mso_mdoc', MDL_DOCTYPE)?.claims).toEqual([[ISO, 'given_name'], [ISO, 'family_name'], [ISO, 'portrait'], [ISO, 'driving_privileges'], [ISO, 'expiry_date']]);
  });
});
