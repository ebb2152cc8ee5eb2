import { useEffect, useState } from 'preact/hooks';
import type { StorageStatus, VaultSettings } from '../../wallet/vault';
import { NotificationBanner } from '../components/NotificationBanner';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { formatBytes, formatNumber } from '../i18n/format';
import type { Language, Translate } from '../i18n/translate';
import { Link } from '../router';
import { useStorageStatus } from '../vault/useStorageStatus';
import { useVault } from '../vault/VaultContext';

export const AUTO_LOCK_CHOICES_MINUTES = [1, 2, 5, 10, 30];

function storageText(t: Translate, language: Language, status: StorageStatus | undefined): { persisted: string; usage: string } {
  if (!status) return { persisted: t('feature.unknown'), usage: t('feature.unknown') };
  const persisted = status.persisted === 'unsupported' ? t('storage.persisted.unsupported') : status.persisted ? t('storage.persisted.yes') : t('storage.persisted.no');
  const usage = status.usageBytes !== undefined && status.quotaBytes !== undefined
    ? t('storage.usage', { used: formatBytes(status.usageBytes, language), quota: formatBytes(status.quotaBytes, language) })
    : t('feature.unknown');
  return { persisted, usage };
}

export function SettingsScreen() {
  const { t, language } = useI18n();
  const { vault, settingsChanged } = useVault();
  const [settings, setSettings] = useState<VaultSettings>();
  const [saved, setSaved] = useState(false);
  const { status, refresh } = useStorageStatus();
  const pinChanged = new URLSearchParams(location.search).get('changed') === 'pin';
  useEffect(() => {
    void vault.settings().then(setSettings);
  }, [vault]);
  const storage = storageText(t, language, status);

  return (
    <>
      {pinChanged && (
        <NotificationBanner title={t('settings.done')} testId="pin-changed"><p class="govuk-body">{t('settings.pinChanged')}</p></NotificationBanner>
      )}
      <ScreenHeading>{t('settings.title')}</ScreenHeading>

      <h2 class="govuk-heading-m">{t('settings.unlocking')}</h2>
      <p class="govuk-body"><Link class="govuk-link" href="/settings/change-pin">{t('settings.changePin')}</Link></p>
      <p class="govuk-body"><Link class="govuk-link" href="/settings/passkey">{t('settings.passkey')}</Link></p>

      {settings && (
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            await vault.updateSettings(settings);
            settingsChanged();
            setSaved(true);
          }}
        >
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="auto-lock">{t('settings.autoLock')}</label>
            <div id="auto-lock-hint" class="govuk-hint">{t('settings.autoLockHint')}</div>
            <select
              class="govuk-select"
              id="auto-lock"
              aria-describedby="auto-lock-hint"
              value={String(settings.autoLockMinutes)}
              onChange={(event) => {
                setSaved(false);
                setSettings({ ...settings, autoLockMinutes: Number((event.currentTarget as HTMLSelectElement).value) });
              }}
            >
              {AUTO_LOCK_CHOICES_MINUTES.map((minutes) => (
                <option key={minutes} value={String(minutes)}>{t(minutes === 1 ? 'settings.minute' : 'settings.minutes', { count: formatNumber(minutes, language) })}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary">{t('settings.save')}</button>
          {saved && <p class="govuk-body" role="status">{t('settings.saved')}</p>}
        </form>
      )}

      <h2 class="govuk-heading-m">{t('settings.backupTitle')}</h2>
      <p class="govuk-body">{t('settings.backupIntro')}</p>
      <p class="govuk-body"><Link class="govuk-link" href="/settings/backup">{t('settings.backupLink')}</Link></p>

      <h2 class="govuk-heading-m">{t('settings.storageTitle')}</h2>
      <dl class="govuk-summary-list" data-testid="storage-status">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('storage.persisted')}</dt>
          <dd class="govuk-summary-list__value">{storage.persisted}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('storage.used')}</dt>
          <dd class="govuk-summary-list__value">{storage.usage}</dd>
        </div>
      </dl>
      {status?.persisted === false && (
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void vault.requestPersistentStorage().then(refresh)}>
          {t('storage.ask')}
        </button>
      )}

      <h2 class="govuk-heading-m">{t('settings.lockTitle')}</h2>
      {/* Not destructive (nothing is lost; unlocking brings everything back): a secondary button, not a warning one. */}
      <button type="button" class="govuk-button govuk-button--secondary" onClick={() => vault.lock()}>{t('settings.lockNow')}</button>
    </>
  );
}
