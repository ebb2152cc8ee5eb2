/**
 * On someone's behalf, in person, end to end in Chromium (docs/sharing.md "On someone's behalf",
 * docs/carers.md): Satchel's checker asks for "Identity of someone they act for: money and
 * property" (the licence and an authority of that power, two required credential_sets, OpenID4VP
 * 1.0 §6.4.2); the carer's Satchel offers Mum, answers with her licence (from her space) and the
 * carer's lasting power of attorney (from the carer's own space), each with its own KB-JWT over
 * the request's nonce and audience, in one encrypted vp_token (§8.1); the checker verifies both
 * (signatures in the crypto worker) and its on-behalf rule names who presented it for whom. A
 * wallet wrongly linking an authority for someone else is caught by the checker (person-mismatch).
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import type { Checker } from '../../../../src/wallet/check';
import { createChecker } from '../../../../src/wallet/check/check';
import type { HeldAuthority, People, Person } from '../../../../src/wallet/people';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ShareRequest, Sharer } from '../../../../src/wallet/share/share-api';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared/types';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { es256Key } from '../../../shared/credentials/helpers';
import { addCredential, DVLA, makeWorld, NOW, PORTRAIT, scrambled, type World } from '../../support/share-fixtures';

const OPG = 'https://opg.example.gov.uk';
const opg = es256Key('opg-1');
const MARGARET = { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14' };

class FakePeople implements Pick<People, 'list' | 'authoritiesFor'> {
  people: Person[] = [{ id: SELF_PERSON, name: '', marker: 'blue' }, { id: 'mum', name: 'Mum', marker: 'green' }];
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
let trustList: TrustList;

async function authority(id: string, donor: { given_name: string; family_name: string; birth_date: string }): Promise<void> {
  await addCredential(world.vault, id, {
    key: opg, iss: OPG, vct: AUTHORITY_TYPE,
    sd: {
      attorney_given_name: 'Ada', attorney_family_name: 'Jones',
      donor_given_name: donor.given_name, donor_family_name: donor.family_name, donor_birth_date: donor.birth_date,
      power: 'property-and-financial-affairs', reference: 'M-7321-4480-1123', registered_on: '2025-03-01',
    },
  });
  people.authorities.push({ credentialId: id, personId: 'mum', power: 'property-and-financial-affairs', typeName: { of: 'type', type: AUTHORITY_TYPE }, usable: true });
}

beforeEach(async () => {
  world = await makeWorld();
  trustList = trustListFromIssuers([
    { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency' }, keys: [world.dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
    { id: OPG, name: { en: 'Office of the Public Guardian', cy: 'Swyddfa’r Gwarcheidwad Cyhoeddus' }, keys: [opg.jwk], types: [AUTHORITY_TYPE] },
  ]);
  await addCredential(world.vault, 'mum-licence', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { ...MARGARET, age_over_18: true, portrait: PORTRAIT } });
  world.vault.credentials.at(-1)!.personId = 'mum';
  people = new FakePeople();
  const now = () => NOW.getTime();
  sharer = createSharer({ vault: world.vault, now, people });
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustList, world.statusLists), vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

const everyQuery = (request: ShareRequest) =>
  request.queryIds.map((queryId) => {
    const c = request.candidates.find((x) => x.queryId === queryId)!;
    return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
  });

async function answerForMum() {
  const request = await checker.createRequest({ purpose: 'identity-for-finance', verifierName: 'Bank counter' });
  const read = await sharer.readRequest(request.qr.frames[0]!);
  expect(read.onBehalf?.people.map((p) => p.personId)).toEqual(['mum']);
  expect(read.candidates.map((c) => [c.queryId, c.credentialId, c.personId])).toEqual([['identity', 'mum-licence', 'mum'], ['authority', read.onBehalf!.people[0]!.authorities[0]!.credentialId, SELF_PERSON]]);
  const { frames } = await sharer.respond(read.requestId, everyQuery(read));
  for (const f of scrambled(frames)) await checker.addFrame(request.requestId, f);
  return checker.verify(request.requestId);
}

describe('on someone\'s behalf, checked by Satchel\'s checker', () => {
  it('Mum\'s licence and Ada\'s authority in one answer: the checker passes it, presented by Ada Jones on behalf of Margaret Jones', async () => {
    await authority('lpa-mum', MARGARET);
    const result = await answerForMum();
    expect(result.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.onBehalf).toMatchObject({
      ok: true, failures: [],
      attorney: { givenName: 'Ada', familyName: 'Jones' },
      donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
      power: 'property-and-financial-affairs',
    });
    // Both logged under Mum.
    expect(world.vault.activity.filter((a) => a.kind === 'shared').map((a) => [a.credentialId, a.personId]).sort()).toEqual([['lpa-mum', 'mum'], ['mum-licence', 'mum']]);
  });

  it('an authority for someone else, wrongly linked to Mum by the wallet: the checker fails it (person-mismatch)', async () => {
    await authority('lpa-george', { given_name: 'George', family_name: 'Jones', birth_date: '1949-02-02' });
    const result = await answerForMum();
    expect(result.ok).toBe(false);
    expect(result.onBehalf?.failures).toEqual(['person-mismatch']);
  });
});
