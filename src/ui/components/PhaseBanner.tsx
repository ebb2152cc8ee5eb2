import { useI18n } from '../i18n/context';

/** GOV.UK phase banner; on a phone it says the phase in a few words, on one line (styles/app.scss). */
export function PhaseBanner() {
  const { t } = useI18n();
  return (
    <div class="govuk-phase-banner">
      <p class="govuk-phase-banner__content">
        <strong class="govuk-tag govuk-phase-banner__content__tag">{t('phase.tag')}</strong>
        <span class="govuk-phase-banner__text satchel-wide-only">{t('phase.text')}</span>
        <span class="govuk-phase-banner__text satchel-narrow-only">{t('phase.textShort')}</span>
      </p>
    </div>
  );
}
