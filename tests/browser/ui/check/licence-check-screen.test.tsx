/**
 * "Check a driving licence" (src/ui/check/LicenceCheckScreen.tsx) in real Chromium with a fake
 * Checker: the flow choose → scan a picture of the holder's code → "Connect by Bluetooth" → the
 * result, each step said in a live region; the words of every error a proximity check can end in,
 * in English and Welsh; the page for a browser without Web Bluetooth; no axe violations (WCAG 2.2
 * A/AA); and everything forgotten when the screen is left.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import qrcode from 'qrcode-generator';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { LicenceCheckScreen } from '../../../../src/ui/check/LicenceCheckScreen';
import { READER_WORDS } from '../../../../src/ui/check/reader-words';
import { I18nProvider, useI18n } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { CheckError, type CheckErrorCode, type CheckResult, type Checker, type ProximityStep } from '../../../../src/wallet/check';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { Purpose } from '../../../../src/wallet/shared';

/** The device engagement of ISO/IEC 18013-5 Annex D (D.3.1), as the holder's QR shows it (§8.2.2.3). */
const ANNEX_D_ENGAGEMENT = 'mdoc:owBjMS4wAYIB2BhYS6QBAiABIVggWojRgrzl9C76WZQ_MzWdLoqWj_KJ2T5fpES2JDQxZ_4iWCCxboz4WN3HaQQHumHUwzgjeoz8895qpnL8YKVXqjL8ZwKBgwIBowD0AfULUEXv73QrLEg3qaOw4dBaaRc';

const WORDS = { en: { t: en, w: READER_WORDS.en }, cy: { t: cy, w: READER_WORDS.cy } } as const;
type Language = keyof typeof WORDS;

const PASS: CheckResult = {
  ok: true,
  verdict: 'pass',
  typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence),
  issuerName: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' },
  reasons: [{ code: 'signature', ok: true }, { code: 'issuer-trusted', ok: true }, { code: 'key-binding', ok: true }],
  claims: [
    { path: ['org.iso.18013.5.1', 'given_name'], label: nameOfClaim(['given_name']), value: 'Ffion' },
    { path: ['org.iso.18013.5.1', 'family_name'], label: nameOfClaim(['family_name']), value: 'Jones' },
  ],
  unrequested: [],
  status: { state: 'valid', checkedAt: new Date().toISOString() },
  elapsedMs: 40,
};

const host = document.body.appendChild(document.createElement('div'));
const text = () => host.textContent ?? '';
const shows = (words: string) => expect.poll(text, { timeout: 60_000 }).toContain(words);
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const progress = () => host.querySelector('[data-testid="reader-progress"]')?.textContent ?? '';

/** A fake Checker: records what the screen asked; `checkInPerson` is steered by the test. */
function fakeChecker() {
  const calls = { readEngagement: [] as { qr: string; purpose: Purpose; verifierName: string }[], checkInPerson: 0, discarded: [] as string[], discardAll: 0, kept: [] as string[] };
  let readEngagement: (qr: string) => Promise<{ requestId: string; transports: 'ble'[] }> = async () => ({ requestId: 'p-1', transports: ['ble'] });
  let checkInPerson: (onProgress: (step: ProximityStep) => void) => Promise<CheckResult> = async () => PASS;
  const checker = {
    offlineReadiness: async () => ({ trustList: true, issuers: [] }),
    readEngagement: async (options: { qr: string; purpose: Purpose; verifierName: string }) => (calls.readEngagement.push(options), readEngagement(options.qr)),
    checkInPerson: async (_id: string, options?: { onProgress?: (step: ProximityStep) => void }) => (calls.checkInPerson++, checkInPerson(options?.onProgress ?? (() => {}))),
    keepRecord: async (id: string) => void calls.kept.push(id),
    discard: (id: string) => void calls.discarded.push(id),
    discardAll: () => void calls.discardAll++,
  } as unknown as Checker;
  return {
    checker,
    calls,
    onRead(fn: typeof readEngagement) { readEngagement = fn; },
    onConnect(fn: typeof checkInPerson) { checkInPerson = fn; },
  };
}

