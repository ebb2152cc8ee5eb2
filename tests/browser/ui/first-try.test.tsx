/**
 * Issue 11, "the small things that make a first try go wrong", each as a person on a phone meets
 * it: a picture without a QR code (GOV.UK error summary, focused), no camera (no black box), an
 * offer link waiting behind the unlock screen (say why), focus after "Credential added" (the
 * heading), the PIN keyboard (number pad unless a passphrase is chosen), the wrong-PIN wait (a
 * countdown that announces only its start and end), and the backup banner (only when there is
 * something to back up). Screens run with small fakes of the wallet: what is tested is the UI.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nameAsWords } from '../../../src/wallet/shared/display-name';
import { QrScanner } from '../../../src/ui/components/qr/QrScanner';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { cy, en } from '../../shared/catalogues';
import { consumeOfferLink, takeOfferLinkFromAddress } from '../../../src/ui/receive/offer-link';
import { ReceiverProvider } from '../../../src/ui/receive/ReceiverContext';
import { AddCredentialScreen } from '../../../src/ui/screens/AddCredentialScreen';
import { HomeScreen } from '../../../src/ui/screens/HomeScreen';
import { UnlockScreen } from '../../../src/ui/screens/UnlockScreen';
import { PinField } from '../../../src/ui/vault/PinField';
import type { Clock } from '../../../src/ui/vault/useCountdown';
import { VaultProvider } from '../../../src/ui/vault/VaultContext';
import type { OfferSummary, Receiver } from '../../../src/wallet/receive/receive-api';
import type { CredentialView } from '../../../src/wallet/held';
import { VaultError, type Vault } from '../../../src/wallet/vault/vault-api';

const host = document.body.appendChild(document.createElement('div'));
const startUrl = location.href;
const realMediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');

afterEach(() => {
  render(null, host);
  history.replaceState(null, '', startUrl);
  consumeOfferLink();
  localStorage.clear();
  if (realMediaDevices) Object.defineProperty(navigator, 'mediaDevices', realMediaDevices);
  else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
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

function button(text: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => (b.firstChild?.textContent ?? '').trim() === text);
}

/** Only what the screens under test call; anything else fails loudly. */
function fakeVault(overrides: Partial<Vault> = {}): Vault {
  const base: Partial<Vault> = {
    state: async () => 'locked',
    onStateChange: () => () => undefined,
    unlockMethods: async () => ({ pin: true, passkey: false, recovery: true }),
    storageStatus: async () => ({ persisted: false, lowSpace: false }) as Awaited<ReturnType<Vault['storageStatus']>>,
    lock: () => undefined,
  };
  return new Proxy({ ...base, ...overrides } as Vault, {
    get: (target, name) => (name in target ? target[name as keyof Vault] : () => { throw new Error(`fake vault: ${String(name)} not expected`); }),
  });
}

const OFFER: OfferSummary = {
  offerId: 'offer-1',
  issuer: { id: 'https://issuer.example', name: { en: 'Driver and Vehicle Licensing Agency' } },
  credentials: [{ configurationId: 'licence', name: { en: 'Driving licence' }, claims: [] }],
};

function fakeReceiver(credentials: CredentialView[] = []): Receiver {
  const base: Partial<Receiver> = {
    readOffer: async () => OFFER,
    accept: async () => ({ status: 'stored', credentialIds: ['cred-1'] }),
    listCredentials: async () => credentials,
    refreshStatus: async () => undefined,
    onPendingChange: () => () => undefined,
    pendingOffers: async () => [],
  };
  return new Proxy(base as Receiver, {
    get: (target, name) => (name in target ? target[name as keyof Receiver] : () => { throw new Error(`fake receiver: ${String(name)} not expected`); }),
  });
}

