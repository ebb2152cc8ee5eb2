/**
 * Issuance after signing in (OpenID4VCI 1.0 authorization code flow), as the screens show it: the
 * review says why the department needs the person to sign in and opens its sign-in page; the app
 * comes back at /authorised (unlocking first, with the address kept until then, then the code taken
 * out of it), finishes and shows the credential, or says where it stopped (offline, sign-in
 * refused or expired); "On their way" lists an offer waiting for a sign-in with "Continue" and
 * "Cancel", and a failed sign-in with "Sign in again"; "Get a credential from a department" starts
 * issuance from the departments Satchel knows. Screens run with small fakes of the wallet: what
 * is tested is the UI.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { PendingOffers } from '../../../../src/ui/receive/PendingOffers';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { signInPage } from '../../../../src/ui/receive/sign-in-page';
import { SIGN_IN_WORDS, signInWords } from '../../../../src/ui/receive/sign-in-words';
import { LANGUAGES } from '../../../../src/ui/i18n/translate';
import { AddCredentialScreen } from '../../../../src/ui/screens/AddCredentialScreen';
import { HomeScreen } from '../../../../src/ui/screens/HomeScreen';
import { Screens } from '../../../../src/ui/Screens';
import { VaultProvider } from '../../../../src/ui/vault/VaultContext';
import { ReceiveError, type AcceptResult, type OfferSummary, type PendingOffer, type Receiver } from '../../../../src/wallet/receive/receive-api';
import type { CredentialView } from '../../../../src/wallet/held';
import type { Vault, VaultState } from '../../../../src/wallet/vault/vault-api';

const host = document.body.appendChild(document.createElement('div'));
const startUrl = location.href;

const DBS = 'Disclosure and Barring Service';
const SIGN_IN_URL = 'https://sign-in.example/authorize?client_id=https%3A%2F%2Fwallet.example&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA';
const RETURN = `/authorised?code=${CODE}&state=af0ifjsldkj&iss=${encodeURIComponent('https://sign-in.example')}`;

const SIGN_IN_OFFER: OfferSummary = {
  offerId: 'offer-dbs',
  issuer: { id: 'https://dbs.example', name: { en: DBS, cy: 'Y Gwasanaeth Datgelu a Gwahardd' } },
  credentials: [{ configurationId: 'basic_dbs', name: { en: 'Basic DBS certificate', cy: 'Tystysgrif DBS sylfaenol' }, claims: [{ en: 'Given name' }] }],
  signIn: true,
};

const KNOWN_ISSUERS = [
  { issuerId: 'https://dbs.example', name: SIGN_IN_OFFER.issuer.name, credentials: [{ configurationId: 'basic_dbs', name: SIGN_IN_OFFER.credentials[0]!.name }] },
];

const pendingOffer = (state: PendingOffer['state'], error?: PendingOffer['error']): PendingOffer => ({
  offerId: 'offer-dbs', issuerName: SIGN_IN_OFFER.issuer.name, state, error, updatedAt: new Date().toISOString(),
});

let open: MockInstance<(url: string) => void>;

beforeEach(() => {
  // Where the browser would go: the test page itself must stay.
  open = vi.spyOn(signInPage, 'open').mockImplementation(() => undefined);
});

afterEach(async () => {
  await act(() => render(null, host));
  history.replaceState(null, '', startUrl);
  vi.restoreAllMocks();
});

async function shows(text: string): Promise<void> {
  await expect.poll(() => host.textContent ?? '', { timeout: 60_000 }).toContain(text);
}

async function type(id: string, value: string): Promise<void> {
  await act(() => {
    const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A button by its visible text (some add the offer's issuer for screen readers after it). */
function button(text: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => (b.firstChild?.textContent ?? '').trim() === text);
}

const h1 = () => host.querySelector('h1')?.textContent ?? '';

/** Only what the screens under test call; anything else fails loudly. */
function fakeVault(initial: VaultState): { vault: Vault; become(state: VaultState): Promise<void> } {
  const listeners: ((state: VaultState) => void)[] = [];
  let state = initial;
  const base: Partial<Vault> = {
    state: async () => state,
    onStateChange: (listener) => {
      listeners.push(listener);
      return () => undefined;
    },
    unlockMethods: async () => ({ pin: true, passkey: false, recovery: true }),
    storageStatus: async () => ({ persisted: true, lowSpace: false }) as Awaited<ReturnType<Vault['storageStatus']>>,
    lock: () => undefined,
  };
  const vault = new Proxy(base as Vault, {
    get: (target, name) => (name in target ? target[name as keyof Vault] : () => { throw new Error(`fake vault: ${String(name)} not expected`); }),
  });
  return {
    vault,
    become: (next) => act(() => {
      state = next;
      for (const listener of listeners) listener(next);
    }),
  };
}

