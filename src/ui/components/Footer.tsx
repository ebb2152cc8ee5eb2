import { useI18n } from '../i18n/context';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p class="govuk-body-s">{t('footer.privacy')}</p>
            <p class="govuk-body-s">{t('footer.version', { version: __APP_VERSION__ })}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
