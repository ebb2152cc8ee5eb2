import type { OnBehalfRequest } from '../../wallet/share';
import type { Person } from '../../wallet/people';
import type { PersonId } from '../../wallet/shared';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { PersonMarker } from '../people/PersonMarker';
import { personOf } from '../people/use-people-list';
import { onBehalfWords } from './on-behalf-words';

/**
 * "Who is this for?" on a request answered on someone's behalf (docs/sharing.md, "On someone's
 * behalf"), a question on a page of its own (GOV.UK: one thing per page) before the consent:
 * radios, one per person Satchel may answer for (their own credential answers the request and
 * the holder holds a usable authority of the power asked), each with their marker, the holder's
 * label for them and the name their authority gives. Never the holder. Shown only when there is a
 * choice; `asker` is who is asking, as the consent screen says it.
 */
export function WhoIsThisFor({ onBehalf, people, value, asker, onChange, onContinue, onDecline, busy }: {
  onBehalf: OnBehalfRequest;
  people: Person[];
  value: PersonId;
  asker: string;
  busy: boolean;
  onChange(id: PersonId): void;
  onContinue(): void;
  onDecline(): void;
}) {
  const { t, language } = useI18n();
  const w = onBehalfWords(language);
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); onContinue(); }}>
      <div class="govuk-form-group" data-testid="who-is-this-for">
        <fieldset class="govuk-fieldset" aria-describedby="who-for-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
            <ScreenHeading class="govuk-fieldset__heading">{w('onBehalf.whoFor')}</ScreenHeading>
          </legend>
          <div id="who-for-hint" class="govuk-hint">{asker} {w('onBehalf.whoForHint')}</div>
          <div class="govuk-radios">
            {onBehalf.people.map((p) => (
              <div class="govuk-radios__item" key={p.personId}>
                <input class="govuk-radios__input" id={`for-${p.personId}`} name="for" type="radio" value={p.personId}
                  checked={p.personId === value} onChange={() => onChange(p.personId)} />
                <label class="govuk-label govuk-radios__label" for={`for-${p.personId}`}>
                  <PersonMarker person={personOf(people, p.personId)} />{p.donorName && <> ({p.donorName})</>}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="govuk-button-group">
        <button type="submit" id="continue" class="govuk-button">{t('form.continue')}</button>
        <button type="button" id="decline" class="govuk-button govuk-button--secondary" disabled={busy} onClick={onDecline}>{t('consent.cancel')}</button>
      </div>
    </form>
  );
}