function screen(checker: Checker, language: Language = 'en', Screen = LicenceCheckScreen) {
  const services = { sharer: {} as Sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } };
  return act(() => render(<I18nProvider initial={language}><ShareProvider services={services}><Screen /></ShareProvider></I18nProvider>, host));
}

/** A PNG of `content` as a QR code (quiet zone of 4 modules), like a screenshot of the holder's phone. */
async function qrPicture(content: string): Promise<File> {
  const qr = qrcode(0, 'M');
  qr.addData(content, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const scale = 6;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = (modules + 8) * scale;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  for (let r = 0; r < modules; r++) for (let c = 0; c < modules; c++) if (qr.isDark(r, c)) context.fillRect((c + 4) * scale, (r + 4) * scale, scale, scale);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'their-code.png', { type: 'image/png' });
}

async function usePicture(content: string) {
  const input = host.querySelector<HTMLInputElement>('#engagement-image')!;
  const files = new DataTransfer();
  files.items.add(await qrPicture(content));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Web Bluetooth present (a stand-in: the screen only detects it; the fake Checker does the connecting) or absent. */
function webBluetooth(present: boolean) {
  Object.defineProperty(navigator, 'bluetooth', { configurable: true, value: present ? { requestDevice: async () => { throw new Error('not in this test'); } } : undefined });
}

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

/** Choose a purpose and a name, then "Scan their code". */
async function chooseAndScan(language: Language, purpose: Purpose = 'driving') {
  const { t, w } = WORDS[language];
  await shows(w.title);
  await act(() => host.querySelector<HTMLInputElement>(`#purpose-${purpose}`)!.click());
  const name = host.querySelector<HTMLInputElement>('#verifier-name')!;
  name.value = 'The Red Lion';
  await act(() => { name.dispatchEvent(new Event('input', { bubbles: true })); });
  await act(() => button(w.start)!.click());
  await shows(w['scan.title']);
  expect(text()).toContain(t['scan.fromImage']);
}

beforeEach(async () => {
  webBluetooth(true);
  await page.viewport(360, 740);
});
afterEach(() => {
  render(null, host);
  delete (navigator as { bluetooth?: unknown }).bluetooth;
});

describe('checking a driving licence over Bluetooth', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`goes choose → scan a picture → connect → result, saying each step (${language})`, async () => {
      const { t, w } = WORDS[language];
      const fake = fakeChecker();
      // The steps are released one by one so the test can read each one in the live region.
      const steps: ((step?: ProximityStep) => void)[] = [];
      const next = () => new Promise<ProximityStep | undefined>((resolve) => steps.push(resolve as (step?: ProximityStep) => void));
      fake.onConnect(async (onProgress) => {
        for (let step = await next(); step; step = await next()) onProgress(step);
        return PASS;
      });
      await screen(fake.checker, language);
      // The three things a licence can answer.
      expect([...host.querySelectorAll<HTMLInputElement>('input[name=purpose]')].map((i) => i.value)).toEqual(['over-18', 'identity', 'driving']);
      // Asks the least by default.
      expect(host.querySelector<HTMLInputElement>('input[name=purpose]:checked')!.value).toBe('over-18');
      expect(text()).toContain(t['check.purpose.driving']);
      expect(text()).toContain(t['check.purpose.drivingHint']);
      await noAxeViolations(`choose (${language})`);

      await chooseAndScan(language);
      await noAxeViolations(`scan (${language})`);
      await usePicture(ANNEX_D_ENGAGEMENT);
      await shows(w['connect.title']);
      expect(fake.calls.readEngagement).toEqual([{ qr: ANNEX_D_ENGAGEMENT, purpose: 'driving', verifierName: 'The Red Lion' }]);
      expect(host.querySelector('[data-testid="reader-progress"]')!.getAttribute('role')).toBe('status');
      await noAxeViolations(`connect (${language})`);

      await act(() => button(w['connect.button'])!.click());
      for (const step of ['connecting', 'waiting-for-holder', 'verifying'] as const) {
        await expect.poll(() => steps.length).toBeGreaterThan(0);
        await act(() => steps.shift()!(step));
        await expect.poll(progress).toBe(w[`step.${step}`]);
        expect(button(w['connect.button'])!.disabled).toBe(true);
      }
      await expect.poll(() => steps.length).toBeGreaterThan(0);
      await act(() => steps.shift()!());

      await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict')).toBe('pass');
      expect(text()).toContain('Ffion');
      expect(text()).toContain(t['check.pass']);
      await noAxeViolations(`result (${language})`);

      await act(() => button(t['check.keep'])!.click());
      await shows(t['check.kept']);
      expect(fake.calls.kept).toEqual(['p-1']);

      // "Check the next person": this check is forgotten; a new code is scanned with the same purpose and name.
      await act(() => button(t['check.next'])!.click());
      await shows(w['scan.title']);
      expect(fake.calls.discarded).toEqual(['p-1']);
      await usePicture(ANNEX_D_ENGAGEMENT);
      await shows(w['connect.title']);
      expect(fake.calls.readEngagement[1]).toEqual({ qr: ANNEX_D_ENGAGEMENT, purpose: 'driving', verifierName: 'The Red Lion' });
    });
  }

  it('asks for a name before scanning', async () => {
    const fake = fakeChecker();
    await screen(fake.checker);
    await shows(READER_WORDS.en.title);
    await act(() => button(READER_WORDS.en.start)!.click());
    await expect.poll(() => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '').toContain(en['check.error.noName']);
    expect(text()).not.toContain(READER_WORDS.en['scan.title']);
  });

  it('leaving the screen forgets every check', async () => {
    const fake = fakeChecker();
    await screen(fake.checker);
    await chooseAndScan('en');
    await act(() => render(null, host));
    expect(fake.calls.discardAll).toBe(1);
  });
});

