import { useI18n } from '../i18n/context';

export function PhaseBanner() {
  const { t } = useI18n();
  return (
    <div class="govuk-phase-banner">
      <p class="govuk-phase-banner__content">
        <strong class="govuk-tag govuk-phase-banner__content__tag">{t('phase.tag')}</strong>
        <span class="govuk-phase-banner__text">{t('phase.text')}</span>
      </p>
    </div>
  );
}
