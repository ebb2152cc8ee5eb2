import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n/context';

export interface FieldError {
  /** id of the field the error is about; the summary links to it. */
  field: string;
  text: string;
}

/** GOV.UK error summary: focused when it appears so screen readers announce it (WCAG 3.3.1). */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n();
  const summary = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.text}`).join('|');
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" ref={summary} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t('form.errorSummaryTitle')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map(({ field, text }) => (
              <li key={field + text}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field)?.focus();
                  }}
                >
                  {text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The error for one field, if any. */
export const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.text;
