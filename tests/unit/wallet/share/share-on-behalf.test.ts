/**
 * Sharing on someone's behalf (docs/sharing.md, "On someone's behalf"; docs/carers.md): a request
 * with a credential query for an authority (AUTHORITY_TYPE) is answered with the person's own
 * credential, from their space, and the holder's authority to act for them, from the holder's own
 * space, in one vp_token (OpenID4VP 1.0 §6.4.2, §8.1). A request without one may be answered with
 * a person's credential ("assisted use"): no authority is added. The verifier is the OpenWallet
 * Foundation's oid4vc-ts (@openid4vc/openid4vp 0.4.6); the credentials are issued and their
 * presentations verified by sd-jwt-js (@sd-jwt/sd-jwt-vc 0.19.0): code we did not write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AUTHORITY_TYPE, type AuthorityPower } from '../../../../src/credentials/on-behalf';
import type { HeldAuthority, People, Person } from '../../../../src/wallet/people';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type ShareAnswer, type ShareRequest, type Sharer } from '../../../../src/wallet/share/share-api';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared/types';
import { createInteropVerifier, DRIVING_LICENCE_VCT, InteropVault, issueHeldCredential, type InteropVerifier } from '../../interop/oid4vp-harness';

const OPG = 'https://opg.example.gov.uk';
const DVLA = 'https://dvla.example.gov.uk';
const MUM = 'mum';
const DAD = 'dad';
const IDENTITY_CLAIMS = ['given_name', 'family_name', 'birth_date'];

/** The on-behalf purposes' query, as docs/carers.md sets it out: the person's licence (SD-JWT or mdoc) and an authority of `power`. */
function onBehalfQuery(power: AuthorityPower | null = 'property-and-financial-affairs'): Record<string, unknown> {
  return {
    credentials: [
      { id: 'identity', format: 'dc+sd-jwt', meta: { vct_values: [DRIVING_LICENCE_VCT] }, claims: IDENTITY_CLAIMS.map((c) => ({ path: [c] })) },
      { id: 'identity_mso_mdoc', format: 'mso_mdoc', meta: { doctype_value: 'org.iso.18013.5.1.mDL' }, claims: IDENTITY_CLAIMS.map((c) => ({ path: ['org.iso.18013.5.1', c] })) },
      {
        id: 'authority',
        format: 'dc+sd-jwt',
        meta: { vct_values: [AUTHORITY_TYPE] },
        claims: [
          ...['attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date'].map((c) => ({ path: [c] })),
          power === null ? { path: ['power'] } : { path: ['power'], values: [power] },
          { path: ['reference'] },
        ],
      },
    ],
    credential_sets: [{ options: [['identity'], ['identity_mso_mdoc']] }, { options: [['authority']] }],
  };
}

const LICENCE_ONLY = { credentials: [{ id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [DRIVING_LICENCE_VCT] }, claims: [{ path: ['given_name'] }, { path: ['age_over_18'] }] }] };

/** People, as the people use case would answer (wallet/people; its own tests prove how authorities are linked). */
class FakePeople implements Pick<People, 'list' | 'authoritiesFor'> {
  people: Person[] = [{ id: SELF_PERSON, name: '', marker: 'blue' }, { id: MUM, name: 'Mum', marker: 'green', addedAt: '2026-11-01T00:00:00Z' }];
  authorities: HeldAuthority[] = [];
  async list(): Promise<Person[]> {
    return this.people;
  }
  async authoritiesFor(id: PersonId): Promise<HeldAuthority[]> {
    return this.authorities.filter((a) => a.personId === id);
  }
}

const held = (credentialId: string, personId: PersonId, power: AuthorityPower, o: Partial<HeldAuthority> = {}): HeldAuthority =>
  ({ credentialId, personId, power, typeName: { of: 'type', type: AUTHORITY_TYPE }, validUntil: '2027-12-01T00:00:00Z', usable: true, ...o });

let verifier: InteropVerifier;
let vault: InteropVault;
let people: FakePeople;
let sharer: Sharer;

