/**
 * The consent screens of issue 16 on a 360×740 phone, in the app's frame (service navigation and
 * phase banner above, as App.tsx draws them), in English and Welsh: the Share button's bottom is
 * inside the first viewport (docs/architecture.md "How to add a screen"), and what the person must
 * know stays on screen without opening anything — whom they act for, under what, and what the
 * verifier will see. Screenshots in test-results/share-on-behalf/ (looked at by a person).
 * Online on someone's behalf (a registered bank, and an unregistered site with its warning and
 * where the answer goes), and assisted use in person (Mum's licence chosen among two).
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
import { PhaseBanner } from '../../../../src/ui/components/PhaseBanner';
import { ServiceNavigation } from '../../../../src/ui/components/ServiceNavigation';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { LANGUAGES, type Language } from '../../../../src/ui/i18n/translate';
import { PeopleProvider, usePeople } from '../../../../src/ui/people/PeopleContext';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { useVault, VaultProvider } from '../../../../src/ui/vault/VaultContext';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import type { HeldAuthority, People, Person } from '../../../../src/wallet/people';
import type { ShareAnswer, ShareCandidate, ShareRequest, Sharer } from '../../../../src/wallet/share/share-api';
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
/** The demo licence as the identity purpose asks it (given_name, family_name, birth_date, portrait), the rest not shared. */
const licence = (credentialId: string, personId: PersonId, queryId = 'identity'): ShareCandidate => ({
  queryId, credentialId, personId, typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence), issuerName: DVLA, validUntil: '2030-06-01T00:00:00Z',
  requested: claims('given_name', 'family_name', 'birth_date', 'portrait'),
  notShared: claims('age_over_18', 'age_over_21', 'document_number', 'driving_privileges', 'resident_address'),
});
const lpa: ShareCandidate = {
  queryId: 'authority', credentialId: 'lpa-mum', personId: SELF_PERSON, typeName: nameOfType(AUTHORITY_TYPE), issuerName: OPG, validUntil: '2027-12-01T00:00:00Z',
  requested: claims('attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'), notShared: claims('registered_on'),
};
const held: HeldAuthority = { credentialId: 'lpa-mum', personId: 'mum', power: 'property-and-financial-affairs', typeName: nameOfType(AUTHORITY_TYPE), validUntil: '2027-12-01T00:00:00Z', usable: true };

const forMumUnregistered: ShareRequest = {
  requestId: 'r-bank', mode: 'online', verifierName: 'Cardiff Community Bank', verifier: { kind: 'unregistered' }, responseOrigin: 'https://bank.example.org',
  expiresAt: EXPIRES, queryIds: ['identity', 'authority'], candidates: [licence('mum-licence', 'mum'), lpa], people: [SELF, MUM],
  onBehalf: { authorityQueryId: 'authority', power: 'property-and-financial-affairs', people: [{ personId: 'mum', queryIds: ['identity', 'authority'], authorities: [held], donorName: 'Margaret Jones' }] },
};
const forMumRegistered: ShareRequest = {
  ...forMumUnregistered,
  verifier: {
    kind: 'registered', registerId: 'bank', name: { en: 'Cardiff Community Bank Ltd', cy: 'Banc Cymunedol Caerdydd Cyf' },
    registration: { en: 'Registered to check the identity of customers and of people they act for', cy: 'Wedi’i gofrestru i wirio pwy yw cwsmeriaid a’r bobl y maent yn gweithredu ar eu rhan' },
  },
};
const dadsHeld: HeldAuthority = { ...held, credentialId: 'lpa-dad', personId: 'dad' };
/** Two people to act for: "Who is this for?" first, then the consent with "Change who this is for". */
const forMumOrDad: ShareRequest = {
  ...forMumUnregistered,
  candidates: [...forMumUnregistered.candidates, licence('dad-licence', 'dad'), { ...lpa, credentialId: 'lpa-dad' }],
  people: [SELF, MUM, DAD],
  onBehalf: {
    ...forMumUnregistered.onBehalf!,
    people: [...forMumUnregistered.onBehalf!.people, { personId: 'dad', queryIds: ['identity', 'authority'], authorities: [dadsHeld], donorName: 'George Jones' }],
  },
};
const assistedInPerson: ShareRequest = {
  requestId: 'r-pub', mode: 'in-person', verifierName: 'The Red Lion', verifier: { kind: 'unregistered' }, expiresAt: EXPIRES, queryIds: ['over_18'],
  candidates: [{ ...licence('ada-licence', SELF_PERSON, 'over_18'), requested: claims('age_over_18') }, { ...licence('mum-licence', 'mum', 'over_18'), requested: claims('age_over_18') }],
  people: [SELF, MUM],
};

let answered: ShareAnswer[] | undefined;
const stubSharer = (request: ShareRequest) => ({
  readRequest: async () => request,
  respondOnline: async (_id: string, answers: ShareAnswer[]) => { answered = answers; return { redirectUri: '#done' }; },
  respond: async (_id: string, answers: ShareAnswer[]) => { answered = answers; return { frames: ['SR1.x.0.1.abc'], frameMs: 300 }; },
  decline: async () => ({ verifierTold: true }),
}) as unknown as Sharer;
const vault = { state: async () => 'unlocked', onStateChange: () => () => undefined } as unknown as Vault;
const people = { list: async () => [SELF, MUM, DAD] } as unknown as People;

