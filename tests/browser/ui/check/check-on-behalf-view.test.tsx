/**
 * The checker's view of an answer given on someone's behalf (docs/carers.md) in real Chromium:
 * "Presented by … on behalf of …, under a lasting power of attorney (…), valid until …" straight
 * under the verdict, or why it is not accepted, in English and Welsh, names rendered as text; the
 * check screen's purposes offering the two on-behalf ones (Satchel QR check only) with "Show my
 * code" still on the first screen; no axe violations (WCAG 2.2 A/AA); screenshots at 360×740
 * (test-results/check-on-behalf/).
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import '../../../../src/ui/styles/screens.scss';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { CHECK_ON_BEHALF_WORDS } from '../../../../src/ui/share/check-on-behalf-words';
import { CheckResultView } from '../../../../src/ui/share/CheckResultView';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import type { CheckResult, Checker } from '../../../../src/wallet/check';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';

const WORDS = { en: { t: en, w: CHECK_ON_BEHALF_WORDS.en }, cy: { t: cy, w: CHECK_ON_BEHALF_WORDS.cy } } as const;
const AUTHORITY_TYPE_NAME = nameOfType('https://satchel.example/credentials/lasting-power-of-attorney');

const PASS: CheckResult = {
  ok: true,
  verdict: 'pass',
  reasons: [{ code: 'request:credentials', ok: true }, { code: 'on-behalf', ok: true }],
  claims: [
    { path: ['given_name'], label: nameOfClaim(['given_name']), value: 'Margaret' },
    { path: ['family_name'], label: nameOfClaim(['family_name']), value: 'Jones' },
    { path: ['birth_date'], label: nameOfClaim(['birth_date']), value: '1951-05-14' },
  ],
  unrequested: [],
  credentials: [
    { queryId: 'identity', ok: true, verdict: 'pass', reasons: [{ code: 'signature', ok: true }, { code: 'key-binding', ok: true }], typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence), issuerName: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, claims: [], unrequested: [] },
    { queryId: 'authority', ok: true, verdict: 'pass', reasons: [{ code: 'signature', ok: true }, { code: 'status', ok: true }, { code: 'key-binding', ok: true }], typeName: AUTHORITY_TYPE_NAME, issuerName: { en: 'Office of the Public Guardian', cy: 'Swyddfa’r Gwarcheidwad Cyhoeddus' }, claims: [], unrequested: [] },
  ],
  elapsedMs: 40,
  onBehalf: {
    ok: true,
    failures: [],
    attorney: { givenName: 'Ada', familyName: 'Jones' },
    donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
    power: 'property-and-financial-affairs',
    validUntil: '2027-12-01T00:00:00Z',
    reference: 'M-7321-4480-1123',
  },
};

const REVOKED: CheckResult = {
  ...PASS,
  ok: false,
  verdict: 'fail',
  reasons: [{ code: 'request:credentials', ok: true }, { code: 'on-behalf:authority-revoked', ok: false }, { code: 'on-behalf:power-not-covered', ok: false }],
  onBehalf: { ...PASS.onBehalf!, ok: false, failures: ['authority-revoked', 'power-not-covered'], power: 'health-and-welfare' },
};

const MISSING: CheckResult = { ...PASS, ok: false, verdict: 'fail', reasons: [{ code: 'request:missing-credentials', ok: false }, { code: 'on-behalf:authority-missing', ok: false }], onBehalf: { ok: false, failures: ['authority-missing'] } };

const host = document.body.appendChild(document.createElement('div'));
const text = () => host.textContent ?? '';

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

const shot = (name: string) => page.screenshot({ path: `../../../../test-results/check-on-behalf/${name}.png` });

const view = (result: CheckResult, language: 'en' | 'cy') => act(() => render(<I18nProvider initial={language}><CheckResultView result={result} /></I18nProvider>, host));

beforeEach(async () => {
  await page.viewport(360, 740);
});
afterEach(() => {
  render(null, host);
});

describe('the check result on someone\'s behalf', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`says who presented it for whom, under what and until when, straight under the verdict (${language})`, async () => {
      const { t, w } = WORDS[language];
      await view(PASS, language);
      const block = host.querySelector('[data-testid="on-behalf"]')!;
      const expected = language === 'en'
        ? 'Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid until 1 December 2027'
        : 'Wedi’i gyflwyno gan Ada Jones ar ran Margaret Jones, o dan atwrneiaeth arhosol (eiddo a materion ariannol), yn ddilys tan 1 Rhagfyr 2027';
      expect(block.querySelector('p')!.textContent).toBe(expected);
      expect(block.textContent).toContain('M-7321-4480-1123');
      expect(block.getAttribute('data-ok')).toBe('true');
      // Straight under the verdict: after the panel, before the reasons and each credential.
      const panel = host.querySelector('.govuk-panel')!;
      expect(panel.nextElementSibling).toBe(block);
      expect(text()).toContain(t['check.pass']);
      expect(text()).toContain(w['on-behalf']);
      await noAxeViolations(`pass (${language})`);
      await shot(`pass-${language}`);
    });

    it(`says why it is not accepted, each failure in words (${language})`, async () => {
      const { t, w } = WORDS[language];
      await view(REVOKED, language);
      const block = host.querySelector('[data-testid="on-behalf"]')!;
      expect(block.getAttribute('data-ok')).toBe('false');
      expect(block.textContent).toContain(w.failedTitle);
      expect([...block.querySelectorAll('li')].map((li) => li.textContent)).toEqual([w['on-behalf:authority-revoked'], w['on-behalf:power-not-covered']]);
      expect(block.textContent).toContain(w.failedNames.replace('{attorney}', 'Ada Jones').replace('{donor}', 'Margaret Jones'));
      expect(text()).toContain(t['check.fail']);
      await noAxeViolations(`revoked (${language})`);
      await shot(`revoked-${language}`);

      await view(MISSING, language);
      expect([...host.querySelectorAll('[data-testid="on-behalf"] li')].map((li) => li.textContent)).toEqual([w['on-behalf:authority-missing']]);
      await noAxeViolations(`missing (${language})`);
    });
  }

  it('renders names from the credentials as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    await view({ ...PASS, onBehalf: { ...PASS.onBehalf!, attorney: { givenName: hostile, familyName: 'Jones' }, reference: '<b>ref</b>' } }, 'en');
    const block = host.querySelector('[data-testid="on-behalf"]')!;
    expect(block.querySelector('img, b')).toBeNull();
    expect(block.textContent).toContain(`Presented by ${hostile} Jones on behalf of Margaret Jones`);
    expect(block.textContent).toContain('<b>ref</b>');
  });
});

describe('the check screen\'s purposes', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`offers the two on-behalf purposes, asks for the one chosen, with "Show my code" on the first screen (${language})`, async () => {
      const { t, w } = WORDS[language];
      const asked: unknown[] = [];
      const checker = {
        offlineReadiness: async () => ({ trustList: true, issuers: [] }),
        createRequest: async (options: unknown) => {
          asked.push(options);
          return { requestId: 'r1', qr: { frames: ['SVQ1.test'], frameMs: 300 }, expiresAt: new Date(Date.now() + 300_000).toISOString() };
        },
        discard: () => {},
        discardAll: () => {},
      } as unknown as Checker;
      const services = { sharer: {} as Sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } };
      await act(() => render(<I18nProvider initial={language}><ShareProvider services={services}><CheckScreen /></ShareProvider></I18nProvider>, host));
      // The person's own credential first; the on-behalf purposes in their place at a press.
      await expect.poll(text).toContain(w['switch.onBehalf']);
      expect(text()).not.toContain(w['purpose.identity-for-finance']);
      await act(() => host.querySelector<HTMLButtonElement>('[data-testid="purposes-on-behalf"]')!.click());
      await expect.poll(text).toContain(w['purpose.identity-for-finance']);
      expect(text()).not.toContain(t['check.purpose.over18']);
      expect(host.querySelector<HTMLInputElement>('#purpose-identity-for-finance')!.checked).toBe(true);
      // A quick-show code holds one credential, never the person's and the authority together: not offered here.
      expect([...host.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain(t['check.quickShow']);
      expect(text()).not.toContain(t['check.quickShowHint']);
      expect(text()).toContain(w['purpose.identity-for-health']);
      expect(text()).toContain(w['purpose.identity-for-financeHint']);
      const start = [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === t['check.start'])!;
      expect(start.getBoundingClientRect().bottom).toBeLessThanOrEqual(740);
      await noAxeViolations(`purposes (${language})`);
      await shot(`purposes-${language}`);
      await act(() => host.querySelector<HTMLInputElement>('#purpose-identity-for-health')!.click());
      await act(() => host.querySelector<HTMLInputElement>('#purpose-identity-for-finance')!.click());
      await act(() => {
        const name = host.querySelector<HTMLInputElement>('#verifier-name')!;
        name.value = 'Cardiff Community Bank';
        name.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(() => start.click());
      await expect.poll(() => asked).toEqual([{ purpose: 'identity-for-finance', verifierName: 'Cardiff Community Bank' }]);
      expect(text()).not.toContain(w['switch.own']);
    });
  }
});
