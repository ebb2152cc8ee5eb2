/**
 * Quick show of someone else's credential (issue 16, docs/sharing.md "On someone's behalf"): with
 * people added, every credential listed says whose it is ("Your driving licence", "Mum's driving
 * licence"), the one shown has its person's marker, the person selected on the home screen is
 * shown first, and showing Mum's is assisted use: the screen says it does not claim authority and
 * the activity entry is hers. With no people, nothing changes. English and Welsh, axe clean,
 * screenshots at 360×740 in test-results/share-on-behalf/. The app's screen with a real Sharer over a test vault.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import '../../../../src/ui/styles/screens.scss';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { LANGUAGES, type Language } from '../../../../src/ui/i18n/translate';
import { PeopleProvider, usePeople } from '../../../../src/ui/people/PeopleContext';
import { PEOPLE_WORDS } from '../../../../src/ui/people/people-words';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { QuickShowScreen } from '../../../../src/ui/screens/QuickShowScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { useVault, VaultProvider } from '../../../../src/ui/vault/VaultContext';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import type { CredentialView } from '../../../../src/wallet/held';
import type { People, Person } from '../../../../src/wallet/people';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import { createSharer } from '../../../../src/wallet/share/share';
import { nameAsWords } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { SELF_PERSON, type PersonId } from '../../../../src/wallet/shared/types';
import type { Vault } from '../../../../src/wallet/vault';
import { addCredential, DVLA, makeWorld, type World } from '../../support/share-fixtures';

const host = document.body.appendChild(document.createElement('div'));
const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };
const SELF: Person = { id: SELF_PERSON, name: '', marker: 'blue' };
const MUM: Person = { id: 'mum', name: 'Mum', marker: 'green' };

const view = (id: string, personId: PersonId): CredentialView => ({
  id, personId, format: 'dc+sd-jwt', selective: true, requestOnly: false, typeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }),
  issuerName: DVLA_NAME, verified: true, status: { state: 'valid' }, validUntil: '2031-01-01T00:00:00Z', claims: [],
});

let world: World;
let views: CredentialView[];
let services: ShareServices;

beforeEach(async () => {
  await page.viewport(360, 740);
  world = await makeWorld();
  await addCredential(world.vault, 'mum-licence', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Margaret', age_over_18: true } });
  world.vault.credentials.at(-1)!.personId = 'mum';
  views = [view('licence', SELF_PERSON), view('mum-licence', 'mum')];
  const sharer = createSharer({ vault: world.vault, now: () => Date.now(), views: { credential: async (id: string) => views.find((v) => v.id === id) } });
  services = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
  history.replaceState(null, '', '/share/quick');
});
afterEach(() => render(null, host));

const receiver = () => ({ listCredentials: async () => views, credential: async (id: string) => views.find((v) => v.id === id) }) as unknown as Receiver;
const vault = { state: async () => 'unlocked', onStateChange: () => () => undefined } as unknown as Vault;

/** The home screen's choice of person, once unlocked (until then the people context holds "You"). */
function Selected({ id, children }: { id: PersonId; children: preact.ComponentChildren }) {
  const { select, selected } = usePeople();
  const { state } = useVault();
  useEffect(() => {
    if (state === 'unlocked') select(id);
  }, [state]);
  return selected === id ? <>{children}</> : null;
}

async function renderQuickShow(language: Language, people: Person[], selected: PersonId = SELF_PERSON): Promise<void> {
  const list = { list: async () => people } as unknown as People;
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}>
        <PeopleProvider people={list}>
          <Selected id={selected}>
            <ReceiverProvider receiver={receiver()}><ShareProvider services={services}><QuickShowScreen /></ShareProvider></ReceiverProvider>
          </Selected>
        </PeopleProvider>
      </VaultProvider>
    </I18nProvider>,
    host,
  );
  await expect.poll(() => host.querySelectorAll('.govuk-checkboxes__input').length, { timeout: 60_000 }).toBeGreaterThan(0);
}

const text = (selector: string) => host.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
/** The line naming whose the credential is, without its badge's initial (decorative, hidden from screen readers). */
const whoseLine = () => {
  const line = host.querySelector('[data-testid="quick-whose"]')?.cloneNode(true) as HTMLElement | undefined;
  line?.querySelector('[data-testid="person-badge"]')?.remove();
  return line?.textContent?.trim();
};
const options = () => [...host.querySelectorAll('#quick-credential option')].map((o) => o.textContent);

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

describe('quick show with people', () => {
  it.each(LANGUAGES)('%s: Mum selected: her licence first, marked, said to be hers, and assisted use; axe clean', async (language) => {
    await renderQuickShow(language, [SELF, MUM], 'mum');
    await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value).toBe('mum-licence');
    const mums = PEOPLE_WORDS[language]['whose.other'].replace('{name}', 'Mum').replace('{type}', language === 'en' ? 'driving licence' : 'Trwydded yrru');
    expect(options()).toEqual(language === 'en' ? ['Your driving licence', mums] : ['Eich trwydded yrru', mums]);
    await expect.poll(whoseLine).toBe(mums);
    expect(host.querySelector('[data-testid="quick-whose"] [data-testid="person-badge"]')?.getAttribute('data-person')).toBe('mum');
    expect(text('[data-testid="assisted-use"]')).toBe(language === 'en'
      ? 'You are helping Mum show their own driving licence. This does not say you act for them.'
      : 'Rydych chi’n helpu Mum i ddangos trwydded yrru sy’n perthyn iddyn nhw. Nid yw hyn yn dweud eich bod yn gweithredu ar eu rhan.');
    await noAxeViolations(`quick show, Mum, ${language}`);
    await page.screenshot({ path: `../../../../test-results/share-on-behalf/quick-show-mum-${language}.png` });
  });

  it('showing Mum\'s licence is logged under her', async () => {
    await renderQuickShow('en', [SELF, MUM], 'mum');
    await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value).toBe('mum-licence');
    await act(() => host.querySelector<HTMLInputElement>('.govuk-checkboxes__input')!.click());
    await act(() => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Make the code')!.click());
    await expect.poll(() => host.querySelector('[data-testid="response-qr"]') !== null, { timeout: 60_000 }).toBe(true);
    expect(world.vault.activity.map((a) => [a.credentialId, a.personId, a.via])).toEqual([['mum-licence', 'mum', 'quick-show']]);
  });

  it('your own licence: marked as yours, no assisted-use note', async () => {
    await renderQuickShow('en', [SELF, MUM]);
    await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value).toBe('licence');
    await expect.poll(whoseLine).toBe('Your driving licence');
    expect(host.querySelector('[data-testid="assisted-use"]')).toBeNull();
  });

  it('with no people added, the screen is as before', async () => {
    views = [view('licence', SELF_PERSON)];
    await renderQuickShow('en', [SELF]);
    expect(text('#quick-credential')).toBe('Driving licence');
    expect(host.querySelector('[data-testid="quick-whose"], [data-testid="assisted-use"], [data-testid="person-badge"]')).toBeNull();
  });
});
