/**
 * Quick show's "cannot show" note with people added (issue 16): the words say whose credential it
 * is — "Mum's driving licence cannot show …", "Use your driving licence instead", never "your" for
 * Mum's — in English and Welsh. With no people the words are as before (quick-show-screen.test.tsx).
 */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { translator, type Language } from '../../../../src/ui/i18n/translate';
import { PeopleProvider, usePeople } from '../../../../src/ui/people/PeopleContext';
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
import { addCredential, DVLA, makeWorld } from '../../support/share-fixtures';

const host = document.body.appendChild(document.createElement('div'));
const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };
const SELF: Person = { id: SELF_PERSON, name: '', marker: 'blue' };
const MUM: Person = { id: 'mum', name: 'Mum', marker: 'green' };

const view = (id: string, personId: PersonId): CredentialView => ({
  id, personId, format: 'dc+sd-jwt', selective: true, requestOnly: false, typeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }),
  issuerName: DVLA_NAME, verified: true, status: { state: 'valid' }, validUntil: '2031-01-01T00:00:00Z', claims: [],
});

let views: CredentialView[];
let services: ShareServices;

beforeEach(async () => {
  // The world holds Ada's licence ('licence', with age_over_18); Mum's shows no age.
  const world = await makeWorld();
  await addCredential(world.vault, 'mum-licence', { key: world.dvla, iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence, sd: { given_name: 'Margaret', family_name: 'Jones' } });
  world.vault.credentials.at(-1)!.personId = 'mum';
  views = [view('licence', SELF_PERSON), view('mum-licence', 'mum')];
  const sharer = createSharer({ vault: world.vault, now: () => Date.now(), views: { credential: async (id: string) => views.find((v) => v.id === id) } });
  services = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
  history.replaceState(null, '', '/share/quick');
});
afterEach(() => render(null, host));

const receiver = () => ({ listCredentials: async () => views, credential: async (id: string) => views.find((v) => v.id === id) }) as unknown as Receiver;
const vault = { state: async () => 'unlocked', onStateChange: () => () => undefined } as unknown as Vault;

function Selected({ id, children }: { id: PersonId; children: preact.ComponentChildren }) {
  const { select, selected } = usePeople();
  const { state } = useVault();
  useEffect(() => {
    if (state === 'unlocked') select(id);
  }, [state]);
  return selected === id ? <>{children}</> : null;
}

async function openWithMum(language: Language): Promise<void> {
  const list = { list: async () => [SELF, MUM] } as unknown as People;
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}>
        <PeopleProvider people={list}>
          <Selected id="mum">
            <ReceiverProvider receiver={receiver()}><ShareProvider services={services}><QuickShowScreen /></ShareProvider></ReceiverProvider>
          </Selected>
        </PeopleProvider>
      </VaultProvider>
    </I18nProvider>,
    host,
  );
  await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value, { timeout: 60_000 }).toBe('mum-licence');
  await expect.poll(() => host.querySelectorAll('.govuk-checkboxes__input').length, { timeout: 60_000 }).toBeGreaterThan(0);
}

const button = (label: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
const note = () => host.querySelector('[data-testid="purpose-cannot"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const EXPECTED = {
  en: {
    cannot: 'Mum\'s driving licence cannot show “Prove I am over 18”.',
    useInstead: 'Use your driving licence instead',
    noneCan: 'Mum\'s driving licence cannot show “Prove my right to work”.No credential in Satchel can show this. You can tick what to show from Mum\'s driving licence below.',
  },
  cy: {
    cannot: `Ni all trwydded yrru Mum ddangos “${translator('cy')('purpose.over18')}”.`,
    useInstead: 'Defnyddio eich trwydded yrru yn lle hynny',
    noneCan: `Ni all trwydded yrru Mum ddangos “${translator('cy')('purpose.rightToWork')}”.Ni all yr un tystlythyr yn Satchel ddangos hyn. Gallwch dicio isod beth fydd trwydded yrru Mum yn ei ddangos.`,
  },
} as const;

describe('quick show says whose credential cannot show a purpose', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`${language}: Mum's licence cannot show over 18; yours can`, async () => {
      const t = translator(language);
      await openWithMum(language);
      await act(() => button(t('purpose.over18'))!.click());
      await expect.poll(note, { timeout: 60_000 }).toContain(EXPECTED[language].cannot);
      expect(note()).not.toMatch(language === 'en' ? /Your driving licence cannot/i : /Ni all eich/);
      await act(() => button(EXPECTED[language].useInstead)!.click());
      await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value, { timeout: 60_000 }).toBe('licence');
    });

    it(`${language}: nothing can show right to work: the note names Mum's licence`, async () => {
      const t = translator(language);
      await openWithMum(language);
      await act(() => button(t('purpose.rightToWork'))!.click());
      await expect.poll(note, { timeout: 60_000 }).toBe(EXPECTED[language].noneCan);
    });
  }
});
