import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/context';
import { Link, usePath } from '../router';
import { useVault } from '../vault/VaultContext';
import { LanguageNavigation } from './LanguageNavigation';

const NAV_ITEMS: { href: string; label: MessageKey; unlockedOnly?: boolean }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/check', label: 'nav.check', unlockedOnly: true },
  { href: '/activity', label: 'nav.activity', unlockedOnly: true },
  { href: '/settings', label: 'nav.settings', unlockedOnly: true },
  { href: '/about', label: 'nav.about' },
];

/** GOV.UK service navigation with the service name, the screens and the language switch. */
export function ServiceNavigation() {
  const { t } = useI18n();
  const path = usePath();
  const { state } = useVault();
  const items = NAV_ITEMS.filter((item) => !item.unlockedOnly || state === 'unlocked');
  return (
    <section aria-label={t('app.name')} class="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <Link href="/" class="govuk-service-navigation__link">{t('app.name')}</Link>
          </span>
          <nav aria-label={t('nav.label')} class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list">
              {items.map(({ href, label }) => {
                const current = path === href;
                return (
                  <li key={href} class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link class="govuk-service-navigation__link" href={href} aria-current={current ? 'page' : undefined}>
                      {current ? <strong class="govuk-service-navigation__active-fallback">{t(label)}</strong> : t(label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
        <LanguageNavigation />
      </div>
    </section>
  );
}
