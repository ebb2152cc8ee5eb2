import { useState } from 'preact/hooks';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { NewPinFields } from '../vault/NewPinFields';
import { PinField } from '../vault/PinField';
import { newPinErrors } from '../vault/new-pin';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

export function ChangePinScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, submit } = useSubmit(async () => {
    const problems = [
      ...(current ? [] : [{ field: 'current-pin', text: t('pin.error.emptyCurrent') }]),
      ...newPinErrors(t, pin, confirmation),
    ];
    setErrors(problems);
    if (problems.length) return;
    try {
      await vault.changePin(current, pin);
      navigate('/settings?changed=pin');
    } catch (error) {
      setErrors([{ field: 'current-pin', text: vaultErrorMessage(t, error) }]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('changePin.title')}</ScreenHeading>
      <PinField id="current-pin" label={t('changePin.current')} value={current} onInput={setCurrent} errors={errors} />
      <NewPinFields pin={pin} confirmation={confirmation} onPin={setPin} onConfirmation={setConfirmation} errors={errors} />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>{t('changePin.button')}</button>
        <Link class="govuk-link" href="/settings">{t('form.cancel')}</Link>
      </div>
    </form>
  );
}
