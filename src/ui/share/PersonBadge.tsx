import type { Person } from '../../wallet/people';
import { useI18n } from '../i18n/context';
import { personName } from '../people/people-words';
import '../people/person-marker.scss';

/**
 * A person's marker badge alone (their coloured initial, decorative), for a line that names them
 * in its own words right after it ("Mum’s driving licence from …"): PersonMarker would say the
 * name twice. Same look as PersonMarker's badge (src/ui/people/person-marker.scss).
 */
export function PersonBadge({ person }: { person: Pick<Person, 'id' | 'name' | 'marker'> }) {
  const { language } = useI18n();
  const initial = Array.from(personName(person, language))[0]?.toLocaleUpperCase(language) ?? '';
  return (
    <span class={`satchel-person__badge satchel-person__badge--${person.marker} govuk-!-margin-right-1`} aria-hidden="true" data-testid="person-badge" data-person={person.id}>{initial}</span>
  );
}