function fakeReceiver(overrides: Partial<Receiver> = {}): Receiver {
  const base: Partial<Receiver> = {
    readOffer: async () => SIGN_IN_OFFER,
    accept: async (): Promise<AcceptResult> => ({ status: 'sign-in', url: SIGN_IN_URL }),
    decline: async () => undefined,
    completeSignIn: async (): Promise<AcceptResult> => ({ status: 'stored', credentialIds: ['cred-dbs'] }),
    knownIssuers: async () => KNOWN_ISSUERS,
    requestCredential: async () => SIGN_IN_OFFER,
    credential: async (id) => (id === 'cred-dbs' ? { typeName: { of: 'words', words: { en: 'Basic DBS certificate' } } } as unknown as CredentialView : undefined),
    listCredentials: async () => [],
    refreshStatus: async () => undefined,
    onPendingChange: () => () => undefined,
    pendingOffers: async () => [],
    ...overrides,
  };
  return new Proxy(base as Receiver, {
    get: (target, name) => (name in target ? target[name as keyof Receiver] : () => { throw new Error(`fake receiver: ${String(name)} not expected`); }),
  });
}

function app(children: ComponentChildren, { vault = fakeVault('unlocked').vault, receiver = fakeReceiver(), language = 'en' as 'en' | 'cy' } = {}) {
  return act(() => render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}><ReceiverProvider receiver={receiver}>{children}</ReceiverProvider></VaultProvider>
    </I18nProvider>,
    host,
  ));
}