describe('a code that cannot be used', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`says what it is and keeps scanning (${language})`, async () => {
      const { w } = WORDS[language];
      const fake = fakeChecker();
      fake.onRead(async (qr) => {
        if (qr.startsWith('mdoc:')) throw new CheckError('engagement-unsupported', 'it offers only NFC, not Bluetooth');
        throw new CheckError('not-an-engagement', 'not an mdoc: URI');
      });
      await screen(fake.checker, language);
      await chooseAndScan(language);
      const summary = () => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '';

      await usePicture('https://example.com/not-a-licence');
      await expect.poll(summary).toContain(w['error.not-an-engagement']);
      expect(host.querySelector('#engagement-image-error')!.textContent).toContain(w['error.not-an-engagement']);
      await noAxeViolations(`scan error (${language})`);

      // A Satchel answer held up by mistake: pointed to the Satchel check, which has a link here.
      await usePicture('SR1.abc.1.1.payload');
      await expect.poll(summary).toContain(w['error.satchel-code']);
      expect(host.querySelector('a[href="/check"]')?.textContent).toBe(w.satchelLink);

      await usePicture(ANNEX_D_ENGAGEMENT);
      await expect.poll(summary).toContain(w['error.engagement-unsupported']);
      expect(summary()).toContain('it offers only NFC, not Bluetooth');
      expect(text()).toContain(w['scan.title']);
    });
  }
});

