/**
 * Issue 15: the 'driving' purpose is offered wherever purposes are: the checker's purpose choice on
 * the Satchel check screen ('Driving': name, photo, licence categories, expiry) and the holder's
 * quick show ('Prove I can drive'), in English and Welsh. Each pictured at 360×740
 * (.shots/proximity/, not kept in git).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { QuickShowScreen } from '../../../../src/ui/screens/QuickShowScreen';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker, OfflineReadiness } from '../../../../src/wallet/check';
import type { CredentialView } from '../../../../src/wallet/held';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { createSharer } from '../../../../src/wallet/share/share';
import { nameAsWords } from '../../../../src/wallet/shared/display-name';
import { makeWorld } from '../../support/share-fixtures';

const host = document.body.appendChild(document.createElement('div'));
beforeEach(async () => {
  await page.viewport(360, 740);
  render(null, host);
});
afterEach(() => render(null, host));

const LANGUAGES = [['en', en], ['cy', cy]] as const;

describe("the 'driving' purpose in the purpose lists", () => {
  const readiness: OfflineReadiness = { trustList: true, issuers: [{ id: 'https://dvla.example', name: { en: 'DVLA', cy: 'DVLA' }, ready: true, listsFetchedAt: new Date().toISOString() }] };
  const checker = { offlineReadiness: async () => readiness, discardAll: () => {} } as unknown as Checker;
  const checkServices = { sharer: {} as Sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } as unknown as ActivityLog };

  for (const [language, words] of LANGUAGES) {
    it(`the checker can ask for driving, worded from the checker's side (${language})`, async () => {
      history.replaceState(null, '', '/check');
      await act(() => render(<I18nProvider initial={language}><ShareProvider services={checkServices}><CheckScreen /></ShareProvider></I18nProvider>, host));
      await expect.poll(() => [...host.querySelectorAll('.govuk-radios__label')].map((l) => l.textContent), { timeout: 60_000 }).toContain(words['check.purpose.driving']);
      const driving = [...host.querySelectorAll('.govuk-radios__label')].find((l) => l.textContent === words['check.purpose.driving'])!;
      expect(driving.closest('.govuk-radios__item')?.textContent).toContain(words['check.purpose.drivingHint']);
      driving.scrollIntoView({ block: 'center' });
      await page.screenshot({ path: `../../../../.shots/proximity/check-purpose-driving-${language}.png` });
    });

    it(`the holder can prove they can drive in quick show (${language})`, async () => {
      const world = await makeWorld();
      const views: CredentialView[] = [{ id: 'licence', personId: 'self', format: 'dc+sd-jwt', selective: true, requestOnly: false, typeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }), issuerName: { en: 'DVLA', cy: 'DVLA' }, verified: true, status: { state: 'valid' }, validUntil: '2031-01-01T00:00:00Z', claims: [] }];
      const byId = { credential: async (id: string) => views.find((v) => v.id === id) };
      const services = { sharer: createSharer({ vault: world.vault, views: byId }), checker: {} as Checker, activity: {} as ActivityLog };
      const receiver = { listCredentials: async () => views, credential: byId.credential } as unknown as Receiver;
      history.replaceState(null, '', '/share/quick');
      await act(() => render(<I18nProvider initial={language}><ReceiverProvider receiver={receiver}><ShareProvider services={services}><QuickShowScreen /></ShareProvider></ReceiverProvider></I18nProvider>, host));
      const drive = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === words['purpose.driving']);
      await expect.poll(drive, { timeout: 60_000 }).toBeDefined();
      drive()!.scrollIntoView({ block: 'center' });
      await page.screenshot({ path: `../../../../.shots/proximity/quick-show-driving-${language}.png` });
    });
  }
});
