/**
 * The consent screen for someone else's credential (docs/sharing.md, "On someone's behalf";
 * docs/carers.md), in English and Welsh, axe clean, at 360×740 (screenshots in
 * test-results/share-on-behalf/): "Who is this for?" among the people Satchel may answer for,
 * each with their marker and the name their authority gives; the plain-words explanation of
 * acting under a lasting power of attorney, naming the verifier; each candidate's marker and
 * "Mum's driving licence"; choosing another person changes the credential and the authority
 * offered; the person selected on the home screen is the default; assisted use (a request with
 * no authority query answered with Mum's licence) says it is not authority; 'no-authority' names
 * each person and why. The share use case is a stub (the real one: tests/unit/wallet/share/share-on-behalf.test.ts).
 */
import axe from 'axe-core';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import '../../../../src/ui/styles/screens.scss';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { LANGUAGES, type Language } from '../../../../src/ui/i18n/translate';
import { PeopleProvider, usePeople } from '../../../../src/ui/people/PeopleContext';
import { PEOPLE_WORDS } from '../../../../src/ui/people/people-words';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ON_BEHALF_WORDS } from '../../../../src/ui/share/on-behalf-words';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { useVault, VaultProvider } from '../../../../src/ui/vault/VaultContext';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import type { HeldAuthority, People, Person } from '../../../../src/wallet/people';
import { ShareError, type ShareAnswer, type ShareCandidate, type ShareRequest, type Sharer } from '../../../../src/wallet/share/share-api';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared/types';
import type { Vault } from '../../../../src/wallet/vault';

const host = document.body.appendChild(document.createElement('div'));
const EXPIRES = '2099-01-01T00:00:00Z';
const DVLA = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };
const OPG = { en: 'Office of the Public Guardian', cy: 'Swyddfa’r Gwarcheidwad Cyhoeddus' };

const SELF: Person = { id: SELF_PERSON, name: '', marker: 'blue' };
const MUM: Person = { id: 'mum', name: 'Mum', marker: 'green' };
const DAD: Person = { id: 'dad', name: 'Dad', marker: 'purple' };

const claims = (...names: string[]) => names.map((n) => ({ path: [n], label: nameOfClaim([n]) }));

const licence = (credentialId: string, personId: PersonId, queryId = 'identity'): ShareCandidate => ({
  queryId, credentialId, personId, typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence), issuerName: DVLA, validUntil: '2030-06-01T00:00:00Z',
  requested: claims('given_name', 'family_name', 'birth_date'), notShared: claims('document_number'),
});
const lpa = (credentialId: string): ShareCandidate => ({
  queryId: 'authority', credentialId, personId: SELF_PERSON, typeName: nameOfType(AUTHORITY_TYPE), issuerName: OPG, validUntil: '2027-12-01T00:00:00Z',
  requested: claims('attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'), notShared: claims('registered_on'),
});
const held = (credentialId: string, personId: PersonId): HeldAuthority =>
  ({ credentialId, personId, power: 'property-and-financial-affairs', typeName: nameOfType(AUTHORITY_TYPE), validUntil: '2027-12-01T00:00:00Z', usable: true });

const forMumAndDad: ShareRequest = {
  requestId: 'r-bank',
  mode: 'online',
  verifierName: 'Barclays',
  verifier: { kind: 'unregistered' },
  responseOrigin: 'https://bank.example',
  expiresAt: EXPIRES,
  queryIds: ['identity', 'authority'],
  candidates: [licence('mum-licence', 'mum'), licence('dad-licence', 'dad'), lpa('lpa-mum'), lpa('lpa-dad')],
  people: [SELF, MUM, DAD],
  onBehalf: {
    authorityQueryId: 'authority',
    power: 'property-and-financial-affairs',
    people: [
      { personId: 'mum', queryIds: ['identity', 'authority'], authorities: [held('lpa-mum', 'mum')], donorName: 'Margaret Jones' },
      { personId: 'dad', queryIds: ['identity', 'authority'], authorities: [held('lpa-dad', 'dad')], donorName: 'George Jones' },
    ],
  },
};
const forMum: ShareRequest = {
  ...forMumAndDad,
  candidates: [licence('mum-licence', 'mum'), lpa('lpa-mum')],
  people: [SELF, MUM],
  onBehalf: { ...forMumAndDad.onBehalf!, people: [forMumAndDad.onBehalf!.people[0]!] },
};
const assisted: ShareRequest = {
  requestId: 'r-pub', mode: 'in-person', verifierName: 'The Red Lion', verifier: { kind: 'unregistered' }, expiresAt: EXPIRES, queryIds: ['licence'],
  candidates: [{ ...licence('ada-licence', SELF_PERSON, 'licence'), requested: claims('age_over_18') }, { ...licence('mum-licence', 'mum', 'licence'), requested: claims('age_over_18') }],
  people: [SELF, MUM],
};

