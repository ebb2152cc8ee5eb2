/**
 * "Ask a wallet on this phone" (src/ui/check/AskThisDevice.tsx) in Chromium, with the app's real
 * checker and crypto worker and the browser's own Digital Credentials API replaced by a test
 * double: navigator.credentials.get answers as a wallet app would (presentations by @sd-jwt/sd-jwt-vc
 * and @owf/mdoc, bound to this page's origin), cancels, or answers garbage; DigitalCredential is
 * defined or taken away. Pictured at 360×740 in English and Welsh; checked with axe.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { AskThisDevice } from '../../../../src/ui/check/AskThisDevice';
import { LicenceCheckScreen } from '../../../../src/ui/check/LicenceCheckScreen';
import { ASK_THIS_DEVICE_WORDS } from '../../../../src/ui/check/ask-this-device-words';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { createChecker, type Checker, type CheckResult } from '../../../../src/wallet/check';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { ActivityLog } from '../../../../src/wallet/activity';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { MemoryVault } from '../../support/share-fixtures';
import { makeTestWallet, type IsoMdocWalletRequest, type TestWallet, type WalletRequest } from './digital-credentials-wallet';

type Answer = (request: WalletRequest) => Promise<unknown>;

let wallet: TestWallet;
let host: HTMLElement;
let checker: Checker;

beforeAll(async () => {
  wallet = await makeTestWallet();
});
afterAll(() => stopCryptoWorker());

beforeEach(async () => {
  await page.viewport(360, 740);
  host = document.createElement('div');
  host.className = 'govuk-template__body govuk-width-container';
  document.body.append(host);
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(wallet.trustList, {}), vault: new MemoryVault() });
});

const originals = { get: Object.getOwnPropertyDescriptor(navigator.credentials, 'get'), dc: Object.getOwnPropertyDescriptor(window, 'DigitalCredential') };
afterEach(() => {
  render(null, host);
  host.remove();
  // Back to the browser's own.
  if (originals.get) Object.defineProperty(navigator.credentials, 'get', originals.get);
  else delete (navigator.credentials as unknown as Record<string, unknown>).get;
  if (originals.dc) Object.defineProperty(window, 'DigitalCredential', originals.dc);
  else delete (window as unknown as Record<string, unknown>).DigitalCredential;
});

/** The browser offers the API, and navigator.credentials.get is the wallet `answer`. */
function offerApi(answer: Answer): WalletRequest[] {
  const sent: WalletRequest[] = [];
  Object.defineProperty(window, 'DigitalCredential', { configurable: true, writable: true, value: class DigitalCredential {} });
  Object.defineProperty(navigator.credentials, 'get', {
    configurable: true,
    value: async (options: { digital?: { requests: WalletRequest[] } }) => {
      sent.push(...options.digital!.requests);
      return answer(options.digital!.requests[0]!);
    },
  });
  return sent;
}

function takeApiAway(): void {
  Object.defineProperty(window, 'DigitalCredential', { configurable: true, writable: true, value: undefined });
}

const origin = () => `origin:${location.origin}`;

async function show(language: 'en' | 'cy' = 'en', onResult?: (requestId: string, result: CheckResult) => void) {
  const services = { sharer: {} as Sharer, checker, activity: {} as ActivityLog };
  await act(() => render(
    <I18nProvider initial={language}>
      <ShareProvider services={services}><main class="govuk-main-wrapper"><AskThisDevice purpose="driving" verifierName="Door staff" {...(onResult ? { onResult } : {})} /></main></ShareProvider>
    </I18nProvider>, host));
}

const button = () => host.querySelector<HTMLButtonElement>('#ask-this-device');

async function ask(): Promise<void> {
  await act(() => button()!.click());
}