describe('reviewing an offer from a department that needs the person to sign in', () => {
  it('says why, asks for no code, and "Continue to sign in" opens the sign-in page the wallet made', async () => {
    const accept = vi.fn(async () => ({ status: 'sign-in', url: SIGN_IN_URL }) as AcceptResult);
    await app(<AddCredentialScreen />, { receiver: fakeReceiver({ accept }) });
    await type('offer-text', 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fdbs.example%2Foffer%2F1');
    button(en['form.continue'])!.click();
    await shows(SIGN_IN_WORDS.en['signIn.title'].replace('{issuer}', DBS));
    expect(host.textContent).toContain(`${DBS} needs to know it is you before it issues your Basic DBS certificate.`);
    expect(host.textContent).not.toContain(en['review.forValue']);
    expect(host.querySelector('#tx-code')).toBeNull();
    expect(button(en['review.accept'])).toBeUndefined();

    button(SIGN_IN_WORDS.en['signIn.continue'])!.click();
    await expect.poll(() => open.mock.calls, { timeout: 60_000 }).toEqual([[SIGN_IN_URL]]);
    expect(accept).toHaveBeenCalledWith('offer-dbs', undefined);
    // While the browser leaves for the sign-in page, the button says so and cannot be pressed again.
    expect(button(SIGN_IN_WORDS.en['signIn.opening'])?.disabled).toBe(true);
  });

  it('says the same in Welsh', async () => {
    await app(<AddCredentialScreen />, { language: 'cy' });
    await type('offer-text', 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fdbs.example%2Foffer%2F1');
    button(cy['form.continue'])!.click();
    await shows(SIGN_IN_WORDS.cy['signIn.title'].replace('{issuer}', 'Y Gwasanaeth Datgelu a Gwahardd'));
    expect(host.textContent).toContain('cyn rhoi eich Tystysgrif DBS sylfaenol i chi');
    expect(button(SIGN_IN_WORDS.cy['signIn.continue'])).toBeDefined();
  });

  it('a sign-in page address that is not a web address is not opened', async () => {
    await app(<AddCredentialScreen />, { receiver: fakeReceiver({ accept: async () => ({ status: 'sign-in', url: 'javascript:alert(1)' }) }) });
    await type('offer-text', 'openid-credential-offer://?credential_offer_uri=x');
    button(en['form.continue'])!.click();
    await shows(SIGN_IN_WORDS.en['signIn.continue']);
    button(SIGN_IN_WORDS.en['signIn.continue'])!.click();
    await shows(en['receive.error.server']);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('coming back from the sign-in page to /authorised', () => {
  it('with the vault locked: unlock first (the address kept), then the code leaves the address bar and the credential is added', async () => {
    history.pushState(null, '', RETURN);
    const entries = history.length;
    const completeSignIn = vi.fn(async () => ({ status: 'stored', credentialIds: ['cred-dbs'] }) as AcceptResult);
    const { vault, become } = fakeVault('locked');
    await app(<Screens offlineReadiness="ready" />, { vault, receiver: fakeReceiver({ completeSignIn }) });
    await shows(en['unlock.title']);
    expect(host.textContent).toContain(en['signIn.unlock']);
    expect(location.search).toContain(CODE);
    expect(completeSignIn).not.toHaveBeenCalled();

    await become('unlocked');
    await shows(en['added.title']);
    expect(completeSignIn).toHaveBeenCalledTimes(1);
    expect(completeSignIn).toHaveBeenCalledWith(`${location.origin}${RETURN}`);
    // The code leaves the address bar; the entry is replaced, none added; nothing kept in web storage.
    expect(location.pathname).toBe('/authorised');
    expect(location.href).not.toContain(CODE);
    expect(history.length).toBe(entries);
    for (const storage of [localStorage, sessionStorage]) {
      expect(Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`).join('\n')).not.toContain(CODE);
    }
    const view = [...host.querySelectorAll('a')].find((a) => a.textContent === en['added.view']);
    expect(view?.getAttribute('href')).toBe('/credential/cred-dbs');
    // The heading is the confirmation panel's, with the credential's name, as after an ordinary offer.
    expect(h1()).toBe(en['added.title']);
    await expect.poll(() => host.querySelector('.govuk-panel__body')?.textContent, { timeout: 60_000 }).toBe('Basic DBS certificate');
  });

  it('offline after signing in: says where it stopped and what happens next', async () => {
    history.pushState(null, '', RETURN);
    await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ completeSignIn: async () => ({ status: 'queued' }) }) });
    await shows(SIGN_IN_WORDS.en['signIn.returnQueued']);
    expect(h1()).toBe(en['added.queuedTitle']);
    expect(location.href).not.toContain(CODE);
  });

  it('a refused or expired sign-in: says so and that the person can sign in again from their credentials', async () => {
    for (const [code, message] of [['sign-in-refused', en['receive.error.signInRefused']], ['sign-in-expired', en['receive.error.signInExpired']]] as const) {
      history.pushState(null, '', RETURN);
      await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ completeSignIn: async () => { throw new ReceiveError(code, code); } }) });
      await shows(message);
      expect(h1()).toBe(SIGN_IN_WORDS.en['signIn.returnFailed']);
      const home = [...host.querySelectorAll('a')].find((a) => a.textContent === en['added.home']);
      expect(home?.getAttribute('href')).toBe('/');
      await act(() => render(null, host));
    }
  });

  it('in Welsh, the result and the errors are Welsh', async () => {
    history.pushState(null, '', RETURN);
    await app(<Screens offlineReadiness="ready" />, { language: 'cy', receiver: fakeReceiver({ completeSignIn: async () => { throw new ReceiveError('sign-in-expired', 'x'); } }) });
    await shows(cy['receive.error.signInExpired']);
    expect(h1()).toBe(SIGN_IN_WORDS.cy['signIn.returnFailed']);
  });

  it('opened with nothing to finish (no code in the address): says so and asks the wallet nothing', async () => {
    history.pushState(null, '', '/authorised');
    const completeSignIn = vi.fn();
    await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ completeSignIn }) });
    await shows(SIGN_IN_WORDS.en['signIn.nothingBody']);
    expect(h1()).toBe(SIGN_IN_WORDS.en['signIn.nothingTitle']);
    expect(completeSignIn).not.toHaveBeenCalled();
  });
});

describe('"On their way" while a sign-in is waiting or has failed', () => {
  it('waiting for the person to sign in: "Continue" opens the sign-in page again, "Cancel" forgets the offer', async () => {
    const accept = vi.fn(async () => ({ status: 'sign-in', url: SIGN_IN_URL }) as AcceptResult);
    const decline = vi.fn(async () => undefined);
    await app(<PendingOffers />, { receiver: fakeReceiver({ accept, decline, pendingOffers: async () => [pendingOffer('awaiting-sign-in')] }) });
    await shows(en['pending.awaitingSignIn']);
    // Each button names its issuer for screen readers.
    expect(button(en['pending.continue'])!.textContent).toContain(DBS);
    button(en['pending.continue'])!.click();
    await expect.poll(() => open.mock.calls, { timeout: 60_000 }).toEqual([[SIGN_IN_URL]]);
    expect(accept).toHaveBeenCalledWith('offer-dbs');
    button(en['pending.cancel'])!.click();
    await expect.poll(() => decline.mock.calls, { timeout: 60_000 }).toEqual([['offer-dbs']]);
  });

  it('a failed sign-in: says why, "Sign in again" starts a new one, "Remove this offer" forgets it', async () => {
    const accept = vi.fn(async () => ({ status: 'sign-in', url: SIGN_IN_URL }) as AcceptResult);
    await app(<PendingOffers />, { receiver: fakeReceiver({ accept, pendingOffers: async () => [pendingOffer('failed', 'sign-in-expired')] }) });
    await shows(en['receive.error.signInExpired']);
    expect(button(en['review.remove'])).toBeDefined();
    button(en['signIn.again'])!.click();
    await expect.poll(() => open.mock.calls, { timeout: 60_000 }).toEqual([[SIGN_IN_URL]]);
  });

  it('"Continue" with no signal says so beside the offer', async () => {
    await app(<PendingOffers />, { receiver: fakeReceiver({ accept: async () => { throw new ReceiveError('offline', 'offline'); }, pendingOffers: async () => [pendingOffer('awaiting-sign-in')] }) });
    await shows(en['pending.awaitingSignIn']);
    button(en['pending.continue'])!.click();
    await shows(en['signIn.offline']);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('Get a credential from a department', () => {
  it('is linked from the home screen', async () => {
    await app(<HomeScreen />);
    await expect.poll(() => host.querySelector('a[href="/get-credential"]')?.textContent, { timeout: 60_000 }).toBe(en['getCredential.title']);
  });

  it('lists what the known departments issue after sign-in; the choice is reviewed, then "Continue to sign in"', async () => {
    history.pushState(null, '', '/get-credential');
    const requestCredential = vi.fn(async () => SIGN_IN_OFFER);
    await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ requestCredential }) });
    await shows(SIGN_IN_WORDS.en['getCredential.legend']);
    expect(h1()).toBe(en['getCredential.title']);
    expect(host.textContent).toContain('Basic DBS certificate');
    expect(host.textContent).toContain(`From ${DBS}`);

    // Nothing chosen: the GOV.UK error summary says what to do.
    button(en['form.continue'])!.click();
    await expect.poll(() => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '', { timeout: 60_000 }).toContain(en['getCredential.error.choose']);

    await act(() => host.querySelector<HTMLInputElement>('input[type=radio]')!.click());
    button(en['form.continue'])!.click();
    await shows(SIGN_IN_WORDS.en['signIn.title'].replace('{issuer}', DBS));
    expect(requestCredential).toHaveBeenCalledWith('https://dbs.example', 'basic_dbs');
    button(SIGN_IN_WORDS.en['signIn.continue'])!.click();
    await expect.poll(() => open.mock.calls, { timeout: 60_000 }).toEqual([[SIGN_IN_URL]]);
  });

  it('in Welsh', async () => {
    history.pushState(null, '', '/get-credential');
    await app(<Screens offlineReadiness="ready" />, { language: 'cy' });
    await shows(SIGN_IN_WORDS.cy['getCredential.legend']);
    expect(h1()).toBe(cy['getCredential.title']);
    expect(host.textContent).toContain('Gan Y Gwasanaeth Datgelu a Gwahardd');
  });

  it('offline with nothing known yet, or no department that issues this way: says so', async () => {
    history.pushState(null, '', '/get-credential');
    await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ knownIssuers: async () => { throw new ReceiveError('offline', 'offline'); } }) });
    await shows(SIGN_IN_WORDS.en['getCredential.offline']);
    await act(() => render(null, host));
    await app(<Screens offlineReadiness="ready" />, { receiver: fakeReceiver({ knownIssuers: async () => [] }) });
    await shows(SIGN_IN_WORDS.en['getCredential.none']);
    expect(button(en['form.continue'])).toBeUndefined();
  });
});

describe('the sign-in words (kept out of the first screen\'s catalogues)', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('every language has every key, none empty, with the same placeholders as the English', () => {
    const { en: english } = SIGN_IN_WORDS;
    for (const language of LANGUAGES) {
      const words = SIGN_IN_WORDS[language];
      expect(Object.keys(words).sort(), language).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english) as (keyof typeof english)[]) {
        expect(words[key].trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(words[key]), `${language} ${key}`).toEqual(placeholders(english[key]));
      }
    }
  });

  it('fills placeholders as plain text', () => {
    expect(signInWords('en')('signIn.title', { issuer: '<b>DBS</b>' })).toBe('Sign in to <b>DBS</b>');
  });
});
