import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { ScreenHeading } from '../components/ScreenHeading';

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <>
      <ScreenHeading>{t('notFound.title')}</ScreenHeading>
      <p class="govuk-body">{t('notFound.body')}</p>
      <p class="govuk-body"><Link class="govuk-link" href="/">{t('notFound.home')}</Link></p>
    </>
  );
}
