import { NotificationBanner } from '../components/NotificationBanner';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { useStorageStatus } from './useStorageStatus';

/** Warns when the browser may clear the wallet (no persistence) or space is running out. */
export function StorageWarning() {
  const { t } = useI18n();
  const { status } = useStorageStatus();
  if (!status || (status.persisted !== false && !status.lowSpace)) return null;
  return (
    <NotificationBanner title={t('storage.warning.title')} testId="storage-warning">
      <p class="govuk-body">{status.lowSpace ? t('storage.warning.lowSpace') : t('storage.warning.notPersisted')}</p>
      <p class="govuk-body">
        <Link class="govuk-notification-banner__link" href="/settings/backup">{t('storage.warning.backup')}</Link>
      </p>
    </NotificationBanner>
  );
}
