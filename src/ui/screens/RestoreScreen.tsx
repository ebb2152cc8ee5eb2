import { useState } from 'preact/hooks';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { NewPinFields } from '../vault/NewPinFields';
import { newPinErrors } from '../vault/new-pin';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

const FIELD_FOR_ERROR: Record<string, string> = {
  'backup-corrupt': 'backup-file',
  'backup-too-new': 'backup-file',
  'backup-wrong-passphrase': 'restore-passphrase',
};

/** Restore a backup file into this browser and choose a PIN for it. */
export function RestoreScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, submit } = useSubmit(async () => {
    const problems: FieldError[] = [];
    if (!file) problems.push({ field: 'backup-file', text: t('restore.error.noFile') });
    if (!passphrase) problems.push({ field: 'restore-passphrase', text: t('restore.error.noPassphrase') });
    problems.push(...newPinErrors(t, pin, confirmation));
    setErrors(problems);
    if (problems.length || !file) return;
    try {
      await vault.restoreBackup(file, passphrase, pin);
      navigate('/');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      setErrors([{ field: FIELD_FOR_ERROR[code] ?? 'backup-file', text: vaultErrorMessage(t, error) }]);
    }
  });
  const fileError = errorFor(errors, 'backup-file');
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('restore.title')}</ScreenHeading>
      <p class="govuk-body">{t('restore.intro')}</p>
      <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="backup-file">{t('restore.file')}</label>
        {fileError && (
          <p id="backup-file-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {fileError}
          </p>
        )}
        <input
          class={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
          id="backup-file"
          type="file"
          accept=".satchel,application/octet-stream"
          aria-describedby={fileError ? 'backup-file-error' : undefined}
          onChange={(event) => setFile((event.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <TextField id="restore-passphrase" label={t('restore.passphrase')} type="password" revealable autocomplete="off"
        value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'restore-passphrase')} />
      <NewPinFields pin={pin} confirmation={confirmation} onPin={setPin} onConfirmation={setConfirmation} errors={errors} />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>{busy ? t('restore.working') : t('restore.button')}</button>
        <Link class="govuk-link" href="/">{t('form.cancel')}</Link>
      </div>
    </form>
  );
}
