import { MIN_PIN_LENGTH } from '../../wallet/vault';
import type { FieldError } from '../components/form/ErrorSummary';
import { useI18n } from '../i18n/context';
import { PinField } from './PinField';

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
      <PinField id="new-pin" label={t('pin.new.label')} hint={t('pin.new.hint', { min: MIN_PIN_LENGTH })} autocomplete="new-password"
        value={pin} onInput={onPin} errors={errors} />
      <PinField id="confirm-pin" label={t('pin.confirm.label')} autocomplete="new-password" keyboardChoice={false} value={confirmation} onInput={onConfirmation} errors={errors} />
    </>
  );
}
