import type { Person } from '../../wallet/people';
import type { PersonId } from '../../wallet/shared';
import { useI18n } from '../i18n/context';
import { peopleWords } from './people-words';
import { PersonMarker } from './PersonMarker';

/**
 * "Whose is this?" on receiving (issue 16, docs/carers.md): GOV.UK radios, one per person with
 * their marker and name. Shown only when people other than the holder exist.
 */
export function WhoseIsThis({ people, value, onChange }: { people: Person[]; value: PersonId; onChange(id: PersonId): void }) {
  const { language } = useI18n();
  const words = peopleWords(language);
  return (
    <div class="govuk-form-group" data-testid="whose-is-this">
      <fieldset class="govuk-fieldset" aria-describedby="whose-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{words('receive.legend')}</legend>
        <div id="whose-hint" class="govuk-hint">{words('receive.hint')}</div>
        <div class="govuk-radios govuk-radios--small govuk-radios--inline">
          {people.map((person) => (
            <div class="govuk-radios__item" key={person.id}>
              <input class="govuk-radios__input" id={`whose-${person.id}`} name="whose" type="radio" value={person.id}
                checked={person.id === value} onChange={() => onChange(person.id)} />
              <label class="govuk-label govuk-radios__label" for={`whose-${person.id}`}><PersonMarker person={person} /></label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