async function licence(id: string, personId: PersonId, given: string, family: string, birth: string): Promise<void> {
  await issueHeldCredential(vault, { id, vct: DRIVING_LICENCE_VCT, iss: DVLA, claims: { given_name: given, family_name: family, birth_date: birth, age_over_18: true, document_number: `${family.toUpperCase()}1` } });
  vault.credentials.at(-1)!.personId = personId;
}

async function authority(id: string, donor: { given: string; family: string; birth: string }, power: AuthorityPower): Promise<void> {
  await issueHeldCredential(vault, {
    id,
    vct: AUTHORITY_TYPE,
    iss: OPG,
    claims: {
      attorney_given_name: 'Ada', attorney_family_name: 'Jones',
      donor_given_name: donor.given, donor_family_name: donor.family, donor_birth_date: donor.birth,
      power, reference: 'M-7321-4480-1123', registered_on: '2025-03-01',
    },
  });
  // The authority is the carer's own credential, bound to the carer's key (docs/carers.md).
  vault.credentials.at(-1)!.personId = SELF_PERSON;
}

const MARGARET = { given: 'Margaret', family: 'Jones', birth: '1951-05-14' };
const GEORGE = { given: 'George', family: 'Jones', birth: '1949-02-02' };

beforeEach(async () => {
  verifier = await createInteropVerifier();
  vault = new InteropVault();
  people = new FakePeople();
  sharer = createSharer({ vault, fetch: verifier.fetch, people });
  await licence('ada-licence', SELF_PERSON, 'Ada', 'Jones', '1980-03-03');
  await licence('mum-licence', MUM, MARGARET.given, MARGARET.family, MARGARET.birth);
  await authority('lpa-mum', MARGARET, 'property-and-financial-affairs');
  people.authorities = [held('lpa-mum', MUM, 'property-and-financial-affairs')];
});

async function read(dcqlQuery: Record<string, unknown> = onBehalfQuery()) {
  const { link, payload } = await verifier.createRequest({ by: 'request-uri', responseMode: 'direct_post.jwt', dcqlQuery, encValues: ['A256GCM'], clientMetadata: { client_name: 'Barclays' } });
  return { request: await sharer.readRequest(link), payload };
}

const answerWith = (request: ShareRequest, ids: Record<string, string>): ShareAnswer[] =>
  Object.entries(ids).map(([queryId, credentialId]) => {
    const c = request.candidates.find((x) => x.queryId === queryId && x.credentialId === credentialId)!;
    return { queryId, credentialId, claims: c.requested.map((r) => r.path) };
  });

const candidateIds = (request: ShareRequest, queryId: string) => request.candidates.filter((c) => c.queryId === queryId).map((c) => c.credentialId);

