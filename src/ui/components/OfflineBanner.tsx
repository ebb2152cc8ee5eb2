import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { NotificationBanner } from './NotificationBanner';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Says plainly that the phone is offline and what still works. */
export function OfflineBanner() {
  const { t } = useI18n();
  if (useOnline()) return null;
  return (
    <div role="status">
      <NotificationBanner title={t('offline.title')} testId="offline-banner">
        <p class="govuk-body">{t('offline.body')}</p>
      </NotificationBanner>
    </div>
  );
}