async function axeClean(): Promise<void> {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

describe('where the browser offers the Digital Credentials API', () => {
  it.each(['en', 'cy'] as const)('shows the button (%s), pictured and axe-clean', async (language) => {
    offerApi(async () => null);
    await show(language);
    expect(button()?.textContent).toBe(ASK_THIS_DEVICE_WORDS[language].button);
    expect(host.textContent).toContain(ASK_THIS_DEVICE_WORDS[language].hint);
    await axeClean();
    await page.screenshot({ path: `../../../../test-results/ask-this-device/ask-this-device-${language}.png` });
  });

  it('an SD-JWT VC licence from a wallet app on this phone (@sd-jwt/sd-jwt-vc, aud origin:<this origin>) is shown as a pass', async () => {
    offerApi(async (request) => wallet.encrypted(request, { driving: [await wallet.sdJwt(origin(), request.data.nonce)] }));
    await show('en');
    await ask();
    await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('pass');
    expect(host.textContent).toContain(en['check.pass']);
    expect(host.textContent).toContain('Lovelace');
  });

  it.each(['en', 'cy'] as const)('an mDL from a wallet app on this phone (@owf/mdoc over its DC API transcript) goes to the screen\'s onResult (%s), its result pictured', async (language) => {
    offerApi(async (request) => wallet.encrypted(request, { driving_mso_mdoc: [await wallet.mdoc(request, location.origin)] }));
    const results: { requestId: string; result: CheckResult }[] = [];
    await show(language, (requestId, result) => results.push({ requestId, result }));
    await ask();
    await expect.poll(() => results.length, { timeout: 30_000 }).toBe(1);
    expect(results[0]!.result).toMatchObject({ ok: true, verdict: 'pass' });
    // The screen keeps the record by the id it was given.
    await checker.keepRecord(results[0]!.requestId);
    // As the licence check screen then shows it.
    const { CheckResultView } = await import('../../../../src/ui/share/CheckResultView');
    await act(() => render(<I18nProvider initial={language}><main class="govuk-main-wrapper"><CheckResultView result={results[0]!.result} /></main></I18nProvider>, host));
    expect(host.textContent).toContain((language === 'en' ? en : cy)['check.pass']);
    expect(host.querySelector('[data-testid="disclosed-claims"]')?.textContent).toContain('Jones');
    expect(host.querySelector('[data-testid="disclosed-claims"] img')).not.toBeNull();
    await page.screenshot({ path: `../../../../test-results/ask-this-device/ask-this-device-result-${language}.png` });
  });

  it.each([
    ['the person cancels', async () => Promise.reject(new DOMException('not allowed', 'NotAllowedError')), 'error.holder-declined'],
    ['the wallet answers garbage', async (r: WalletRequest) => ({ protocol: r.protocol, data: { response: 'garbage' } }), 'error.not-a-response'],
    ['the wallet answers for another website', async (r: WalletRequest) => wallet.encrypted(r, { driving: [await wallet.sdJwt('origin:https://elsewhere.example', r.data.nonce)] }), 'error.replayed'],
  ] as const)('%s: says so plainly in English and Welsh, and the button asks again', async (_name, answer, key) => {
    for (const language of ['en', 'cy'] as const) {
      offerApi(answer as Answer);
      await show(language);
      await ask();
      await expect.poll(() => host.querySelector('[data-testid="ask-this-device-error"]')?.textContent ?? '', { timeout: 30_000 }).toContain(ASK_THIS_DEVICE_WORDS[language][key]);
      expect(host.querySelector('[data-testid="check-result"]')).toBeNull();
      expect(button()!.disabled).toBe(false);
      await axeClean();
      if (key === 'error.holder-declined') await page.screenshot({ path: `../../../../test-results/ask-this-device/ask-this-device-cancelled-${language}.png` });
      render(null, host);
    }
  });
});

describe('a browser that takes org-iso-mdoc only (as Safari\'s API)', () => {
  it('is sent only the Annex C request, and its answer (@owf/mdoc, HPKE-sealed for this origin) passes', async () => {
    const sent = offerApi(async (request) => (await wallet.isoMdoc(request as unknown as IsoMdocWalletRequest, location.origin)).credential);
    Object.defineProperty(window, 'DigitalCredential', { configurable: true, writable: true, value: class DigitalCredential { static userAgentAllowsProtocol(p: string) { return p === 'org-iso-mdoc'; } } });
    await show('en');
    await ask();
    await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('pass');
    expect(sent.map((r) => r.protocol)).toEqual(['org-iso-mdoc']);
  });
});

describe('where it does not', () => {
  it.each(['en', 'cy'] as const)('shows nothing (%s)', async (language) => {
    takeApiAway();
    await show(language);
    expect(button()).toBeNull();
    expect(host.textContent).toBe('');
  });
});

describe('on the "Check a driving licence" screen', () => {
  beforeEach(() => {
    // Web Bluetooth present (the screen only detects it), so the screen offers its form.
    Object.defineProperty(navigator, 'bluetooth', { configurable: true, value: { requestDevice: async () => { throw new Error('not in this test'); } } });
  });
  afterEach(() => {
    delete (navigator as { bluetooth?: unknown }).bluetooth;
  });

  const screen = (language: 'en' | 'cy') => act(() => render(
    <I18nProvider initial={language}>
      <ShareProvider services={{ sharer: {} as Sharer, checker, activity: {} as ActivityLog }}><main class="govuk-main-wrapper"><LicenceCheckScreen /></main></ShareProvider>
    </I18nProvider>, host));

  it.each(['en', 'cy'] as const)('sits beside "Scan their code" (%s); its answer is the screen\'s result, with keep a record', async (language) => {
    offerApi(async (request) => wallet.encrypted(request, { driving: [await wallet.sdJwt(origin(), request.data.nonce)] }));
    await screen(language);
    expect(button()?.textContent).toBe(ASK_THIS_DEVICE_WORDS[language].button);
    await axeClean();
    await page.screenshot({ path: `../../../../test-results/ask-this-device/licence-screen-${language}.png` });
    // Without a name it says so, as the form does.
    await ask();
    expect(host.querySelector('[data-testid="ask-this-device-error"]')?.textContent).toContain((language === 'en' ? en : cy)['check.error.noName']);
    await act(() => host.querySelector<HTMLInputElement>('#purpose-driving')!.click());
    const name = host.querySelector<HTMLInputElement>('#verifier-name')!;
    name.value = 'The Red Lion';
    await act(() => { name.dispatchEvent(new Event('input', { bubbles: true })); });
    await ask();
    await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('pass');
    const keep = [...host.querySelectorAll('button')].find((b) => b.textContent === (language === 'en' ? en : cy)['check.keep']);
    await act(() => keep!.click());
    await expect.poll(() => host.textContent ?? '').toContain((language === 'en' ? en : cy)['check.kept']);
  });

  it('has no such button where the browser has no Digital Credentials API', async () => {
    takeApiAway();
    await screen('en');
    expect(host.textContent).toContain('Check a driving licence');
    expect(button()).toBeNull();
  });
});
