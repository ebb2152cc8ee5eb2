import { MIN_PIN_LENGTH } from '../../wallet/vault-api';
import { errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useI18n } from '../i18n/context';

/** "Choose a PIN" and "Enter it again", as used by set-up, recovery, change PIN and restore. */
export function NewPinFields({ pin, confirmation, onPin, onConfirmation, errors }: {
  pin: string;
  confirmation: string;
  onPin(value: string): void;
  onConfirmation(value: string): void;
  errors: FieldError[];
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id="new-pin"
        label={t('pin.new.label')}
        hint={t('pin.new.hint', { min: MIN_PIN_LENGTH })}
        type="password"
        revealable
        autocomplete="new-password"
        widthClass="govuk-input--width-20"
        value={pin}
        onInput={onPin}
        error={errorFor(errors, 'new-pin')}
      />
      <TextField
        id="confirm-pin"
        label={t('pin.confirm.label')}
        type="password"
        revealable
        autocomplete="new-password"
        widthClass="govuk-input--width-20"
        value={confirmation}
        onInput={onConfirmation}
        error={errorFor(errors, 'confirm-pin')}
      />
    </>
  );
}
