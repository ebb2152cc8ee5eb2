import type { Person } from '../../wallet/people';
import type { PersonId } from '../../wallet/shared';
import { useI18n } from '../i18n/context';
import { peopleWords } from './people-words';
import { PersonMarker } from './PersonMarker';
import './person-switcher.scss';

/**
 * "Showing: You | Mum" (issue 16): whose credentials the home screen lists. Toggle buttons
 * (aria-pressed), one per person with their marker and name; choosing one changes only what is
 * listed below, so it is a button, not a link.
 */
export function PersonSwitcher({ people, selected, onSelect }: { people: Person[]; selected: PersonId; onSelect(id: PersonId): void }) {
  const { language } = useI18n();
  const words = peopleWords(language);
  return (
    <nav class="satchel-person-switcher" aria-label={words('switcher.label')} data-testid="person-switcher">
      <span class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0" aria-hidden="true">{words('switcher.showing')}</span>
      <ul class="satchel-person-switcher__list">
        {people.map((person) => (
          <li key={person.id}>
            <button type="button" class="satchel-person-switcher__button" aria-pressed={person.id === selected}
              onClick={() => onSelect(person.id)}>
              <PersonMarker person={person} />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