function app(children: ComponentChildren, { vault = fakeVault(), receiver = fakeReceiver(), language = 'en' as 'en' | 'cy' } = {}) {
  render(
    <I18nProvider initial={language}>
      <VaultProvider vault={vault}><ReceiverProvider receiver={receiver}>{children}</ReceiverProvider></VaultProvider>
    </I18nProvider>,
    host,
  );
}

/** A picture with no QR code in it: a plain white PNG. */
async function blankPicture(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 200;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 200, 200);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'no-code.png', { type: 'image/png' });
}

describe('a picture without a QR code', () => {
  it('gets a GOV.UK error summary, focused, linking to the picture field, and the error beside the field', async () => {
    app(<AddCredentialScreen />);
    await shows(en['add.title']);
    const input = host.querySelector<HTMLInputElement>('#offer-image')!;
    const files = new DataTransfer();
    files.items.add(await blankPicture());
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));

    await expect.poll(() => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '', { timeout: 60_000 }).toContain(en['scan.noCodeInImage']);
    const summary = host.querySelector<HTMLElement>('[data-testid="error-summary"]')!;
    // Focus moves in an effect, after the summary is painted.
    await expect.poll(() => document.activeElement, { timeout: 60_000 }).toBe(summary);
    expect(summary.querySelector('a')!.getAttribute('href')).toBe('#offer-image');
    // The field's own message, once (not repeated by the screen).
    expect(host.querySelectorAll('#offer-image-error')).toHaveLength(1);
    expect(host.querySelector('#offer-image-error')!.textContent).toContain(en['scan.noCodeInImage']);
    expect(host.textContent!.split(en['scan.noCodeInImage'])).toHaveLength(3); // summary + field
  });
});

describe('no camera', () => {
  for (const [name, problem, message] of [
    ['a phone without a camera', 'NotFoundError', 'scan.unavailable'],
    ['a camera the person did not allow', 'NotAllowedError', 'scan.denied'],
  ] as const) {
    it(`${name}: no video area (no black box), one line saying so`, async () => {
      Object.defineProperty(navigator, 'mediaDevices', {
        configurable: true,
        value: { getUserMedia: () => Promise.reject(new DOMException('no camera', problem)) },
      });
      app(<QrScanner onResult={() => undefined} />);
      await shows(en[message]);
      const video = host.querySelector('video');
      expect(video?.getBoundingClientRect().height ?? 0).toBe(0);
      expect(host.querySelectorAll('p')).toHaveLength(1);
    });
  }

  it('no camera API at all: no video area either', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
    app(<QrScanner onResult={() => undefined} />);
    await shows(en['scan.unavailable']);
    expect(host.querySelector('video')?.getBoundingClientRect().height ?? 0).toBe(0);
  });
});

describe('an offer link waiting behind the unlock screen', () => {
  it('names the issuer the link gives', async () => {
    const offer = { credential_issuer: 'https://issuer.example', credential_configuration_ids: ['licence'] };
    history.replaceState(null, '', `/offer?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`);
    takeOfferLinkFromAddress();
    app(<UnlockScreen />);
    await shows(en['unlock.title']);
    await shows(en['unlock.offerWaiting'].replace('{source}', 'issuer.example'));
  });

  it('a link by reference says "the link you opened", in Welsh too', async () => {
    history.replaceState(null, '', `/offer?credential_offer_uri=${encodeURIComponent('https://issuer.example/offers/1')}`);
    takeOfferLinkFromAddress();
    app(<UnlockScreen />, { language: 'cy' });
    await shows(cy['unlock.offerWaiting'].replace('{source}', cy['unlock.offerWaitingLink']));
  });

  it('with no link waiting, says nothing about an offer', async () => {
    app(<UnlockScreen />);
    await shows(en['unlock.title']);
    expect(host.textContent).not.toContain(en['unlock.offerWaiting'].split('{source}')[0]);
  });
});

