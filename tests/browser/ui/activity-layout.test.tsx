/**
 * The activity list fits a phone (at 360 px the table was 427 px wide and its Delete
 * buttons were cut off). Each record reads as a card on a narrow screen, every field labelled.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nameAsWords } from '../../../src/wallet/shared/display-name';
import { page } from 'vitest/browser';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { ActivityScreen } from '../../../src/ui/screens/ActivityScreen';
import { ShareProvider, type ShareServices } from '../../../src/ui/share/ShareContext';
import type { ActivityLogEntry } from '../../../src/wallet/activity';
import '../../../src/ui/styles/app.scss';

const host = document.body.appendChild(document.createElement('div'));
host.className = 'govuk-width-container';
afterEach(async () => {
  await act(() => render(null, host));
  await page.viewport(414, 896);
});

const entries: ActivityLogEntry[] = [
  {
    id: '1', at: '2026-11-30T11:49:00Z', kind: 'shared', counterparty: 'The Corner Shop and Off-Licence (Aberystwyth) Ltd',
    credentialTypeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }),
    claims: [nameAsWords({ en: 'Aged 18 or over', cy: '18 oed neu’n hŷn' }), nameAsWords({ en: 'Given name', cy: 'Enw cyntaf' })],
  },
  {
    id: '2', at: '2026-11-29T09:05:00Z', kind: 'received', counterparty: 'Driver and Vehicle Licensing Agency',
    credentialTypeName: nameAsWords({ en: 'Right to work in the United Kingdom', cy: 'Hawl i weithio yn y Deyrnas Unedig' }), claims: [],
  },
];
const activity = { list: async () => entries, remove: async () => {}, export: async () => new Blob() } as unknown as ShareServices['activity'];

async function renderActivity(language: 'en' | 'cy'): Promise<void> {
  await act(() => render(
    <I18nProvider initial={language}>
      <ShareProvider services={{ activity } as ShareServices}><ActivityScreen /></ShareProvider>
    </I18nProvider>,
    host,
  ));
  await expect.poll(() => host.querySelectorAll('[data-testid="activity-table"] tbody tr').length, { timeout: 60_000 }).toBe(2);
}

describe('ActivityScreen on a phone', () => {
  for (const [width, height] of [[360, 740], [320, 640]] as const) {
    for (const language of ['en', 'cy'] as const) {
      it(`fits ${width} px (${language}): no record and no Delete button wider than the screen`, async () => {
        await page.viewport(width, height);
        await renderActivity(language);
        const table = host.querySelector<HTMLElement>('[data-testid="activity-table"]')!;
        expect(table.getBoundingClientRect().right).toBeLessThanOrEqual(width);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        const deletes = [...host.querySelectorAll<HTMLButtonElement>('tbody button')];
        expect(deletes).toHaveLength(2);
        for (const button of deletes) {
          const box = button.getBoundingClientRect();
          expect(box.right).toBeLessThanOrEqual(width);
          expect(box.left).toBeGreaterThanOrEqual(0);
        }
        // With the column headings out of sight, each field shows what it is.
        const labels = [...host.querySelectorAll('tbody tr:first-child td')].map((cell) => getComputedStyle(cell, '::before').content);
        const [when, what, who] = language === 'en' ? ['When', 'What', 'With'] : ['Pryd', 'Beth', 'Gyda'];
        for (const [n, label] of [when, what, who].entries()) expect(labels[n]).toContain(`"${label}"`);
      });
    }
  }
});

describe('a quick show in the activity list', () => {
  it('says "Quick show" in the person\'s language, as the code it was logged with', async () => {
    const quick: ActivityLogEntry = { id: 'q', at: '2026-11-30T12:00:00Z', kind: 'shared', via: 'quick-show', credentialTypeName: nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }), claims: [] };
    const quickActivity = { list: async () => [quick], remove: async () => {}, export: async () => new Blob() } as unknown as ShareServices['activity'];
    for (const [language, said, notSaid] of [['en', 'Quick show', 'Dangos cyflym'], ['cy', 'Dangos cyflym', 'Quick show']] as const) {
      await act(() => render(
        <I18nProvider initial={language}>
          <ShareProvider services={{ activity: quickActivity } as ShareServices}><ActivityScreen /></ShareProvider>
        </I18nProvider>,
        host,
      ));
      const who = () => host.querySelector<HTMLElement>(`[data-testid="activity-table"] tbody td[data-label]:nth-child(3)`)?.textContent;
      await expect.poll(who, { timeout: 60_000 }).toBe(said);
      expect(host.textContent).not.toContain(notSaid);
      await act(() => render(null, host));
    }
  });
});
