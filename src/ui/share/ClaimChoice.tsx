import type { ClaimPath } from '../../wallet/shared';
import type { DisplayName } from '../../wallet/shared';
import { NameText } from '../components/NameText';

export const pathKey = (path: ClaimPath) => JSON.stringify(path);

/**
 * GOV.UK checkboxes: one per claim the person may share; ticked ones are shared. `idPrefix` keeps
 * the input ids unique when one screen shows a choice per credential (an answer of several, §6.4.2).
 */
export function ClaimChoice({ legend, claims, chosen, onChange, idPrefix = 'claim', retainedHint, beyondHint }: {
  legend: string;
  idPrefix?: string;
  claims: { path: ClaimPath; label: DisplayName; retained?: true; beyondRegistration?: true }[];
  /** Said under a claim the verifier will keep (OpenID4VP 1.0 B.2.4 intent_to_retain). */
  retainedHint?: string;
  /** Said under a claim a registered verifier asks for beyond its registration (docs/sharing.md, "Who is asking"). */
  beyondHint?: string;
  chosen: Set<string>;
  onChange(next: Set<string>): void;
}) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-checkboxes govuk-checkboxes--small">
          {claims.map(({ path, label, retained, beyondRegistration }, i) => {
            const key = pathKey(path);
            const hint = retained && retainedHint ? `${idPrefix}-${i}-hint` : undefined;
            const beyond = beyondRegistration && beyondHint ? `${idPrefix}-${i}-beyond` : undefined;
            const describedBy = [beyond, hint].filter(Boolean).join(' ') || undefined;
            return (
              <div class="govuk-checkboxes__item" key={key}>
                <input class="govuk-checkboxes__input" id={`${idPrefix}-${i}`} type="checkbox" checked={chosen.has(key)} aria-describedby={describedBy}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if ((event.currentTarget as HTMLInputElement).checked) next.add(key);
                    else next.delete(key);
                    onChange(next);
                  }} />
                <label class="govuk-label govuk-checkboxes__label" for={`${idPrefix}-${i}`}><NameText name={label} /></label>
                {beyond && <div id={beyond} class="govuk-hint govuk-checkboxes__hint" data-testid="beyond-hint">{beyondHint}</div>}
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
export function WholeCredential({ statement, claims, testId = 'whole-credential', beyondHint }: {
  statement: string;
  claims: { path: ClaimPath; label: DisplayName; beyondRegistration?: true }[];
  testId?: string;
  /** Said beside a claim a registered verifier gets beyond its registration. */
  beyondHint?: string;
}) {
  return (
    <div class="govuk-form-group" data-testid={testId}>
      <p class="govuk-body govuk-!-font-weight-bold">{statement}</p>
      <ul class="govuk-list govuk-list--bullet">
        {claims.map(({ path, label, beyondRegistration }) => (
          <li key={pathKey(path)}>
            <NameText name={label} />
            {beyondRegistration && beyondHint && <span class="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0" data-testid="beyond-hint">{beyondHint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
