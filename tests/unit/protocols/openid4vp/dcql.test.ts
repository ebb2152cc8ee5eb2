/** DCQL (OpenID4VP 1.0 §6, §7): the spec's example queries parse and match held credentials as §6.4 says. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchQuery, metaAccepts, parseDcqlQuery, selectClaim, type HeldCredential } from '../../../../src/protocols/openid4vp/dcql';

const DIR = 'tests/vectors/oid4vp/dcql';
const load = (name: string): unknown => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8'));
const ID_VCT = 'https://credentials.example.com/identity_credential';

const pid: HeldCredential = {
  id: 'c-pid',
  format: 'dc+sd-jwt',
  type: ID_VCT,
  claims: { given_name: 'Ada', family_name: 'Doe', address: { street_address: '1 Queen St' }, postal_code: '90210', locality: 'Cardiff', date_of_birth: '1990-01-01' },
};
const reduced: HeldCredential = { id: 'c-red', format: 'dc+sd-jwt', type: 'https://credentials.example.com/reduced_identity_credential', claims: { given_name: 'Ada', family_name: 'Doe' } };
const residence: HeldCredential = { id: 'c-res', format: 'dc+sd-jwt', type: 'https://cred.example/residence_credential', claims: { postal_code: '1', locality: 'x', region: 'y' } };
const rewards: HeldCredential = { id: 'c-rew', format: 'dc+sd-jwt', type: 'https://company.example/company_rewards', claims: { rewards_number: 7 } };

describe('DCQL vectors', () => {
  it('every example query of the spec parses', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(7);
    for (const f of files) expect(() => parseDcqlQuery(load(f)), f).not.toThrow();
  });

  it('simple.json: all three claims needed; a credential missing one does not match', () => {
    const q = parseDcqlQuery(load('simple.json'));
    const m = matchQuery(q, [pid, reduced]);
    expect(m.satisfiable).toBe(true);
    expect(m.byQuery.my_credential!.map((c) => c.credentialId)).toEqual(['c-pid']);
    expect(m.byQuery.my_credential![0]!.claims).toEqual([['family_name'], ['given_name'], ['address', 'street_address']]);
    expect(matchQuery(q, [reduced]).satisfiable).toBe(false);
    expect(matchQuery(q, [{ ...pid, type: 'https://other.example/vct' }]).satisfiable).toBe(false);
  });

  it('claims_alternatives.json: the first satisfiable claim set is chosen', () => {
    const q = parseDcqlQuery(load('claims_alternatives.json'));
    // pid has no region: set 1 (a c d e) fails, set 2 (a b e) matches.
    expect(matchQuery(q, [pid]).byQuery.pid![0]!.claims).toEqual([['family_name'], ['postal_code'], ['date_of_birth']]);
    const withRegion = { ...pid, claims: { ...pid.claims, region: 'Wales' } };
    expect(matchQuery(q, [withRegion]).byQuery.pid![0]!.claims).toEqual([['family_name'], ['locality'], ['region'], ['date_of_birth']]);
  });

  it('credentials_alternatives.json: required set by any option, optional set answered when held', () => {
    const q = parseDcqlQuery(load('credentials_alternatives.json'));
    expect(matchQuery(q, [reduced, residence])).toMatchObject({ satisfiable: true, toAnswer: ['pid_reduced_cred_1', 'pid_reduced_cred_2'] });
    expect(matchQuery(q, [pid, rewards])).toMatchObject({ satisfiable: true, toAnswer: ['pid', 'nice_to_have'] });
    expect(matchQuery(q, [reduced, rewards]).satisfiable).toBe(false); // half an option is not an option
    expect(matchQuery(q, []).satisfiable).toBe(false);
  });

  it('value_matching_simple.json: values must match', () => {
    const q = parseDcqlQuery(load('value_matching_simple.json'));
    expect(matchQuery(q, [pid]).satisfiable).toBe(true);
    expect(matchQuery(q, [{ ...pid, claims: { ...pid.claims, postal_code: '10001' } }]).satisfiable).toBe(false);
  });

  it('mdoc queries parse but never match an SD-JWT VC', () => {
    for (const f of ['simple_mdoc.json', 'complex_mdoc.json', 'multi_credentials.json']) {
      expect(matchQuery(parseDcqlQuery(load(f)), [pid, reduced, residence]).satisfiable, f).toBe(false);
    }
  });
});

describe('DCQL validation', () => {
  const base = { id: 'q', format: 'dc+sd-jwt', meta: { vct_values: ['v'] } };
  it.each([
    ['not an object', 'x'],
    ['no credentials', { credentials: [] }],
    ['bad id', { credentials: [{ ...base, id: 'a b' }] }],
    ['duplicate ids', { credentials: [base, base] }],
    ['no meta', { credentials: [{ id: 'q', format: 'dc+sd-jwt' }] }],
    ['no vct_values for dc+sd-jwt', { credentials: [{ ...base, meta: {} }] }],
    ['empty path', { credentials: [{ ...base, claims: [{ path: [] }] }] }],
    ['negative index', { credentials: [{ ...base, claims: [{ path: ['a', -1] }] }] }],
    ['object in values', { credentials: [{ ...base, claims: [{ path: ['a'], values: [{}] }] }] }],
    ['claim_sets without claims', { credentials: [{ ...base, claim_sets: [['a']] }] }],
    ['claim_sets naming an unknown claim', { credentials: [{ ...base, claims: [{ id: 'a', path: ['a'] }], claim_sets: [['b']] }] }],
    ['credential_sets naming an unknown query', { credentials: [base], credential_sets: [{ options: [['x']] }] }],
  ])('refuses %s', (_name, query) => {
    expect(() => parseDcqlQuery(query)).toThrow(/DCQL|credentials|credential_sets/);
  });
});

describe('claim path selection (§7.1)', () => {
  const claims = { a: { b: [{ c: 1 }, { c: 2 }, { d: 3 }] }, n: null };
  it('selects keys, indexes and every element with null', () => {
    expect(selectClaim(claims, ['a', 'b', null, 'c'])).toEqual([1, 2]);
    expect(selectClaim(claims, ['a', 'b', 2, 'd'])).toEqual([3]);
    expect(selectClaim(claims, ['a', 'b', 5])).toEqual([]);
    expect(selectClaim(claims, ['a', 'x'])).toEqual([]);
    expect(selectClaim(claims, ['a', 0])).toEqual([]);
    expect(selectClaim(claims, ['toString'])).toEqual([]);
    expect(selectClaim(claims, ['n'])).toEqual([null]);
  });
});

describe('answers needing several credentials (§6.4.2)', () => {
  const RTW = 'https://rtw.example/right-to-work';
  const DL = 'https://dvla.example/driving-licence';
  const rtw: HeldCredential = { id: 'c-rtw', format: 'dc+sd-jwt', type: RTW, claims: { given_name: 'Ada', right_to_work: 'Unlimited' } };
  const licence: HeldCredential = { id: 'c-dl', format: 'dc+sd-jwt', type: DL, claims: { given_name: 'Ada', age_over_18: true } };
  const query = (sets?: unknown) => parseDcqlQuery({
    credentials: [
      { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [RTW] }, claims: [{ path: ['right_to_work'] }] },
      { id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [DL] }, claims: [{ path: ['age_over_18'] }] },
    ],
    ...(sets === undefined ? {} : { credential_sets: sets }),
  });

  it('an option needing two credentials answers both queries, and each lists its candidates', () => {
    const m = matchQuery(query([{ options: [['work', 'licence']] }]), [licence, rtw]);
    expect(m).toMatchObject({ satisfiable: true, toAnswer: ['work', 'licence'], missing: [] });
    expect(m.byQuery.work!.map((c) => c.credentialId)).toEqual(['c-rtw']);
    expect(m.byQuery.licence!.map((c) => c.credentialId)).toEqual(['c-dl']);
  });

  it('without credential_sets every query is required; the one nothing answers is named', () => {
    expect(matchQuery(query(), [rtw, licence])).toMatchObject({ satisfiable: true, toAnswer: ['work', 'licence'], missing: [] });
    const half = matchQuery(query(), [rtw]);
    expect(half).toMatchObject({ satisfiable: false, missing: ['licence'] });
    // §6.4.2: "MUST NOT return any Credential(s)" when a required one cannot be delivered.
    expect(half.toAnswer).toEqual([]);
  });

  it('half of a required option is no answer: the missing query of the nearest option is named', () => {
    const m = matchQuery(query([{ options: [['work', 'licence']] }]), [rtw]);
    expect(m).toMatchObject({ satisfiable: false, toAnswer: [], missing: ['licence'] });
  });

  it('an optional set that cannot be answered is neither missing nor answered', () => {
    const m = matchQuery(query([{ options: [['work']] }, { required: false, options: [['licence']] }]), [rtw]);
    expect(m).toMatchObject({ satisfiable: true, toAnswer: ['work'], missing: [] });
  });
});

// Issue 11: W3C VCs secured as JWTs (the veteran card), DCQL format jwt_vc_json (Appendix B.1).
describe('jwt_vc_json (B.1.1 type_values)', () => {
  const card: HeldCredential = {
    id: 'c-vet',
    format: 'jwt_vc_json',
    type: 'VeteranCard',
    types: ['VerifiableCredential', 'VeteranCard'],
    claims: { type: ['VerifiableCredential', 'VeteranCard'], credentialSubject: { given_name: 'Ada', service: 'Royal Navy' } },
  };
  const veteranQuery = (typeValues: unknown) => parseDcqlQuery({
    credentials: [{ id: 'veteran', format: 'jwt_vc_json', meta: { type_values: typeValues }, claims: [{ path: ['credentialSubject', 'service'] }] }],
  });

  it('type_values is required: a non-empty array of non-empty string arrays', () => {
    for (const bad of [undefined, [], [[]], ['VeteranCard'], [[1]]]) expect(() => veteranQuery(bad)).toThrow(/type_values/);
  });
  it('matches when the card holds every type of one set, claim paths into the whole credential', () => {
    expect(matchQuery(veteranQuery([['VerifiableCredential', 'VeteranCard']]), [card]).byQuery.veteran?.map((m) => m.claims)).toEqual([[['credentialSubject', 'service']]]);
    expect(matchQuery(veteranQuery([['DrivingLicence'], ['VeteranCard']]), [card]).satisfiable).toBe(true);
    expect(matchQuery(veteranQuery([['VerifiableCredential', 'DrivingLicence']]), [card]).satisfiable).toBe(false);
  });
  it('an SD-JWT VC never answers a jwt_vc_json query, nor the card a dc+sd-jwt one', () => {
    expect(matchQuery(veteranQuery([['VerifiableCredential']]), [pid]).satisfiable).toBe(false);
    const sd = parseDcqlQuery({ credentials: [{ id: 'pid', format: 'dc+sd-jwt', meta: { vct_values: ['VeteranCard'] } }] });
    expect(matchQuery(sd, [card]).satisfiable).toBe(false);
  });
});

describe('mso_mdoc (B.2: doctype_value, [namespace, element] paths, intent_to_retain)', () => {
  const ISO = 'org.iso.18013.5.1';
  const MDL = 'org.iso.18013.5.1.mDL';
  // As the mdoc format reads a held licence: namespace → element → value, type = docType.
  const mdl: HeldCredential = {
    id: 'c-mdl',
    format: 'mso_mdoc',
    type: MDL,
    claims: { [ISO]: { given_name: 'Ada', family_name: 'Doe', portrait: new Uint8Array([0xff, 0xd8]), age_over_18: true } },
  };
  const sdLicence: HeldCredential = { id: 'c-sd', format: 'dc+sd-jwt', type: MDL, claims: { age_over_18: true, [ISO]: { age_over_18: true } } };
  const mdocQuery = (claims: unknown[], meta: unknown = { doctype_value: MDL }) => parseDcqlQuery({ credentials: [{ id: 'mdl', format: 'mso_mdoc', meta, claims }] });

  it('complex_mdoc.json: the mDL answers the required set; the optional address set, not held, is left out', () => {
    const m = matchQuery(parseDcqlQuery(load('complex_mdoc.json')), [mdl]);
    expect(m).toMatchObject({ satisfiable: true, toAnswer: ['mdl-id'] });
    expect(m.byQuery['mdl-id']![0]!.claims).toEqual([[ISO, 'given_name'], [ISO, 'family_name'], [ISO, 'portrait']]);
    // A photo card query with the same claims is not answered by an mDL (B.2.3: docType compared).
    expect(m.byQuery['photo_card-id']).toEqual([]);
  });
  it('simple_mdoc.json: an mDL is not the mVRC asked for', () => {
    expect(matchQuery(parseDcqlQuery(load('simple_mdoc.json')), [mdl]).satisfiable).toBe(false);
  });
  it('doctype_value is required, a non-empty string', () => {
    for (const bad of [{}, { doctype_value: '' }, { doctype_value: [MDL] }]) expect(() => mdocQuery([{ path: [ISO, 'age_over_18'] }], bad)).toThrow(/doctype_value/);
  });
  it('a claim path is exactly [namespace, element] (B.2.4)', () => {
    for (const path of [['age_over_18'], [ISO, 'driving_privileges', 0], [ISO, null], [ISO, '']]) expect(() => mdocQuery([{ path }]), JSON.stringify(path)).toThrow(/\[namespace, element\]/);
  });
  it('intent_to_retain is a boolean, and the matched claims say which the verifier keeps', () => {
    expect(() => mdocQuery([{ path: [ISO, 'age_over_18'], intent_to_retain: 'yes' }])).toThrow(/intent_to_retain/);
    const q = mdocQuery([{ path: [ISO, 'family_name'], intent_to_retain: true }, { path: [ISO, 'age_over_18'], intent_to_retain: false }]);
    expect(q.credentials[0]!.claims!.map((c) => c.intentToRetain)).toEqual([true, false]);
    const [match] = matchQuery(q, [mdl]).byQuery.mdl!;
    expect(match).toEqual({ queryId: 'mdl', credentialId: 'c-mdl', claims: [[ISO, 'family_name'], [ISO, 'age_over_18']], retained: [[ISO, 'family_name']] });
    // Without intent_to_retain nothing is said to be kept.
    expect(matchQuery(mdocQuery([{ path: [ISO, 'age_over_18'] }]), [mdl]).byQuery.mdl![0]!.retained).toBeUndefined();
  });
  it('an SD-JWT VC never answers an mso_mdoc query, nor an mdoc a dc+sd-jwt one, whatever their types', () => {
    expect(matchQuery(mdocQuery([{ path: [ISO, 'age_over_18'] }]), [sdLicence]).satisfiable).toBe(false);
    const sd = parseDcqlQuery({ credentials: [{ id: 'l', format: 'dc+sd-jwt', meta: { vct_values: [MDL] }, claims: [{ path: ['age_over_18'] }] }] });
    expect(matchQuery(sd, [mdl]).satisfiable).toBe(false);
  });
  it('an element the mdoc lacks, or a claim in another namespace, does not match', () => {
    expect(matchQuery(mdocQuery([{ path: [ISO, 'age_over_21'] }]), [mdl]).satisfiable).toBe(false);
    expect(matchQuery(mdocQuery([{ path: [`${ISO}.aamva`, 'age_over_18'] }]), [mdl]).satisfiable).toBe(false);
  });
  it('metaAccepts: one rule for every format\'s meta', () => {
    expect(metaAccepts({ doctypeValue: MDL }, MDL)).toBe(true);
    expect(metaAccepts({ doctypeValue: MDL }, 'org.iso.23220.photoid.1')).toBe(false);
    expect(metaAccepts({ vctValues: ['a', 'b'] }, 'b')).toBe(true);
    expect(metaAccepts({ typeValues: [['VerifiableCredential', 'X']] }, 'X', ['VerifiableCredential', 'X'])).toBe(true);
    expect(metaAccepts({}, 'anything')).toBe(true);
  });
});
