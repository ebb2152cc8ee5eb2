import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { PinField } from '../vault/PinField';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

/** The smallest backup passphrase we accept: it guards everything, off the phone. */
export const MIN_BACKUP_PASSPHRASE_LENGTH = 10;

/** Make an encrypted backup file of everything in the wallet. */
export function BackupScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [pin, setPin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [file, setFile] = useState<{ url: string; name: string }>();
  useEffect(() => () => file && URL.revokeObjectURL(file.url), [file]);

  const { busy, submit } = useSubmit(async () => {
    const problems: FieldError[] = [];
    if (!pin) problems.push({ field: 'backup-pin', text: t('pin.error.emptyCurrent') });
    if (passphrase.length < MIN_BACKUP_PASSPHRASE_LENGTH) problems.push({ field: 'backup-passphrase', text: t('backup.error.short', { min: MIN_BACKUP_PASSPHRASE_LENGTH }) });
    else if (confirmation !== passphrase) problems.push({ field: 'backup-confirm', text: t('backup.error.mismatch') });
    setErrors(problems);
    if (problems.length) return;
    try {
      const blob = await vault.exportBackup(pin, passphrase);
      setFile({ url: URL.createObjectURL(blob), name: `satchel-backup-${new Date().toISOString().slice(0, 10)}.satchel` });
    } catch (error) {
      setErrors([{ field: 'backup-pin', text: vaultErrorMessage(t, error) }]);
    }
  });

  if (file) {
    return (
      <>
        <ScreenHeading>{t('backup.ready.title')}</ScreenHeading>
        <p class="govuk-body">{t('backup.ready.intro')}</p>
        <a class="govuk-button" href={file.url} download={file.name} data-testid="backup-download">{t('backup.ready.download')}</a>
        <p class="govuk-body">{t('backup.ready.where')}</p>
        <p class="govuk-body"><Link class="govuk-link" href="/settings">{t('backup.ready.back')}</Link></p>
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('backup.title')}</ScreenHeading>
      <p class="govuk-body">{t('backup.intro')}</p>
      <PinField id="backup-pin" label={t('backup.pin')} value={pin} onInput={setPin} errors={errors} />
      <TextField id="backup-passphrase" label={t('backup.passphrase')} hint={t('backup.passphraseHint', { min: MIN_BACKUP_PASSPHRASE_LENGTH })}
        type="password" revealable autocomplete="new-password" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'backup-passphrase')} />
      <TextField id="backup-confirm" label={t('backup.confirm')} type="password" revealable autocomplete="new-password"
        value={confirmation} onInput={setConfirmation} error={errorFor(errors, 'backup-confirm')} />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>{busy ? t('backup.working') : t('backup.button')}</button>
        <Link class="govuk-link" href="/settings">{t('form.cancel')}</Link>
      </div>
    </form>
  );
}
