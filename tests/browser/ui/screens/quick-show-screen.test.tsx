/**
 * Issue 11: quick show handles every credential type it lists. Choosing the veteran card (a JWT VC)
 * shows its own claims, whole, and makes a code (before: the licence's fields stayed on screen, an
 * uncaught error, "Something went wrong"). A purpose the chosen credential cannot show says so and
 * offers the credential that can (before: nothing happened). Cancelled credentials are not listed.
 * The consent screen names the credential that answers (type, issuer, expiry) and says when a card
 * is shared whole. The app's screens with a real Sharer over a test vault.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameAsWords } from '../../../../src/wallet/shared/display-name';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { QuickShowScreen } from '../../../../src/ui/screens/QuickShowScreen';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { trustListFromIssuers } from '../../../../src/credentials/index';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import type { CredentialView } from '../../../../src/wallet/held';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { makeWorld, type World } from '../../support/share-fixtures';
import { addVeteranCard, veterans, VETERANS, VETERANS_NAME } from '../../support/veteran-fixture';

const host = document.body.appendChild(document.createElement('div'));
const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };

function view(id: string, format: CredentialView['format'], typeName: CredentialView['typeName'], issuerName: CredentialView['issuerName'], state: CredentialView['status']['state'] = 'valid'): CredentialView {
  return { id, personId: 'self', format, selective: format !== 'vc+jwt', requestOnly: false, typeName, issuerName, verified: true, status: { state }, validUntil: '2031-01-01T00:00:00Z', claims: [] };
}

let world: World;
let views: CredentialView[];
let services: ShareServices;

beforeEach(async () => {
  world = await makeWorld();
  await addVeteranCard(world.vault, 'veteran');
  views = [
    view('licence', 'dc+sd-jwt', nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }), DVLA_NAME),
    view('veteran', 'vc+jwt', nameAsWords({ en: 'Veteran card', cy: 'Cerdyn cyn-filwr' }), VETERANS_NAME),
    view('rtw', 'dc+sd-jwt', nameAsWords({ en: 'Right to work', cy: 'Hawl i weithio' }), { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, 'revoked'),
  ];
  const byId = { credential: async (id: string) => views.find((v) => v.id === id) };
  const sharer = createSharer({ vault: world.vault, now: () => Date.now(), views: byId });
  services = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
  history.replaceState(null, '', '/share/quick');
  render(null, host);
});
afterEach(() => render(null, host));

const receiver = () => ({ listCredentials: async () => views, credential: async (id: string) => views.find((v) => v.id === id) }) as unknown as Receiver;
const text = () => host.textContent ?? '';
const button = (label: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
const checkboxLabels = () => [...host.querySelectorAll('.govuk-checkboxes__label')].map((l) => l.textContent);

async function renderQuickShow(): Promise<void> {
  render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver()}><ShareProvider services={services}><QuickShowScreen /></ShareProvider></ReceiverProvider></I18nProvider>, host);
  await expect.poll(checkboxLabels, { timeout: 60_000 }).toContain('Aged 18 or over');
}

async function choose(id: string): Promise<void> {
  await act(() => {
    const select = host.querySelector<HTMLSelectElement>('#quick-credential')!;
    select.value = id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('quick show screen', () => {
  it('lists only credentials that would pass a check, and says cancelled ones are left out', async () => {
    await renderQuickShow();
    expect([...host.querySelectorAll('#quick-credential option')].map((o) => o.textContent)).toEqual(['Driving licence', 'Veteran card']);
    expect(host.querySelector('[data-testid="unusable-hidden"]')?.textContent).toContain('Cancelled and expired credentials are not listed');
    // Nothing is ticked, so the heading does not ask to untick.
    expect(text()).not.toMatch(/untick/i);
    expect(text()).toContain('tick each thing to show');
  });

  it('the veteran card: its own claims, shown whole, and a code', async () => {
    await renderQuickShow();
    await choose('veteran');
    await expect.poll(() => host.querySelector('[data-testid="whole-credential"]')?.textContent ?? '', { timeout: 60_000 }).toContain('Everything on this Veteran card will be shown');
    const whole = host.querySelector('[data-testid="whole-credential"]')!.textContent!;
    expect(whole).toContain('Service number');
    expect(host.querySelectorAll('.govuk-checkboxes__input')).toHaveLength(0);
    expect(text()).not.toContain('Aged 18 or over'); // nothing of the licence stays on screen
    await act(() => button('Make the code')!.click());
    await expect.poll(() => host.querySelector('[data-testid="response-qr"]') !== null, { timeout: 60_000 }).toBe(true);
    expect(text()).not.toContain('Something went wrong');
  });

  it('a purpose the licence cannot show says so and offers the veteran card', async () => {
    await renderQuickShow();
    await act(() => button('Prove I am a veteran')!.click());
    await expect.poll(() => host.querySelector('[data-testid="purpose-cannot"]')?.textContent ?? '', { timeout: 60_000 }).toContain('Your Driving licence cannot show “Prove I am a veteran”.');
    await act(() => button('Use your Veteran card instead')!.click());
    await expect.poll(() => host.querySelector<HTMLSelectElement>('#quick-credential')?.value, { timeout: 60_000 }).toBe('veteran');
    await expect.poll(() => host.querySelector('[data-testid="whole-credential"]') !== null, { timeout: 60_000 }).toBe(true);
    expect(host.querySelector('[data-testid="purpose-cannot"]')).toBeNull();
  });

  it('a purpose the licence can show ticks its claims', async () => {
    await renderQuickShow();
    await act(() => button('Prove I am over 18')!.click());
    await expect.poll(() => [...host.querySelectorAll<HTMLInputElement>('.govuk-checkboxes__input')].filter((i) => i.checked).length, { timeout: 60_000 }).toBe(1);
  });
});

describe('consent screen names the credential', () => {
  // The checker here only makes the request; its trust list is never consulted.
  const trustList = trustListFromIssuers([{ id: VETERANS, name: VETERANS_NAME, keys: [veterans.jwk], types: ['VeteranCard'] }]);

  async function consentFor(purpose: 'over-18' | 'veteran'): Promise<void> {
    const checker = createChecker({ verifier: nobleVerifier, trust: staticTrust(trustList, {}) });
    const request = await checker.createRequest({ purpose, verifierName: 'The Red Lion' });
    render(<I18nProvider initial="en"><ShareProvider services={services}><ShareScreen /></ShareProvider></I18nProvider>, host);
    await act(async () => {
      const input = host.querySelector<HTMLInputElement>('#request-text')!;
      input.value = request.qr.frames[0]!;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => button('Continue')!.click());
    await expect.poll(() => host.querySelector('[data-testid="candidate"]')?.textContent ?? '', { timeout: 60_000 }).not.toBe('');
  }

  it('type, issuer and expiry of the licence that answers', async () => {
    await consentFor('over-18');
    const candidate = host.querySelector('[data-testid="candidate"]')!.textContent!;
    expect(candidate).toContain('Driving licence from Driver and Vehicle Licensing Agency');
    expect(candidate).toContain('Valid until 1 January 2031');
  });

  it('the veteran card: shared whole, and the screen says so', async () => {
    await consentFor('veteran');
    expect(host.querySelector('[data-testid="candidate"]')!.textContent).toContain("Veteran card from Office for Veterans' Affairs");
    expect(host.querySelector('[data-testid="whole-credential"]')?.textContent).toContain('Everything on this Veteran card will be shared');
    expect(host.querySelectorAll('.govuk-checkboxes__input')).toHaveLength(0);
    expect((host.querySelector<HTMLButtonElement>('#share'))?.disabled).toBe(false);
  });
});