describe('who the answer may be for', () => {
  it('only people with a credential answering the person query and a usable authority of the power asked; never the holder', async () => {
    await licence('dad-licence', DAD, GEORGE.given, GEORGE.family, GEORGE.birth);
    await authority('lpa-dad-health', GEORGE, 'health-and-welfare');
    people.people.push({ id: DAD, name: 'Dad', marker: 'purple' });
    people.authorities.push(held('lpa-dad-health', DAD, 'health-and-welfare'));
    const { request } = await read();
    expect(request.onBehalf).toMatchObject({ authorityQueryId: 'authority', power: 'property-and-financial-affairs' });
    expect(request.onBehalf!.people.map((p) => [p.personId, p.queryIds, p.authorities.map((a) => a.credentialId)])).toEqual([[MUM, ['identity', 'authority'], ['lpa-mum']]]);
    // The person's credential from the chosen person's space only: not Ada's licence, not Dad's.
    expect(candidateIds(request, 'identity')).toEqual(['mum-licence']);
    expect(request.candidates.find((c) => c.credentialId === 'mum-licence')!.personId).toBe(MUM);
    // The authority from the holder's own space.
    expect(candidateIds(request, 'authority')).toEqual(['lpa-mum']);
    expect(request.candidates.find((c) => c.credentialId === 'lpa-mum')!.personId).toBe(SELF_PERSON);
    expect(request.people?.map((p) => p.name)).toEqual(['', 'Mum', 'Dad']);
    // Named as her authority names her, beside the holder's label "Mum".
    expect(request.onBehalf!.people[0]!.donorName).toBe('Margaret Jones');
  });

  it('with two people to choose from, each person\'s candidates are their own, and an answer must keep to one person and their own authority', async () => {
    await licence('dad-licence', DAD, GEORGE.given, GEORGE.family, GEORGE.birth);
    await authority('lpa-dad', GEORGE, 'property-and-financial-affairs');
    people.people.push({ id: DAD, name: 'Dad', marker: 'purple' });
    people.authorities.push(held('lpa-dad', DAD, 'property-and-financial-affairs'));
    const { request } = await read();
    expect(request.onBehalf!.people.map((p) => [p.personId, p.authorities.map((a) => a.credentialId)])).toEqual([[MUM, ['lpa-mum']], [DAD, ['lpa-dad']]]);
    expect(candidateIds(request, 'identity')).toEqual(['mum-licence', 'dad-licence']);
    // Mum's licence with Dad's authority: refused before anything is made or sent.
    await expect(sharer.respondOnline(request.requestId, answerWith(request, { identity: 'mum-licence', authority: 'lpa-dad' }))).rejects.toThrow(/lpa-dad is not an authority to act for mum/);
    // Choosing Dad: his licence and his authority.
    await sharer.respondOnline(request.requestId, answerWith(request, { identity: 'dad-licence', authority: 'lpa-dad' }));
    expect(vault.activity.map((a) => [a.credentialId, a.personId]).sort()).toEqual([['dad-licence', DAD], ['lpa-dad', DAD]]);
  });

  it('the holder\'s own licence is never an answer on someone\'s behalf', async () => {
    const { request } = await read();
    await expect(sharer.respondOnline(request.requestId, [{ queryId: 'identity', credentialId: 'ada-licence', claims: [['given_name']] }, ...answerWith(request, { authority: 'lpa-mum' })]))
      .rejects.toThrow(/cannot be answered on self's behalf/);
    expect(verifier.posted).toHaveLength(0);
  });

  it.each([
    ['revoked', { usable: false }, 'revoked'],
    ['expired', { usable: false, validUntil: '2026-01-01T00:00:00Z' }, 'expired'],
  ] as const)('a %s authority: no one is offered; no-authority names Mum and why, and nothing is sent', async (_name, change, reason) => {
    people.authorities = [held('lpa-mum', MUM, 'property-and-financial-affairs', change)];
    const error = await read().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ShareError);
    expect(error).toMatchObject({ code: 'no-authority', details: { power: 'property-and-financial-affairs', people: [{ personId: MUM, name: 'Mum', reason }], verifierTold: false } });
    expect((error as Error).message).toContain(`Mum: ${reason}`);
    expect(verifier.posted).toHaveLength(0);
  });

  it('an authority People still calls usable but the sharer last saw revoked (its view\'s status): not offered, reason revoked', async () => {
    const views = { credential: async (id: string) => (id === 'lpa-mum' ? ({ id, personId: SELF_PERSON, typeName: { of: 'type', type: AUTHORITY_TYPE }, issuerName: { en: 'OPG' }, status: { state: 'revoked' }, claims: [] } as never) : undefined) };
    sharer = createSharer({ vault, fetch: verifier.fetch, people, views });
    await expect(read()).rejects.toMatchObject({ code: 'no-authority', details: { people: [{ personId: MUM, reason: 'revoked' }] } });
  });

  it.each([
    ['an authority for another power', () => { people.authorities = [held('lpa-mum', MUM, 'health-and-welfare')]; }, 'other-power'],
    ['no authority for her', () => { people.authorities = []; }, 'no-authority'],
    ['nothing of hers answers the person query', () => { vault.credentials.splice(vault.credentials.findIndex((c) => c.id === 'mum-licence'), 1); }, 'no-credential'],
  ] as const)('%s: no-authority, reason %s', async (_name, arrange, reason) => {
    arrange();
    await expect(read()).rejects.toMatchObject({ code: 'no-authority', details: { people: [{ personId: MUM, reason }] } });
  });

  it('with no people added, or no people use case: no-authority with no one to name', async () => {
    people.people = people.people.filter((p) => p.id === SELF_PERSON);
    await expect(read()).rejects.toMatchObject({ code: 'no-authority', details: { people: [] } });
    sharer = createSharer({ vault, fetch: verifier.fetch });
    await expect(read()).rejects.toMatchObject({ code: 'no-authority', details: { people: [] } });
  });

  it('an authority query that does not say which power: request-malformed', async () => {
    await expect(read(onBehalfQuery(null))).rejects.toMatchObject({ code: 'request-malformed', message: expect.stringMatching(/one power/) });
  });
});

