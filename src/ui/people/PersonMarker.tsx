import type { Person } from '../../wallet/people';
import { useI18n } from '../i18n/context';
import { personName } from './people-words';
import './person-marker.scss';

/**
 * Whose it is, at a glance and in words (issue 16): a coloured badge with the person's initial
 * (decorative, hidden from screen readers) and their name — "You" / "Chi" for the holder. The name
 * is the holder's own label, rendered as text.
 */
export function PersonMarker({ person }: { person: Pick<Person, 'id' | 'name' | 'marker'> }) {
  const { language } = useI18n();
  const name = personName(person, language);
  const initial = Array.from(name)[0]?.toLocaleUpperCase(language) ?? '';
  return (
    <span class="satchel-person" data-testid="person-marker" data-person={person.id}>
      <span class={`satchel-person__badge satchel-person__badge--${person.marker}`} aria-hidden="true">{initial}</span>
      <span class="satchel-person__name">{name}</span>
    </span>
  );
}