describe('focus after "Credential added"', () => {
  it('moves to the result heading, not <body>', async () => {
    app(<AddCredentialScreen />);
    await shows(en['add.title']);
    await type('offer-text', 'openid-credential-offer://?credential_offer=%7B%7D');
    button(en['form.continue'])!.click();
    await shows(en['review.title']);
    await expect.poll(() => document.activeElement?.textContent, { timeout: 60_000 }).toBe(en['review.title']);
    button(en['review.accept'])!.click();
    await shows(en['added.title']);
    await expect.poll(() => document.activeElement?.tagName, { timeout: 60_000 }).toBe('H1');
    expect(document.activeElement!.textContent).toBe(en['added.title']);
  });
});

describe('the review of an offer', () => {
  const review = async (offer: OfferSummary) => {
    const receiver = fakeReceiver();
    (receiver as { readOffer: Receiver['readOffer'] }).readOffer = async () => offer;
    app(<AddCredentialScreen />, { receiver });
    await shows(en['add.title']);
    await type('offer-text', 'openid-credential-offer://?credential_offer=%7B%7D');
    button(en['form.continue'])!.click();
    await shows(en['review.title']);
  };

  it('says whose credential it is: the person named in the letter (the offer does not say)', async () => {
    await review(OFFER);
    const row = [...host.querySelectorAll('.govuk-summary-list__row')].find((r) => r.querySelector('dt')?.textContent === en['review.for']);
    expect(row, 'a "For" row').toBeDefined();
    expect(row!.querySelector('dd')!.textContent).toBe(en['review.forValue']);
  });

  it('what the credential contains is one line on a phone: a details that gives the count and lists every claim', async () => {
    const claims = [{ en: 'Given name' }, { en: 'Family name' }, { en: 'Date of birth' }];
    await review({ ...OFFER, credentials: [{ ...OFFER.credentials[0]!, claims }] });
    const details = host.querySelector<HTMLDetailsElement>('[data-testid="offer-claims"]')!;
    expect(details.tagName).toBe('DETAILS');
    expect(details.querySelector('summary')!.textContent).toBe(en['review.contains'].replace('{count}', '3'));
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Given name', 'Family name', 'Date of birth']);
  });

  it('an offer nobody could check yet (by value): says the department checks it, and the code, when it is added', async () => {
    await review({ ...OFFER, txCode: { inputMode: 'numeric', length: 5 } });
    expect(host.textContent).toContain(en['review.checkedOnAddWithCode']);
  });

  it('an offer the department just answered for (by reference): no such warning', async () => {
    await review({ ...OFFER, issuerConfirmedOffer: true });
    expect(host.textContent).not.toContain(en['review.checkedOnAdd']);
    expect(host.textContent).not.toContain(en['review.checkedOnAddWithCode']);
  });
});

describe('the PIN keyboard', () => {
  it('is a number pad by default; "Use a passphrase instead" brings the full keyboard back, and is remembered while the app is open (never stored)', async () => {
    app(<PinField id="pin" label="PIN" value="" onInput={() => undefined} errors={[]} />);
    const input = () => host.querySelector<HTMLInputElement>('#pin')!;
    await expect.poll(() => input().getAttribute('inputmode'), { timeout: 60_000 }).toBe('numeric');
    expect(input().type).toBe('password');
    button(en['pin.usePassphrase'])!.click();
    await expect.poll(() => input().getAttribute('inputmode'), { timeout: 60_000 }).toBe('text');
    expect(input().type).toBe('password');
    await expect.poll(() => document.activeElement, { timeout: 60_000 }).toBe(input());
    // Nothing about the PIN (not even "it has letters") is written where it can be read locked.
    expect(localStorage.length).toBe(0);

    render(null, host);
    app(<PinField id="pin" label="PIN" value="" onInput={() => undefined} errors={[]} />);
    await expect.poll(() => input()?.getAttribute('inputmode'), { timeout: 60_000 }).toBe('text');
    button(en['pin.useNumbers'])!.click();
    await expect.poll(() => input().getAttribute('inputmode'), { timeout: 60_000 }).toBe('numeric');
  });
});