describe('the answer on Mum\'s behalf (§8.1)', () => {
  it('one vp_token: her licence and the authority, each verified by sd-jwt-js with its own KB-JWT over the same nonce and audience', async () => {
    const { request, payload } = await read();
    await sharer.respondOnline(request.requestId, answerWith(request, { identity: 'mum-licence', authority: 'lpa-mum' }));
    const parsed = await verifier.parseLastAnswer(payload);
    expect(parsed.type).toBe('dcql');
    if (parsed.type !== 'dcql') return;
    const presentations = parsed.dcql.presentations;
    expect(Object.keys(presentations).sort()).toEqual(['authority', 'identity']);
    const person = await verifier.verifyPresentation(presentations.identity![0] as string, payload);
    const lpa = await verifier.verifyPresentation(presentations.authority![0] as string, payload);
    expect(person.kb).toEqual({ aud: payload.client_id, nonce: payload.nonce });
    expect(lpa.kb).toEqual({ aud: payload.client_id, nonce: payload.nonce });
    expect(person.claims).toMatchObject({ given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14' });
    expect(person.claims).not.toHaveProperty('document_number');
    expect(lpa.claims).toMatchObject({ vct: AUTHORITY_TYPE, attorney_given_name: 'Ada', donor_given_name: 'Margaret', donor_birth_date: '1951-05-14', power: 'property-and-financial-affairs', reference: 'M-7321-4480-1123' });
    expect(lpa.claims).not.toHaveProperty('registered_on');
    // Both entries in Mum's activity: the authority was used for her.
    expect(vault.activity.map((a) => [a.credentialId, a.personId, a.counterparty]).sort()).toEqual([['lpa-mum', MUM, 'Barclays'], ['mum-licence', MUM, 'Barclays']]);
  });
});

describe('assisted use: a request without an authority query', () => {
  it('is answered with Mum\'s licence alone; no authority is added; the activity entry is hers', async () => {
    const { request, payload } = await read(LICENCE_ONLY);
    expect(request.onBehalf).toBeUndefined();
    expect(request.candidates.map((c) => [c.credentialId, c.personId])).toEqual([['ada-licence', SELF_PERSON], ['mum-licence', MUM]]);
    await sharer.respondOnline(request.requestId, answerWith(request, { licence: 'mum-licence' }));
    const parsed = await verifier.parseLastAnswer(payload);
    if (parsed.type !== 'dcql') throw new Error('expected a DCQL answer');
    expect(Object.keys(parsed.dcql.presentations)).toEqual(['licence']);
    expect((await verifier.verifyPresentation(parsed.dcql.presentations.licence![0] as string, payload)).claims).toMatchObject({ given_name: 'Margaret' });
    expect(vault.activity.map((a) => [a.credentialId, a.personId])).toEqual([['mum-licence', MUM]]);
  });

  it('an answer mixing two people\'s credentials is refused', async () => {
    const query = { credentials: [LICENCE_ONLY.credentials[0], { ...LICENCE_ONLY.credentials[0], id: 'second' }] };
    const { request } = await read(query);
    await expect(sharer.respondOnline(request.requestId, [...answerWith(request, { licence: 'ada-licence' }), ...answerWith(request, { second: 'mum-licence' })]))
      .rejects.toThrow(/one person's credentials/);
    expect(verifier.posted).toHaveLength(0);
  });

  it('quick show of Mum\'s licence is logged under her', async () => {
    await sharer.quickShow('mum-licence', [['age_over_18']]);
    expect(vault.activity.map((a) => [a.credentialId, a.personId, a.via])).toEqual([['mum-licence', MUM, 'quick-show']]);
  });
});
