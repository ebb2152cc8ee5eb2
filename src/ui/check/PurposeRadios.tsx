import type { Purpose } from '../../wallet/shared';

export interface PurposeOption {
  purpose: Purpose;
  label: string;
  hint: string;
}

/**
 * "What do you need to check?": the checker's purposes as small radios, each with a one-line hint
 * of what it asks for, so the purposes, the name and the button fit a phone's first screen. Used
 * by the Satchel check (CheckScreen) and the driving licence check (LicenceCheckScreen).
 */
export function PurposeRadios({ legend, options, value, onChange }: {
  legend: string;
  options: PurposeOption[];
  value: Purpose;
  onChange(purpose: Purpose): void;
}) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-radios govuk-radios--small">
          {options.map(({ purpose, label, hint }) => (
            <div class="govuk-radios__item" key={purpose}>
              <input class="govuk-radios__input" id={`purpose-${purpose}`} name="purpose" type="radio" value={purpose}
                checked={value === purpose} onChange={() => onChange(purpose)} aria-describedby={`purpose-${purpose}-hint`} />
              <label class="govuk-label govuk-radios__label" for={`purpose-${purpose}`}>{label}</label>
              <div id={`purpose-${purpose}-hint`} class="govuk-hint govuk-radios__hint govuk-!-font-size-16">{hint}</div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
