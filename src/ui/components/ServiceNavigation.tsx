import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/context';
import { Link, usePath, useScreenKey } from '../router';
import { useVault } from '../vault/VaultContext';
import { LanguageNavigation } from './LanguageNavigation';
import { useMediaQuery } from './use-media-query';

const NAV_ITEMS: { href: string; label: MessageKey; unlockedOnly?: boolean }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/check', label: 'nav.check', unlockedOnly: true },
  { href: '/activity', label: 'nav.activity', unlockedOnly: true },
  { href: '/settings', label: 'nav.settings', unlockedOnly: true },
  { href: '/about', label: 'nav.about' },
];

/** GOV.UK Frontend's tablet breakpoint ($govuk-breakpoints: tablet 641px = 40.0625em). */
const WIDE_SCREEN = '(min-width: 40.0625em)';
const MENU_ID = 'service-navigation-menu';

/**
 * GOV.UK service navigation with the service name, the screens and the language switch. Below the
 * tablet breakpoint the links collapse behind a "Menu" button, as GOV.UK Frontend's own script does
 * (service-navigation.mjs: the toggle gets aria-expanded and the list the hidden attribute; on wide
 * screens the toggle is hidden and the list shown) — written here because the CSP allows only
 * Satchel's own scripts, and so the screen belongs to the task, not to the menu.
 */
export function ServiceNavigation() {
  const { t } = useI18n();
  const path = usePath();
  const { state } = useVault();
  const wide = useMediaQuery(WIDE_SCREEN);
  const [open, setOpen] = useState(false);
  // A new screen closes the menu however it came (a menu link, Back, a link on the page).
  const screenKey = useScreenKey();
  useEffect(() => setOpen(false), [screenKey]);
  const items = NAV_ITEMS.filter((item) => !item.unlockedOnly || state === 'unlocked');
  return (
    <section aria-label={t('app.name')} class="govuk-service-navigation">
      <div class="govuk-width-container govuk-service-navigation__inlining-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <Link href="/" class="govuk-service-navigation__link">{t('app.name')}</Link>
          </span>
          {/* On a phone the language switch and the Menu button share the service name's line. */}
          {!wide && <LanguageNavigation class="satchel-language-navigation--inline" />}
          <nav aria-label={t('nav.label')} class="govuk-service-navigation__wrapper">
            <button type="button" class="govuk-service-navigation__toggle" aria-controls={MENU_ID}
              hidden={wide} aria-hidden={wide ? 'true' : undefined} aria-expanded={wide ? undefined : open}
              onClick={() => setOpen(!open)}>
              {t('nav.label')}
            </button>
            <ul class="govuk-service-navigation__list" id={MENU_ID} hidden={!wide && !open}>
              {items.map(({ href, label }) => {
                const current = path === href;
                return (
                  <li key={href} class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link class="govuk-service-navigation__link" href={href} aria-current={current ? 'page' : undefined}
                      onClick={() => setOpen(false)}>
                      {current ? <strong class="govuk-service-navigation__active-fallback">{t(label)}</strong> : t(label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
        {wide && <LanguageNavigation />}
      </div>
    </section>
  );
}