/** A clock the test moves by hand: `every` callbacks run when `advance` passes their time. */
function manualClock(start = Date.now()): Clock & { advance(ms: number): Promise<void> } {
  let now = start;
  const timers = new Set<{ next: number; ms: number; run(): void }>();
  return {
    now: () => now,
    every(ms, run) {
      const timer = { next: now + ms, ms, run };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.ms;
        await act(() => due.run());
      }
      now = end;
    },
  };
}

describe('the wrong-PIN wait', () => {
  it('counts down every second on screen, and the live region speaks only at the start and the end', async () => {
    const clock = manualClock();
    const vault = fakeVault({
      unlockWithPin: async () => {
        throw new VaultError('throttled', 'wait', { failedAttempts: 5, retryAt: clock.now() + 30_000 });
      },
    });
    app(<UnlockScreen clock={clock} />, { vault });
    await type('pin', '000000');
    button(en['unlock.button'])!.click();
    const visible = () => host.querySelector('[data-testid="unlock-wait"]')?.textContent ?? '';
    const spoken = () => host.querySelector('[data-testid="unlock-wait-announcement"]')?.textContent ?? '';
    await expect.poll(visible, { timeout: 60_000 }).toBe(en['unlock.wait'].replace('{seconds}', '30'));
    expect(host.querySelector('[data-testid="unlock-wait"]')!.closest('[role="status"],[aria-live]')).toBeNull();
    await expect.poll(spoken, { timeout: 60_000 }).toBe(en['unlock.wait'].replace('{seconds}', '30'));
    expect(button(en['unlock.button'])!.disabled).toBe(true);

    // The error (summary and field) says what happened; the one number of seconds is the live one.
    const summary = host.querySelector('[data-testid="error-summary"]')!.textContent!;
    expect(summary).toContain(en['vault.error.throttledCountdown']);
    expect(summary).not.toMatch(/\d+ seconds/);
    await clock.advance(1000);
    expect(visible()).toBe(en['unlock.wait'].replace('{seconds}', '29'));
    await clock.advance(10_000);
    expect(visible()).toBe(en['unlock.wait'].replace('{seconds}', '19'));
    expect(spoken()).toBe(en['unlock.wait'].replace('{seconds}', '30'));

    await clock.advance(19_000);
    expect(visible()).toBe('');
    expect(spoken()).toBe(en['unlock.waitOver']);
    expect(button(en['unlock.button'])!.disabled).toBe(false);
  });
});

describe('the backup banner', () => {
  const credential: CredentialView = {
    id: 'cred-1', personId: 'self', format: 'dc+sd-jwt', selective: true, requestOnly: false, issuerName: { en: 'DVLA' }, typeName: nameAsWords({ en: 'Driving licence' }),
    verified: true, status: { state: 'valid' } as CredentialView['status'], claims: [],
  };

  it('is not shown on an empty wallet, where there is nothing to back up', async () => {
    const asked: Promise<unknown>[] = [];
    const storageStatus = () => {
      const status = Promise.resolve({ persisted: false, lowSpace: false } as Awaited<ReturnType<Vault['storageStatus']>>);
      asked.push(status);
      return status;
    };
    app(<HomeScreen />, { vault: fakeVault({ state: async () => 'unlocked', storageStatus }) });
    await shows(en['home.empty']);
    // Whatever the browser said about keeping the data has been rendered: still no banner.
    await Promise.all(asked);
    await act(async () => undefined);
    expect(host.querySelector('[data-testid="storage-warning"]')).toBeNull();
  });

  it('is shown once the wallet holds a credential the browser may delete', async () => {
    app(<HomeScreen />, { vault: fakeVault({ state: async () => 'unlocked' }), receiver: fakeReceiver([credential]) });
    await expect.poll(() => host.querySelector('[data-testid="storage-warning"]'), { timeout: 60_000 }).not.toBeNull();
  });
});