describe('a connection that ends without a licence', () => {
  const CASES: { code: Extract<CheckErrorCode, 'bluetooth-cancelled' | 'bluetooth-unavailable' | 'connection-lost' | 'session-failed' | 'holder-declined' | 'request-expired'>; canRetry: boolean }[] = [
    { code: 'bluetooth-cancelled', canRetry: true },
    { code: 'bluetooth-unavailable', canRetry: true },
    { code: 'connection-lost', canRetry: true },
    { code: 'session-failed', canRetry: false },
    { code: 'holder-declined', canRetry: false },
    { code: 'request-expired', canRetry: false },
  ];
  for (const language of ['en', 'cy'] as const) {
    it(`says why in plain words, and offers to connect again only where that can help (${language})`, async () => {
      const { t, w } = WORDS[language];
      const fake = fakeChecker();
      let failWith: CheckErrorCode = 'bluetooth-cancelled';
      fake.onConnect(async () => { throw new CheckError(failWith, 'from the checker'); });
      await screen(fake.checker, language);
      await chooseAndScan(language);
      for (const { code, canRetry } of CASES) {
        await usePicture(ANNEX_D_ENGAGEMENT);
        await shows(w['connect.title']);
        failWith = code;
        await act(() => button(w['connect.button'])!.click());
        const summary = () => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '';
        await expect.poll(summary, { timeout: 60_000 }).toContain(w[`error.${code}`]);
        expect(summary(), code).not.toContain('from the checker');
        expect(progress(), code).toBe('');
        expect(Boolean(button(w['connect.button'])), code).toBe(canRetry);
        // Where connecting again cannot help, "Start again" is the main button.
        expect(button(t['check.startAgain'])!.classList.contains('govuk-button--secondary'), code).toBe(canRetry);
        // The summary links to what to do next.
        expect(host.querySelector('[data-testid="error-summary"] a')!.getAttribute('href'), code).toBe(canRetry ? '#connect-bluetooth' : '#start-again');
        if (code === 'holder-declined') await noAxeViolations(`connect error (${language})`);
        await act(() => button(t['check.startAgain'])!.click());
        await shows(w['scan.title']);
      }
      expect(fake.calls.discarded).toHaveLength(CASES.length);
    });
  }

  it('words an error again when the language changes while it is shown', async () => {
    const fake = fakeChecker();
    fake.onConnect(async () => { throw new CheckError('connection-lost', 'from the checker'); });
    function ToWelsh() {
      const { setLanguage } = useI18n();
      return <button type="button" onClick={() => setLanguage('cy')}>to Welsh</button>;
    }
    const services = { sharer: {} as Sharer, checker: fake.checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } };
    await act(() => render(<I18nProvider initial="en"><ShareProvider services={services}><ToWelsh /><LicenceCheckScreen /></ShareProvider></I18nProvider>, host));
    await chooseAndScan('en');
    await usePicture(ANNEX_D_ENGAGEMENT);
    await shows(READER_WORDS.en['connect.title']);
    await act(() => button(READER_WORDS.en['connect.button'])!.click());
    const summary = () => host.querySelector('[data-testid="error-summary"]')?.textContent ?? '';
    await expect.poll(summary, { timeout: 60_000 }).toContain(READER_WORDS.en['error.connection-lost']);
    await act(() => button('to Welsh')!.click());
    await expect.poll(summary, { timeout: 60_000 }).toContain(READER_WORDS.cy['error.connection-lost']);
    expect(summary()).not.toContain(READER_WORDS.en['error.connection-lost']);
  });

  it('"Start again" while connecting forgets the check, and its late answer is not shown', async () => {
    const fake = fakeChecker();
    let finish: (result: CheckResult) => void = () => {};
    fake.onConnect((onProgress) => { onProgress('waiting-for-holder'); return new Promise((resolve) => { finish = resolve; }); });
    await screen(fake.checker);
    await chooseAndScan('en');
    await usePicture(ANNEX_D_ENGAGEMENT);
    await shows(READER_WORDS.en['connect.title']);
    await act(() => button(READER_WORDS.en['connect.button'])!.click());
    await expect.poll(progress).toBe(READER_WORDS.en['step.waiting-for-holder']);
    await act(() => button(en['check.startAgain'])!.click());
    await shows(READER_WORDS.en['scan.title']);
    expect(fake.calls.discarded).toEqual(['p-1']);
    await act(() => finish(PASS));
    expect(host.querySelector('[data-testid="check-result"]')).toBeNull();
    expect(text()).toContain(READER_WORDS.en['scan.title']);
  });
});

describe('a browser without Web Bluetooth', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`says so plainly before anything is scanned, and points to the Satchel check (${language})`, async () => {
      const { w } = WORDS[language];
      webBluetooth(false);
      const fake = fakeChecker();
      await screen(fake.checker, language);
      await shows(w['noBluetooth.body']);
      expect(host.querySelector('h1')!.textContent).toBe(w.title);
      const link = host.querySelector<HTMLAnchorElement>('a[href="/check"]')!;
      expect(link.textContent).toBe(w.satchelLink);
      expect(host.querySelector('#engagement-image')).toBeNull();
      expect(button(w.start)).toBeUndefined();
      await noAxeViolations(`no Bluetooth (${language})`);
    });
  }
});

describe('the Satchel check screen', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`links to the driving licence check (${language})`, async () => {
      await screen(fakeChecker().checker, language, CheckScreen);
      const { t } = WORDS[language];
      await shows(t['check.title']);
      expect(host.querySelector('a[href="/check/licence"]')?.textContent).toBe(t['check.licenceLink']);
    });
  }
});
