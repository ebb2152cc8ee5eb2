/**
 * Issue 11 on the check screen, in English and Welsh: before checking it says whether this phone
 * can check without a signal and for which issuers; the purposes are worded from the checker's
 * side; a result whose cancellation could not be checked has its own amber heading (never "Do not
 * accept"), the reason tagged "Not checked", and the age of the newest list; the activity row of a
 * kept check shows its result.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { CheckRecordSummary } from '../../../../src/ui/share/CheckRecordParts';
import { CheckResultView } from '../../../../src/ui/share/CheckResultView';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { CheckResult, Checker, OfflineReadiness } from '../../../../src/wallet/check';

const host = document.body.appendChild(document.createElement('div'));
afterEach(() => render(null, host));

const text = () => host.textContent ?? '';

const UNKNOWN: CheckResult = {
  ok: false,
  verdict: 'status-unknown',
  typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence),
  issuerName: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' },
  reasons: [
    { code: 'signature', ok: true },
    { code: 'status:unknown', ok: false },
  ],
  claims: [{ path: ['age_over_18'], label: nameOfClaim(['age_over_18']), value: true }],
  unrequested: [],
  status: { state: 'unknown', checkedAt: new Date(Date.now() - 3 * 3600_000).toISOString() },
  elapsedMs: 12,
};

describe('a result whose cancellation could not be checked', () => {
  for (const [language, words] of [['en', en], ['cy', cy]] as const) {
    it(`has its own heading, not "Do not accept", a "Not checked" reason and the list's age (${language})`, async () => {
      await act(() => render(<I18nProvider initial={language}><CheckResultView result={UNKNOWN} /></I18nProvider>, host));
      const view = host.querySelector('[data-testid="check-result"]')!;
      expect(view.getAttribute('data-verdict')).toBe('status-unknown');
      expect(host.querySelector('h1')?.textContent).toBe(words['check.unknownTitle']);
      expect(text()).not.toContain(words['check.fail']);
      expect(host.querySelector('.satchel-panel--warning')).not.toBeNull();
      expect(host.querySelector('.satchel-panel--fail')).toBeNull();
      expect(text()).toContain(words['check.unknownBody']);
      expect(host.querySelector('[data-testid="status-list-age"]')?.textContent).toContain(words['check.unknownAge']);
      const tags = [...host.querySelectorAll('[data-testid="check-reasons"] .govuk-tag')].map((t) => t.textContent);
      expect(tags).toEqual([words['check.reasonOk'], words['check.reasonUnknown']]);
    });
  }

  it('with no list at all, says the phone has none for this issuer', async () => {
    await act(() => render(<I18nProvider initial="en"><CheckResultView result={{ ...UNKNOWN, status: { state: 'unknown' } }} /></I18nProvider>, host));
    expect(host.querySelector('[data-testid="status-list-age"]')?.textContent).toBe(en['check.unknownNoList']);
  });
});

describe('the check screen before checking', () => {
  const readiness: OfflineReadiness = {
    trustList: true,
    issuers: [
      { id: 'https://dvla.example', name: { en: 'DVLA', cy: 'DVLA (cy)' }, ready: true, listsFetchedAt: new Date().toISOString() },
      { id: 'https://ho.example', name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, ready: false },
    ],
  };
  const asked: { refresh?: boolean }[] = [];
  const checker = { offlineReadiness: async (options?: { refresh?: boolean }) => (asked.push(options ?? {}), readiness), discardAll: () => {} } as unknown as Checker;
  const services = { sharer: {} as Sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } };

  for (const [language, words] of [['en', en], ['cy', cy]] as const) {
    it(`says for which issuers it can check without a signal, fetching lists first, and words the purposes from the checker's side (${language})`, async () => {
      await act(() => render(<I18nProvider initial={language}><ShareProvider services={services}><CheckScreen /></ShareProvider></I18nProvider>, host));
      await expect.poll(() => host.querySelector('[data-testid="offline-readiness"]')?.getAttribute('data-ready'), { timeout: 60_000 }).toBe('false');
      expect(asked.at(-1)).toEqual({ refresh: true });
      expect(host.querySelector('[data-testid="ready-issuers"]')?.textContent).toContain('DVLA');
      expect(host.querySelector('[data-testid="not-ready-issuers"]')?.textContent).toContain(language === 'en' ? 'Home Office' : 'Y Swyddfa Gartref');
      expect(text()).toContain(words['check.ready.connect']);
      const labels = [...host.querySelectorAll('.govuk-radios__label')].map((l) => l.textContent);
      expect(labels.slice(0, 3)).toEqual([words['check.purpose.over18'], words['check.purpose.rightToWork'], words['check.purpose.identity']]);
      expect(text()).not.toContain(words['purpose.over18']);
    });
  }

  it('a phone with no trust list is told it cannot check anyone yet', async () => {
    const none = { ...services, checker: { offlineReadiness: async () => ({ trustList: false, issuers: [] }), discardAll: () => {} } as unknown as Checker };
    await act(() => render(<I18nProvider initial="en"><ShareProvider services={none}><CheckScreen /></ShareProvider></I18nProvider>, host));
    await expect.poll(text, { timeout: 60_000 }).toContain(en['check.ready.noTrustList']);
  });
});

describe('a kept check in the activity log', () => {
  it('shows its result and issuer', async () => {
    await act(() => render(<I18nProvider initial="cy"><CheckRecordSummary record={{ verdict: 'status-unknown', asked: [], checks: [], seen: [], issuerName: { en: 'Home Office', cy: 'Y Swyddfa Gartref' } }} /></I18nProvider>, host));
    expect(host.textContent).toBe(`${cy['activity.result.statusUnknown']} Y Swyddfa Gartref`);
  });
});
