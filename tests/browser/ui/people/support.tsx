/**
 * The app's screens as a carer uses them, for the people screens' tests (issue 16): the real vault,
 * the app's receiver (an in-browser issuer answering its fetch), the app's People and activity log,
 * routed by Screens as in the app, in English or Welsh.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import '../../../../src/ui/styles/screens.scss';
import { PhaseBanner } from '../../../../src/ui/components/PhaseBanner';
import { ServiceNavigation } from '../../../../src/ui/components/ServiceNavigation';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import type { Language } from '../../../../src/ui/i18n/translate';
import { PeopleProvider } from '../../../../src/ui/people/PeopleContext';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { navigate } from '../../../../src/ui/router';
import { Screens } from '../../../../src/ui/Screens';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { VaultProvider } from '../../../../src/ui/vault/VaultContext';
import { createActivityLog, type ActivityLog } from '../../../../src/wallet/activity';
import { createAppPeople } from '../../../../src/wallet/app/app-people';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { Checker } from '../../../../src/wallet/check';
import type { People } from '../../../../src/wallet/people';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { Sharer } from '../../../../src/wallet/share';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { inBrowserIssuer, TX_CODE, type InBrowserIssuer } from '../../wallet/receive/in-browser-issuer';
import { PIN, testVault, uniqueDbName } from '../../support/vault-helpers';

export const host = document.body.appendChild(document.createElement('div'));

export interface CarerApp {
  vault: SatchelVault;
  issuer: InBrowserIssuer;
  receiver: SatchelReceiver;
  people: People;
  activity: ActivityLog;
  show(language?: Language): Promise<void>;
  close(): void;
}

export async function carerApp(label: string): Promise<CarerApp> {
  const vault = testVault(uniqueDbName(label));
  await vault.setUp(PIN);
  const issuer = await inBrowserIssuer();
  const receiver = createAppReceiver(vault, { config: issuer.config, fetch: (url, init) => issuer.fetch(url, init), now: () => issuer.now, autoResume: false });
  const people = createAppPeople(vault, receiver);
  const activity = createActivityLog(vault);
  // Sharing and checking are not used by these screens.
  const share = { sharer: {} as Sharer, checker: {} as Checker, activity };
  return {
    vault, issuer, receiver, people, activity,
    async show(language = 'en') {
      await act(() => render(
        <I18nProvider initial={language}>
          <VaultProvider vault={vault}>
            <ReceiverProvider receiver={receiver}>
              <ShareProvider services={share}>
                <PeopleProvider people={people}>
                  {/* The app's frame above the screen, so what fits a phone's first screen is measured as in the app. */}
                  <ServiceNavigation />
                  <div class="govuk-width-container">
                    <PhaseBanner />
                    <main class="govuk-main-wrapper">
                      <Screens offlineReadiness="ready" />
                    </main>
                  </div>
                </PeopleProvider>
              </ShareProvider>
            </ReceiverProvider>
          </VaultProvider>
        </I18nProvider>,
        host,
      ));
    },
    close() {
      render(null, host);
      receiver.close();
    },
  };
}

export const text = () => host.textContent ?? '';

export async function shows(words: string): Promise<void> {
  await expect.poll(text, { timeout: 60_000 }).toContain(words);
}

export async function go(path: string): Promise<void> {
  await act(() => navigate(path));
}

/** Types into a field; act() lets Preact re-render, so the form's submit sees the new value. */
export async function typeInto(id: string, value: string): Promise<void> {
  await expect.poll(() => host.querySelector(`#${id}`), { timeout: 60_000 }).not.toBeNull();
  await act(() => {
    const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A button or link by its visible text (without any words only screen readers hear). */
export function control(words: string): HTMLElement | undefined {
  return [...host.querySelectorAll<HTMLElement>('button, a')].find((b) => (b.firstChild?.textContent ?? '').trim() === words);
}

export async function click(words: string): Promise<void> {
  await expect.poll(() => control(words), { timeout: 60_000 }).toBeDefined();
  await act(() => control(words)!.click());
}

/** The ids of the credentials the home screen lists (from their links). */
export function listedIds(): string[] {
  return [...host.querySelectorAll<HTMLAnchorElement>('[data-testid="credential-card"] a')]
    .map((a) => decodeURIComponent(a.getAttribute('href')!.replace('/credential/', '')));
}

/**
 * Receives the issuer's licence through the add screen, into whoever "Whose is this?" is left at
 * (the person the home screen shows) or `choose` (a radio's person id). Returns the new credential's id.
 */
export async function receiveLicence(app: CarerApp, choose?: string): Promise<string> {
  const before = new Set((await app.receiver.listCredentials()).map((c) => c.id));
  // From elsewhere: a link to the screen already shown would not start it over.
  await go('/');
  await go('/add');
  await typeInto('offer-text', app.issuer.offer());
  await act(() => host.querySelector<HTMLFormElement>('#offer-text')!.form!.requestSubmit());
  await expect.poll(() => host.querySelector('#accept'), { timeout: 60_000 }).not.toBeNull();
  if (choose) {
    // "Whose is this?" comes once the people are read, which may be after the Add button.
    await expect.poll(() => host.querySelector(`#whose-${choose}`), { timeout: 60_000 }).not.toBeNull();
    await act(() => host.querySelector<HTMLInputElement>(`#whose-${choose}`)!.click());
  }
  await typeInto('tx-code', TX_CODE);
  await act(() => host.querySelector<HTMLButtonElement>('#accept')!.click());
  let added: string | undefined;
  await expect.poll(async () => (added = (await app.receiver.listCredentials()).find((c) => !before.has(c.id))?.id), { timeout: 60_000 }).toBeDefined();
  return added!;
}
