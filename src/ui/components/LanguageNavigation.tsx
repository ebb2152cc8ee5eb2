import { useI18n } from '../i18n/context';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/translate';

/** GOV.UK language navigation: the current language as text, the other as a link in its own language. */
export function LanguageNavigation({ class: className }: { class?: string }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <nav class={`govuk-language-navigation${className ? ` ${className}` : ''}`} aria-label={t('language.label')}>
      <ul class="govuk-language-navigation__list">
        {LANGUAGES.map((code) => (
          <li class="govuk-language-navigation__list-item" key={code}>
            {code === language ? (
              <span class="govuk-language-navigation__text" lang={code} aria-current="true">{LANGUAGE_NAMES[code]}</span>
            ) : (
              <a
                class="govuk-language-navigation__link"
                href={`?lang=${code}`}
                lang={code}
                hreflang={code}
                rel="alternate"
                onClick={(event) => {
                  event.preventDefault();
                  setLanguage(code);
                }}
              >
                {LANGUAGE_NAMES[code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
