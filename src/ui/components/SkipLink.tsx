import { useI18n } from '../i18n/context';

export const MAIN_CONTENT_ID = 'main-content';

/** GOV.UK skip link: the first thing a keyboard or screen-reader user reaches (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useI18n();
  return <a href={`#${MAIN_CONTENT_ID}`} class="govuk-skip-link">{t('skipLink')}</a>;
}
