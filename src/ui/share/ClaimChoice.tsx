import type { ClaimPath } from '../../wallet/shared';
import type { DisplayName } from '../../wallet/shared';
import { NameText } from '../components/NameText';

export const pathKey = (path: ClaimPath) => JSON.stringify(path);

/**
 * GOV.UK checkboxes: one per claim the person may share; ticked ones are shared. `idPrefix` keeps
 * the input ids unique when one screen shows a choice per credential (an answer of several, §6.4.2).
 */
export function ClaimChoice({ legend, claims, chosen, onChange, idPrefix = 'claim', retainedHint }: {
  legend: string;
  idPrefix?: string;
  claims: { path: ClaimPath; label: DisplayName; retained?: true }[];
  /** Said under a claim the verifier will keep (OpenID4VP 1.0 B.2.4 intent_to_retain). */
  retainedHint?: string;
  chosen: Set<string>;
  onChange(next: Set<string>): void;
}) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-checkboxes govuk-checkboxes--small">
          {claims.map(({ path, label, retained }, i) => {
            const key = pathKey(path);
            const hint = retained && retainedHint ? `${idPrefix}-${i}-hint` : undefined;
            return (
              <div class="govuk-checkboxes__item" key={key}>
                <input class="govuk-checkboxes__input" id={`${idPrefix}-${i}`} type="checkbox" checked={chosen.has(key)} aria-describedby={hint}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if ((event.currentTarget as HTMLInputElement).checked) next.add(key);
                    else next.delete(key);
                    onChange(next);
                  }} />
                <label class="govuk-label govuk-checkboxes__label" for={`${idPrefix}-${i}`}><NameText name={label} /></label>
                {hint && <div id={hint} class="govuk-hint govuk-checkboxes__hint" data-testid="retained-hint">{retainedHint}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * A credential that cannot disclose selectively (a JWT VC such as the veteran card) is shared
 * whole: no checkboxes, a plain statement that everything goes, and the list of what that is.
 */
export function WholeCredential({ statement, claims, testId = 'whole-credential' }: {
  statement: string;
  claims: { path: ClaimPath; label: DisplayName }[];
  testId?: string;
}) {
  return (
    <div class="govuk-form-group" data-testid={testId}>
      <p class="govuk-body govuk-!-font-weight-bold">{statement}</p>
      <ul class="govuk-list govuk-list--bullet">
        {claims.map(({ path, label }) => <li key={pathKey(path)}><NameText name={label} /></li>)}
      </ul>
    </div>
  );
}
