/**
 * The header on a phone: the service navigation collapses behind GOV.UK's "Menu" toggle
 * (a real button: keyboard, aria-expanded, aria-controls, the list's hidden attribute), the
 * language switch stays on screen, and the whole header leaves the screen to the task.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { PhaseBanner } from '../../../src/ui/components/PhaseBanner';
import { ServiceNavigation } from '../../../src/ui/components/ServiceNavigation';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { navigate } from '../../../src/ui/router';
import { VaultProvider } from '../../../src/ui/vault/VaultContext';
import type { Vault } from '../../../src/wallet/vault/vault-api';
import '../../../src/ui/styles/app.scss';

const host = document.body.appendChild(document.createElement('div'));
const startUrl = location.href;
const unlockedVault = { state: async () => 'unlocked', onStateChange: () => () => {} } as unknown as Vault;

async function renderHeader(language: 'en' | 'cy' = 'en'): Promise<void> {
  await act(() => render(
    <I18nProvider initial={language}>
      <VaultProvider vault={unlockedVault}>
        <ServiceNavigation />
        <div class="govuk-width-container"><PhaseBanner /></div>
      </VaultProvider>
    </I18nProvider>,
    host,
  ));
  // The unlocked-only links appear once the vault's state has been read.
  await expect.poll(() => host.querySelectorAll('.govuk-service-navigation__item').length, { timeout: 60_000 }).toBe(5);
}

const toggle = () => host.querySelector<HTMLButtonElement>('button.govuk-service-navigation__toggle')!;
const list = () => host.querySelector<HTMLUListElement>('ul.govuk-service-navigation__list')!;
const shown = (element: Element) => element.getClientRects().length > 0;
const link = (name: string) => [...host.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent === name)!;

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(async () => {
  await act(() => render(null, host));
  history.replaceState(null, '', startUrl);
  await page.viewport(414, 896);
});

describe('ServiceNavigation on a phone (360 px)', () => {
  beforeEach(() => page.viewport(360, 740));

  it('is a "Menu" button that controls a hidden list, with aria-expanded', async () => {
    await renderHeader();
    const button = toggle();
    expect(shown(button)).toBe(true);
    expect(button.hidden).toBe(false);
    expect(button.getAttribute('aria-hidden')).toBeNull();
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Menu');
    expect(button.getAttribute('aria-controls')).toBe(list().id);
    expect(document.getElementById(button.getAttribute('aria-controls')!)).toBe(list());
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(list().hidden).toBe(true);
    expect(shown(link('Activity'))).toBe(false);
    // The navigation landmark keeps its name, so a screen reader's landmark list still finds it.
    expect(button.closest('nav')!.getAttribute('aria-label')).toBe('Menu');
  });

  it('opens and closes from the keyboard (Enter, Space) and closes when a link is followed', async () => {
    await renderHeader();
    toggle().focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => toggle().getAttribute('aria-expanded'), { timeout: 60_000 }).toBe('true');
    expect(list().hidden).toBe(false);
    expect(shown(link('Activity'))).toBe(true);
    expect(list().getBoundingClientRect().top).toBeGreaterThanOrEqual(toggle().getBoundingClientRect().bottom);

    await userEvent.keyboard(' ');
    await expect.poll(() => toggle().getAttribute('aria-expanded'), { timeout: 60_000 }).toBe('false');
    expect(list().hidden).toBe(true);

    await userEvent.keyboard('{Enter}');
    await expect.poll(() => list().hidden, { timeout: 60_000 }).toBe(false);
    await userEvent.click(link('Activity'));
    await expect.poll(() => location.pathname, { timeout: 60_000 }).toBe('/activity');
    await expect.poll(() => toggle().getAttribute('aria-expanded'), { timeout: 60_000 }).toBe('false');
    expect(list().hidden).toBe(true);
    expect(link('Activity').getAttribute('aria-current')).toBe('page');
  });

  it('closes when the screen changes another way (Back, a link on the page)', async () => {
    await renderHeader();
    await userEvent.click(toggle());
    await expect.poll(() => list().hidden, { timeout: 60_000 }).toBe(false);
    await act(() => navigate('/settings'));
    await expect.poll(() => toggle().getAttribute('aria-expanded'), { timeout: 60_000 }).toBe('false');
    expect(list().hidden).toBe(true);
  });

  for (const [language, other, menu] of [['en', 'Cymraeg', 'Menu'], ['cy', 'English', 'Dewislen']] as const) {
    it(`leaves the screen to the task (${language}): header and phase banner ≤ 100 px: the service name, the other language and Menu on one line`, async () => {
      await renderHeader(language);
      expect(toggle().textContent).toBe(menu);
      const banner = host.querySelector('.govuk-phase-banner')!;
      expect(banner.getBoundingClientRect().bottom).toBeLessThanOrEqual(100);
      const switchLanguage = link(other);
      expect(shown(switchLanguage)).toBe(true);
      expect(switchLanguage.getBoundingClientRect().right).toBeLessThanOrEqual(toggle().getBoundingClientRect().left);
      const serviceName = host.querySelector('.govuk-service-navigation__service-name')!.getBoundingClientRect();
      for (const element of [switchLanguage, toggle()]) {
        const box = element.getBoundingClientRect();
        expect(box.top).toBeLessThan(serviceName.bottom);
        expect(box.bottom).toBeGreaterThan(serviceName.top);
      }
      expect(toggle().getBoundingClientRect().right).toBeLessThanOrEqual(360);
      const middle = (box: DOMRect) => (box.top + box.bottom) / 2;
      expect(Math.abs(middle(switchLanguage.getBoundingClientRect()) - middle(toggle().getBoundingClientRect()))).toBeLessThanOrEqual(3);
      // The phase is still said, in short.
      expect(banner.textContent).toContain(language === 'en' ? 'Pilot' : 'Peilot');
    });
  }

  it('fits 320 px wide: the language switch and the Menu button on screen, nothing wider than the screen', async () => {
    await page.viewport(320, 640);
    await renderHeader('cy');
    expect(link('English').getBoundingClientRect().right).toBeLessThanOrEqual(320);
    expect(toggle().getBoundingClientRect().right).toBeLessThanOrEqual(320);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
  });
});

describe('ServiceNavigation on a wide screen', () => {
  it('shows every link and no Menu button', async () => {
    await page.viewport(1024, 768);
    await renderHeader();
    expect(toggle().hidden).toBe(true);
    expect(toggle().getAttribute('aria-hidden')).toBe('true');
    expect(shown(toggle())).toBe(false);
    expect(list().hidden).toBe(false);
    expect(shown(link('Activity'))).toBe(true);
  });
});