let answered: ShareAnswer[] | undefined;

function stubSharer(answer: ShareRequest | ShareError): Sharer {
  return {
    readRequest: async () => {
      if (answer instanceof ShareError) throw answer;
      return answer;
    },
    respondOnline: async (_id: string, answers: ShareAnswer[]) => {
      answered = answers;
      return { redirectUri: '#done' };
    },
    respond: async (_id: string, answers: ShareAnswer[]) => {
      answered = answers;
      return { frames: ['SR1.x.0.1.abc'], frameMs: 300 };
    },
    decline: async () => ({ verifierTold: true }),
  } as unknown as Sharer;
}

const vault = { state: async () => 'unlocked', onStateChange: () => () => undefined } as unknown as Vault;
const people = { list: async () => [SELF, MUM, DAD] } as unknown as People;

/** The home screen's choice of person, made before the request is read. */
function Selected({ id }: { id: PersonId }) {
  const { select } = usePeople();
  const { state } = useVault();
  // Once unlocked: until then the people context holds "You".
  useEffect(() => {
    if (state === 'unlocked') select(id);
  }, [state]);
  return state === 'unlocked' ? <span data-testid="ready" hidden /> : null;
}

async function open(answer: ShareRequest | ShareError, language: Language = 'en', selected: PersonId = SELF_PERSON): Promise<void> {
  const services: ShareServices = { sharer: stubSharer(answer), checker: {} as Checker, activity: {} as ActivityLog };
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}>
        <PeopleProvider people={people}>
          <Selected id={selected} />
          <ShareProvider services={services}><ShareScreen /></ShareProvider>
        </PeopleProvider>
      </VaultProvider>
    </I18nProvider>,
    host,
  );
  await act(async () => {
    const input = host.querySelector<HTMLInputElement>('#request-text')!;
    input.value = 'openid4vp://?client_id=x&request_uri=https://x.example/r';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect.poll(() => host.querySelector('[data-testid="ready"]') !== null).toBe(true);
  await act(() => {
    host.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  });
  await expect.poll(() => host.querySelector('#share, #continue, .govuk-error-summary') !== null).toBe(true);
}

/** The possessive as the people screens' words write it (src/ui/people/people-words.ts). */
const APOSTROPHE_S = PEOPLE_WORDS.en['whose.other'].replace('{name}', '').replace(/ \{type\}$/, '');
const text = (selector: string) => host.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const goOn = () => act(() => host.querySelector<HTMLButtonElement>('#continue')!.click());
const checkedFor = () => host.querySelector<HTMLInputElement>('input[name="for"]:checked')?.value;

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

const shot = (name: string) => page.screenshot({ path: `../../../../test-results/share-on-behalf/${name}.png` });

beforeEach(async () => {
  answered = undefined;
  await page.viewport(360, 740);
});
afterEach(() => render(null, host));

describe('Who is this for?', () => {
  it('offers Mum and Dad by marker, label and the name their authority gives; their licence and authority follow the choice', async () => {
    await open(forMumAndDad);
    // A question on a page of its own, before the consent.
    expect(text('h1')).toBe('Who is this for?');
    expect(text('#who-for-hint')).toBe('Barclays is asking. You can answer for these people: you keep their credential and hold a lasting power of attorney for them.');
    expect(host.querySelector('#share')).toBeNull();
    expect([...host.querySelectorAll('input[name="for"] + label')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['MMum (Margaret Jones)', 'DDad (George Jones)']);
    expect([...host.querySelectorAll('[data-testid="who-is-this-for"] [data-testid="person-marker"]')].map((m) => m.getAttribute('data-person'))).toEqual(['mum', 'dad']);
    // Nobody selected on the home screen: the first person Satchel may answer for. Never "You".
    expect(checkedFor()).toBe('mum');
    expect(host.querySelector('input[name="for"][value="self"]')).toBeNull();
    await goOn();
    expect(text('[data-testid="on-behalf"]')).toContain('You are acting for Mum (Margaret Jones) under a lasting power of attorney (property and financial affairs). Barclays will see Mum’s driving licence and your authority, with your name.'.replace(/’s/g, APOSTROPHE_S));
    expect(text('[data-testid="candidate-identity"]')).toContain(`Mum${APOSTROPHE_S} driving licence from Driver and Vehicle Licensing Agency`);
    expect(text('[data-testid="candidate-authority"]')).toContain('Your lasting power of attorney from Office of the Public Guardian');

    // Back to the question: choosing Dad changes the licence and the authority offered.
    await act(() => host.querySelector<HTMLButtonElement>('#change-person')!.click());
    await act(() => host.querySelector<HTMLInputElement>('#for-dad')!.click());
    expect(checkedFor()).toBe('dad');
    await goOn();
    expect(text('[data-testid="on-behalf"]')).toContain('You are acting for Dad (George Jones)');
    expect(text('[data-testid="candidate-identity"]')).toContain(`Dad${APOSTROPHE_S} driving licence`);
    await act(() => host.querySelector<HTMLButtonElement>('#share')!.click());
    await expect.poll(() => answered).toBeDefined();
    expect(answered!.map((a) => [a.queryId, a.credentialId])).toEqual([['identity', 'dad-licence'], ['authority', 'lpa-dad']]);
    // The authority goes with every claim asked: the checker needs them all.
    expect(answered![1]!.claims).toHaveLength(7);
  });

  it('the person selected on the home screen is chosen first', async () => {
    await open(forMumAndDad, 'en', 'dad');
    expect(checkedFor()).toBe('dad');
    await goOn();
    expect(text('[data-testid="candidate-identity"]')).toContain(`Dad${APOSTROPHE_S} driving licence`);
  });

  it.each(LANGUAGES)('%s: the question and the consent after it are axe clean at 360×740', async (language) => {
    await open(forMumAndDad, language);
    if (language === 'cy') {
      expect(text('h1')).toBe('Ar ran pwy mae hyn?');
    }
    await noAxeViolations(`who is this for, ${language}`);
    await shot(`who-is-this-for-${language}`);
    await goOn();
    if (language === 'cy') {
      expect(text('[data-testid="on-behalf"]')).toContain('Rydych chi’n gweithredu ar ran Mum (Margaret Jones) o dan atwrneiaeth arhosol (eiddo a materion ariannol). Bydd Barclays yn gweld trwydded yrru Mum a’ch awdurdod, gyda’ch enw.');
    }
    await noAxeViolations(`on behalf of Mum, with Dad to choose, ${language}`);
  });
});

describe('the on-behalf consent', () => {
  it.each(LANGUAGES)('%s: with one person, no question: the explanation, her marked licence and your authority; axe clean', async (language) => {
    await open(forMum, language);
    expect(host.querySelector('[data-testid="who-is-this-for"]')).toBeNull();
    expect(host.querySelector('[data-testid="on-behalf"] [data-testid="person-badge"]')?.getAttribute('data-person')).toBe('mum');
    expect(host.querySelector('[data-testid="query-identity"] [data-testid="person-badge"]')?.getAttribute('data-person')).toBe('mum');
    expect(host.querySelector('[data-testid="query-authority"] [data-testid="person-badge"]')?.getAttribute('data-person')).toBe(SELF_PERSON);
    expect(text('[data-testid="on-behalf"]')).toContain(language === 'en' ? `Barclays will see Mum${APOSTROPHE_S} driving licence` : 'Bydd Barclays yn gweld trwydded yrru Mum');
    await noAxeViolations(`on behalf, ${language}`);
    await shot(`on-behalf-${language}`);
    await act(() => host.querySelector<HTMLButtonElement>('#share')!.click());
    await expect.poll(() => answered?.map((a) => a.credentialId)).toEqual(['mum-licence', 'lpa-mum']);
  });
});

describe('assisted use', () => {
  it.each(LANGUAGES)('%s: Mum selected: her licence is offered first, marked, and the screen says this is helping, not authority; axe clean', async (language) => {
    await open(assisted, language, 'mum');
    // The markers and the default choice follow the people once they are read (on a busy machine, after the Share button).
    await expect.poll(() => host.querySelectorAll('input[name="candidate-licence"] + label [data-testid="person-badge"]').length).toBe(2);
    await expect.poll(() => host.querySelector(`label[for="${host.querySelector('input[name="candidate-licence"]:checked')?.id}"]`)?.getAttribute('data-person')).toBe('mum');
    expect([...host.querySelectorAll('input[name="candidate-licence"] + label [data-testid="person-badge"]')].map((m) => m.getAttribute('data-person'))).toEqual([SELF_PERSON, 'mum']);
    expect(text('[data-testid="assisted-use"]')).toBe(language === 'en'
      ? 'You are helping Mum show their own driving licence. This does not say you act for them.'
      : 'Rydych chi’n helpu Mum i ddangos trwydded yrru sy’n perthyn iddyn nhw. Nid yw hyn yn dweud eich bod yn gweithredu ar eu rhan.');
    expect(host.querySelector('[data-testid="on-behalf"]')).toBeNull();
    await noAxeViolations(`assisted use, ${language}`);
    await shot(`assisted-use-${language}`);
    await act(() => host.querySelector<HTMLButtonElement>('#share')!.click());
    await expect.poll(() => answered?.map((a) => a.credentialId)).toEqual(['mum-licence']);
  });

  it('choosing your own licence: no assisted-use note', async () => {
    await open(assisted, 'en', 'mum');
    await act(() => host.querySelector<HTMLInputElement>('#candidate-0')!.click());
    expect(host.querySelector('[data-testid="assisted-use"]')).toBeNull();
  });

  it('with no people added, the screen is as before: no markers, no notes', async () => {
    await open({ ...assisted, candidates: [assisted.candidates[0]!], people: [SELF] });
    expect(host.querySelector('[data-testid="person-marker"], [data-testid="person-badge"]')).toBeNull();
    expect(text('[data-testid="candidate"]')).toContain('Driving licence from Driver and Vehicle Licensing Agency');
  });
});

describe('no one to answer for', () => {
  it.each([
    ['en', 'You cannot answer this for anyone. It needs the person’s own credential and your lasting power of attorney for property and financial affairs for them. Mum: your lasting power of attorney for them has been cancelled. Dad: your lasting power of attorney for them has expired.'],
    ['cy', 'Ni allwch ateb hyn ar ran unrhyw un. Mae angen tystlythyr y person ei hun a’ch atwrneiaeth arhosol ar gyfer eiddo a materion ariannol ar eu rhan. Mum: mae eich atwrneiaeth arhosol ar eu rhan wedi’i chanslo. Dad: mae eich atwrneiaeth arhosol ar eu rhan wedi dod i ben.'],
  ] as const)('%s: no-authority names each person and why', async (language, expected) => {
    const error = new ShareError('no-authority', 'none', { power: 'property-and-financial-affairs', people: [{ personId: 'mum', name: 'Mum', reason: 'revoked' }, { personId: 'dad', name: 'Dad', reason: 'expired' }] });
    await open(error, language);
    expect(text('.govuk-error-summary')).toContain(expected);
  });
});

describe('the words', () => {
  it('every key in English and Welsh, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(ON_BEHALF_WORDS.en)) {
      const cy = ON_BEHALF_WORDS.cy[key as keyof typeof ON_BEHALF_WORDS.en];
      expect(cy, key).toBeTruthy();
      expect(placeholders(cy), key).toEqual(placeholders(en));
    }
  });
});
