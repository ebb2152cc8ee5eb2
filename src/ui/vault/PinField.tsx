import { errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';

/** A PIN or passphrase input: hidden with a Show button, sized for a PIN, its error from the form's list. */
export function PinField({ id, label, hint, value, onInput, errors, autocomplete = 'current-password' }: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput(value: string): void;
  errors: FieldError[];
  autocomplete?: 'current-password' | 'new-password';
}) {
  return (
    <TextField id={id} label={label} hint={hint} type="password" revealable autocomplete={autocomplete}
      widthClass="govuk-input--width-20" value={value} onInput={onInput} error={errorFor(errors, id)} />
  );
}
