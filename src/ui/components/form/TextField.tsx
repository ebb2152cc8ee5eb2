import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/context';

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'password';
  autocomplete?: string;
  /** The on-screen keyboard (number pad for 'numeric'), for password fields too: a PIN is hidden digits. */
  inputMode?: 'text' | 'numeric';
  /** GOV.UK width class, e.g. 'govuk-input--width-10'. */
  widthClass?: string;
  spellcheck?: boolean;
  /** Password fields get GOV.UK's show/hide toggle. */
  revealable?: boolean;
}

/** GOV.UK text input (or password input) with label, hint and error message wired for assistive tech. */
export function TextField(props: TextFieldProps) {
  const { t } = useI18n();
  const { id, label, hint, error, value, onInput, autocomplete, inputMode, widthClass, revealable } = props;
  const [revealed, setRevealed] = useState(false);
  const type = props.type === 'password' && !revealed ? 'password' : 'text';
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    class: `govuk-input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}${revealable ? ' govuk-password-input__input' : ''}`,
    id,
    name: id,
    value,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    autocomplete,
    spellcheck: props.spellcheck ?? false,
    autocapitalize: 'none' as const,
    'aria-describedby': describedBy,
  };
  // Two literal elements because preact types each input `type` with its own attributes.
  const input = type === 'password' ? <input {...common} type="password" inputMode={inputMode} /> : <input {...common} type="text" inputMode={inputMode} />;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${revealable ? ' govuk-password-input' : ''}`}>
      <label class="govuk-label govuk-label--s" for={id}>{label}</label>
      {hint && <div id={`${id}-hint`} class="govuk-hint">{hint}</div>}
      {error && (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      {revealable ? (
        <div class="govuk-input__wrapper govuk-password-input__wrapper">
          {input}
          <button
            type="button"
            class="govuk-button govuk-button--secondary govuk-password-input__toggle"
            aria-controls={id}
            aria-label={revealed ? t('form.hideLabel', { label }) : t('form.showLabel', { label })}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? t('form.hide') : t('form.show')}
          </button>
        </div>
      ) : input}
    </div>
  );
}
