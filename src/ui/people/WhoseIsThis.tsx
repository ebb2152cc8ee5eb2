import type { Person } from '../../wallet/people';
import type { PersonId } from '../../wallet/shared';
import { useI18n } from '../i18n/context';
import { peopleWords } from './people-words';
import { PersonMarker } from './PersonMarker';
import './whose-is-this.scss';

/**
 * "Whose is this?" on receiving (issue 16, docs/carers.md): GOV.UK radios, one per person with
 * their marker and name, side by side. Shown only when people other than the holder exist; what
 * the choice does is said under the offer's buttons (receive.hint), so that "Add to Satchel" stays in view.
 */
export function WhoseIsThis({ people, value, onChange }: { people: Person[]; value: PersonId; onChange(id: PersonId): void }) {
  const { language } = useI18n();
  const words = peopleWords(language);
  return (
    <div class="govuk-form-group" data-testid="whose-is-this">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{words('receive.legend')}</legend>
        <div class="govuk-radios govuk-radios--small satchel-radios--row">
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
