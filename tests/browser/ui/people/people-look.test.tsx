/**
 * How the people screens look on a 360×740 phone (issue 16), in English and Welsh: each screen's
 * main action inside the first viewport, a screenshot of each in test-results/people/ (looked at
 * by a person), and every person's marker legible — the white initial at least 4.5:1 on its badge,
 * the badge at least 3:1 on the white page, the name in words beside it at least 4.5:1.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import type { Language } from '../../../../src/ui/i18n/translate';
import { PersonMarker } from '../../../../src/ui/people/PersonMarker';
import { PEOPLE_WORDS } from '../../../../src/ui/people/people-words';
import { PERSON_MARKERS, type Person } from '../../../../src/wallet/people';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import { cleanUpVaults } from '../../support/vault-helpers';
import { carerApp, go, host, receiveLicence, typeInto, type CarerApp } from './support';

/** WCAG 2.2 relative luminance and contrast ratio of two computed `rgb(…)` colours. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const WHITE = 'rgb(255, 255, 255)';

describe('Person markers', () => {
  afterEach(async () => {
    await act(() => render(null, host));
  });

  it('every marker colour is legible: initial 4.5:1 on the badge, badge 3:1 on white, name 4.5:1; one colour each', async () => {
    const people: Person[] = PERSON_MARKERS.map((marker, i) => ({ id: i === 0 ? SELF_PERSON : `p${i}`, name: `Person ${i}`, marker }));
    await act(() => render(<I18nProvider initial="en">{people.map((p) => <p key={p.id}><PersonMarker person={p} /></p>)}</I18nProvider>, host));
    const badges = [...host.querySelectorAll<HTMLElement>('.satchel-person__badge')];
    expect(badges).toHaveLength(PERSON_MARKERS.length);
    const colours = new Set<string>();
    for (const badge of badges) {
      const { backgroundColor, color } = getComputedStyle(badge);
      colours.add(backgroundColor);
      expect(contrast(color, backgroundColor), badge.className).toBeGreaterThanOrEqual(4.5);
      expect(contrast(backgroundColor, WHITE), badge.className).toBeGreaterThanOrEqual(3);
      const name = badge.nextElementSibling as HTMLElement;
      expect(contrast(getComputedStyle(name).color, WHITE)).toBeGreaterThanOrEqual(4.5);
      // Never colour alone: the initial is decorative, the name is words.
      expect(badge.getAttribute('aria-hidden')).toBe('true');
      expect(name.textContent).not.toBe('');
    }
    expect(colours.size).toBe(PERSON_MARKERS.length);
    // The holder is "You", not a name.
    expect(host.querySelector(`[data-person="${SELF_PERSON}"]`)!.textContent).toBe('YYou');
  });
});

describe('People screens on a 360×740 phone', () => {
  let app: CarerApp;
  const startUrl = location.href;

  beforeEach(async () => {
    await page.viewport(360, 740);
    app = await carerApp('people-look');
  });

  afterEach(async () => {
    app.close();
    history.replaceState(null, '', startUrl);
    await page.viewport(414, 896);
    await cleanUpVaults();
  });

  /** The main action is on the first screen: its whole box above the fold, with nothing scrolled. */
  async function mainActionVisible(selector: string, shotName?: string, language?: Language): Promise<void> {
    await expect.poll(() => host.querySelector(selector), { timeout: 60_000 }).not.toBeNull();
    window.scrollTo(0, 0);
    if (shotName && language) await shot(shotName, language);
    const box = host.querySelector(selector)!.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom, selector).toBeLessThanOrEqual(740);
  }

  function shot(name: string, language: Language) {
    return page.screenshot({ path: `../../../../test-results/people/${name}-${language}.png` });
  }

  for (const language of ['en', 'cy'] as const) {
    it(`each people screen, and each screen that says whose, has its main action in view (${language})`, async () => {
      const words = PEOPLE_WORDS[language];
      const mum = await app.people.add('Mum');
      await app.show(language);
      const hers = await receiveLicence(app, mum.id);
      await receiveLicence(app, SELF_PERSON);

      await go('/people');
      await expect.poll(() => host.querySelectorAll('[data-testid="person-row"]').length).toBe(2);
      await mainActionVisible('a[href="/people/add"]');
      await shot('people', language);

      await go('/people/add');
      await expect.poll(() => host.querySelector('#person-name')).not.toBeNull();
      await act(() => host.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click());
      await expect.poll(() => host.querySelector('[data-testid="error-summary"]')).not.toBeNull();
      await mainActionVisible('form button[type="submit"]');
      await shot('add-person-error', language);

      await go(`/people/${mum.id}/remove`);
      await mainActionVisible('#remove-person');
      await shot('remove-person', language);

      // Home with Mum shown.
      await go('/');
      await expect.poll(() => host.querySelector(`[data-testid="person-switcher"] [data-person="${mum.id}"]`)).not.toBeNull();
      await act(() => host.querySelector(`[data-testid="person-switcher"] [data-person="${mum.id}"]`)!.closest('button')!.click());
      await expect.poll(() => host.querySelector('h1')?.textContent).toBe(words['credentials.other'].replace('{name}', 'Mum'));
      await mainActionVisible('a[href="/add"]');
      await mainActionVisible('[data-testid="credential-card"] a');
      await shot('home-mum', language);

      await go(`/credential/${encodeURIComponent(hers)}`);
      await expect.poll(() => host.querySelector('h1')?.textContent).toBe(language === 'en' ? "Mum's driving licence" : 'Trwydded yrru Mum');
      await mainActionVisible('[data-testid="person-marker"]');
      await shot('credential-mum', language);

      await go('/add');
      await typeInto('offer-text', app.issuer.offer());
      await act(() => host.querySelector<HTMLFormElement>('#offer-text')!.form!.requestSubmit());
      await expect.poll(() => host.querySelector('[data-testid="whose-is-this"]')).not.toBeNull();
      await mainActionVisible('#accept', 'receive-whose', language);

      await go('/activity');
      await expect.poll(() => host.querySelector('#activity-person')).not.toBeNull();
      const select = host.querySelector<HTMLSelectElement>('#activity-person')!;
      await act(() => {
        select.value = mum.id;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await expect.poll(() => host.querySelector('[data-testid="export-person"]')).not.toBeNull();
      await shot('activity-mum', language);
    });
  }
});
