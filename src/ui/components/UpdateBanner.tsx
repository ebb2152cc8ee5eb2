import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { NotificationBanner } from './NotificationBanner';

/** Offers a waiting new version; nothing happens until the person chooses "Update now". */
export function UpdateBanner({ applyUpdate, onDismiss }: { applyUpdate: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  const [updating, setUpdating] = useState(false);
  return (
    <NotificationBanner title={t('update.title')} testId="update-banner">
      <p class="govuk-body">{t('update.body')}</p>
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button"
          disabled={updating}
          aria-disabled={updating}
          onClick={() => {
            setUpdating(true);
            applyUpdate();
          }}
        >
          {updating ? t('update.updating') : t('update.accept')}
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onDismiss} disabled={updating}>
          {t('update.dismiss')}
        </button>
      </div>
    </NotificationBanner>
  );
}
