import { useRef } from 'preact/hooks';
import { errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useI18n } from '../i18n/context';
import { usePinKeyboard } from './pin-keyboard';

/**
 * A PIN or passphrase input: hidden with a Show button, sized for a PIN, its error from the form's
 * list. It brings up the number pad; "Use a passphrase instead" switches to the full keyboard
 * (pin-keyboard.ts). `keyboardChoice={false}` leaves the switch to another field on the page.
 */
export function PinField({ id, label, hint, value, onInput, errors, autocomplete = 'current-password', keyboardChoice = true }: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput(value: string): void;
  errors: FieldError[];
  autocomplete?: 'current-password' | 'new-password';
  keyboardChoice?: boolean;
}) {
  const { t } = useI18n();
  const [keyboard, setKeyboard] = usePinKeyboard();
  const field = useRef<HTMLDivElement>(null);
  const switchKeyboard = () => {
    setKeyboard(keyboard === 'numeric' ? 'text' : 'numeric');
    // Back to the field, so the new keyboard comes up where the person is typing.
    field.current?.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  };
  return (
    <div ref={field}>
      <TextField id={id} label={label} hint={hint} type="password" revealable autocomplete={autocomplete} inputMode={keyboard}
        widthClass="govuk-input--width-20" value={value} onInput={onInput} error={errorFor(errors, id)} />
      {keyboardChoice && (
        <p class="govuk-body-s satchel-pin-keyboard">
          <button type="button" class="satchel-link-button" data-testid={`${id}-keyboard`} onClick={switchKeyboard}>
            {keyboard === 'numeric' ? t('pin.usePassphrase') : t('pin.useNumbers')}
          </button>
        </p>
      )}
    </div>
  );
}