function Selected({ id }: { id: PersonId }) {
  const { select } = usePeople();
  const { state } = useVault();
  useEffect(() => {
    if (state === 'unlocked') select(id);
  }, [state]);
  return state === 'unlocked' ? <span data-testid="ready" hidden /> : null;
}

/** The share screen in the app's frame, the request read, the consent shown. */
async function open(request: ShareRequest, language: Language, selected: PersonId): Promise<void> {
  const services: ShareServices = { sharer: stubSharer(request), checker: {} as Checker, activity: {} as ActivityLog };
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}>
        <PeopleProvider people={people}>
          <Selected id={selected} />
          <ShareProvider services={services}>
            <ServiceNavigation />
            <div class="govuk-width-container">
              <PhaseBanner />
              <main class="govuk-main-wrapper"><ShareScreen /></main>
            </div>
          </ShareProvider>
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
  await act(() => host.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click());
  await expect.poll(() => host.querySelector('#share, #continue') !== null).toBe(true);
  // More than one person to act for: the question first, then the consent.
  if (host.querySelector('#continue')) await act(() => host.querySelector<HTMLButtonElement>('#continue')!.click());
  await expect.poll(() => host.querySelector('#share') !== null).toBe(true);
}

/** The Share button is seen without scrolling: its whole box inside the first 740 px. */
async function shareInFirstViewport(shotName: string): Promise<void> {
  window.scrollTo(0, 0);
  await page.screenshot({ path: `../../../../test-results/share-on-behalf/${shotName}.png` });
  const box = host.querySelector('#share')!.getBoundingClientRect();
  expect(box.top, shotName).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${shotName}: the Share button's bottom`).toBeLessThanOrEqual(740);
}

const visibleText = (selector: string) => {
  const element = host.querySelector<HTMLElement>(selector);
  return element?.checkVisibility() ? element.innerText.replace(/\s+/g, ' ').trim() : '';
};

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

beforeEach(async () => {
  answered = undefined;
  await page.viewport(360, 740);
});
afterEach(() => render(null, host));

describe('the on-behalf consent fits a phone', () => {
  for (const language of LANGUAGES) {
    for (const [kind, request] of [['unregistered', forMumUnregistered], ['registered', forMumRegistered], ['unregistered-two-people', forMumOrDad]] as const) {
      it(`${language}, ${kind} verifier online: Share in the first viewport; whom for, under what and what they see on screen`, async () => {
        await open(request, language, 'mum');
        await shareInFirstViewport(`fits-on-behalf-${kind}-${language}`);
        const note = visibleText('[data-testid="on-behalf"]');
        expect(note).toContain('Mum (Margaret Jones)');
        expect(note).toContain(language === 'en' ? 'lasting power of attorney (property and financial affairs)' : 'atwrneiaeth arhosol (eiddo a materion ariannol)');
        expect(note).toContain(language === 'en' ? 'Mum\'s driving licence' : 'trwydded yrru Mum');
        // What her licence shares, in view; the boxes to change it behind the details.
        expect(visibleText('[data-testid="sharing-identity"]')).toContain(language === 'en' ? 'Given name, Family name, Date of birth, Photo' : 'Enw cyntaf, Cyfenw, Dyddiad geni, Llun');
        await noAxeViolations(`on behalf, ${kind}, ${language}`);
        await act(() => host.querySelector<HTMLElement>('[data-testid="share-details"] summary')!.click());
        expect(host.querySelector<HTMLElement>('[data-testid="authority-claims"]')!.checkVisibility()).toBe(true);
        // With two people to act for, the way back to "Who is this for?" is behind the details too.
        expect(host.querySelector<HTMLElement>('#change-person')?.checkVisibility() ?? false).toBe(kind === 'unregistered-two-people');
        await noAxeViolations(`on behalf, ${kind}, details open, ${language}`);
        await page.screenshot({ path: `../../../../test-results/share-on-behalf/fits-on-behalf-${kind}-details-${language}.png` });
        // Unticking the photo: the line in view says so.
        await act(() => [...host.querySelectorAll<HTMLInputElement>('[data-testid="query-identity"] .govuk-checkboxes__input')].at(-1)!.click());
        expect(visibleText('[data-testid="sharing-identity"]')).not.toContain(language === 'en' ? 'Photo' : 'Llun');
        await act(() => [...host.querySelectorAll<HTMLInputElement>('[data-testid="query-identity"] .govuk-checkboxes__input')].at(-1)!.click());
        await act(() => host.querySelector<HTMLButtonElement>('#share')!.click());
        await expect.poll(() => answered?.map((a) => [a.queryId, a.credentialId, a.claims.length])).toEqual([['identity', 'mum-licence', 4], ['authority', 'lpa-mum', 7]]);
      });
    }

    it(`${language}, assisted use in person: Share in the first viewport; helping, not authority, on screen`, async () => {
      await open(assistedInPerson, language, 'mum');
      await shareInFirstViewport(`fits-assisted-use-${language}`);
      expect(visibleText('[data-testid="sharing-over_18"]')).toContain(language === 'en' ? 'Mum\'s driving licence: Aged 18 or over' : 'Trwydded yrru Mum:');
      await noAxeViolations(`assisted use, ${language}`);
      expect(visibleText('[data-testid="assisted-use"]')).toContain(language === 'en' ? 'This does not say you act for them.' : 'Nid yw hyn yn dweud eich bod yn gweithredu ar eu rhan.');
      await act(() => host.querySelector<HTMLButtonElement>('#share')!.click());
      await expect.poll(() => answered?.map((a) => a.credentialId)).toEqual(['mum-licence']);
    });
  }
});
