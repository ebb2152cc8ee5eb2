import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { ScreenHeading } from '../components/ScreenHeading';

/** First visit: nothing is stored yet. */
export function StartScreen() {
  const { t } = useI18n();
  return (
    <>
      <ScreenHeading>{t('start.title')}</ScreenHeading>
      <p class="govuk-body-l">{t('start.lead')}</p>
      <p class="govuk-body">{t('start.pin')}</p>
      <p class="govuk-body">{t('start.private')}</p>
      <Link href="/setup" class="govuk-button govuk-button--start" role="button" draggable={false}>
        {t('start.button')}
      </Link>
      <h2 class="govuk-heading-m">{t('start.restoreTitle')}</h2>
      <p class="govuk-body">
        <Link class="govuk-link" href="/restore">{t('start.restoreLink')}</Link>
      </p>
    </>
  );
}
