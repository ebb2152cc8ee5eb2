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

/** Forgotten PIN: the recovery code saved at set-up unlocks, and a new PIN is chosen. */
export function RecoverScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, submit } = useSubmit(async () => {
    const problems = [
      ...(code.trim() ? [] : [{ field: 'recovery-code', text: t('recover.error.empty') }]),
      ...newPinErrors(t, pin, confirmation),
    ];
    setErrors(problems);
    if (problems.length) return;
    try {
      await vault.unlockWithRecoveryCode(code, pin);
      navigate('/');
    } catch (error) {
      const field = error instanceof Error && 'code' in error && error.code === 'wrong-recovery-code' ? 'recovery-code' : 'new-pin';
      setErrors([{ field, text: vaultErrorMessage(t, error) }]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('recover.title')}</ScreenHeading>
      <p class="govuk-body">{t('recover.intro')}</p>
      <TextField
        id="recovery-code"
        label={t('recover.codeLabel')}
        hint={t('recover.codeHint')}
        value={code}
        onInput={setCode}
        autocomplete="off"
        error={errorFor(errors, 'recovery-code')}
      />
      <NewPinFields pin={pin} confirmation={confirmation} onPin={setPin} onConfirmation={setConfirmation} errors={errors} />
      <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>{t('recover.button')}</button>
      <p class="govuk-body"><Link class="govuk-link" href="/">{t('recover.back')}</Link></p>
    </form>
  );
}
