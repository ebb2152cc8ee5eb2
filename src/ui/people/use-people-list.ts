import { useEffect, useState } from 'preact/hooks';
import type { Person } from '../../wallet/people';
import { SELF_PERSON } from '../../wallet/shared';
import { usePeople } from './PeopleContext';

/** The holder alone, as People.list() gives them (the UI says "You"). */
export const SELF: Person = { id: SELF_PERSON, name: '', marker: 'blue' };

/**
 * Everyone (the holder first), read when the screen opens and again when `version` changes;
 * undefined while reading. With no People given (a screen tested on its own), the holder alone.
 * `includeRemoved` adds removed people, to name them where their activity is kept.
 */
export function usePeopleList(options: { includeRemoved?: boolean; version?: unknown } = {}): Person[] | undefined {
  const { people } = usePeople();
  const [list, setList] = useState<Person[] | undefined>(people ? undefined : [SELF]);
  useEffect(() => {
    if (!people) return undefined;
    let live = true;
    people.list(options.includeRemoved ? { includeRemoved: true } : undefined).then(
      (found) => live && setList(found),
      // The people document unreadable: still show the holder's own credentials.
      () => live && setList([SELF]),
    );
    return () => {
      live = false;
    };
  }, [people, options.includeRemoved, options.version]);
  return list;
}

/** The person with this id, else the holder (a credential kept before people, or a person no longer listed). */
export function personOf(list: Person[], id: string | undefined): Person {
  return list.find((person) => person.id === (id ?? SELF_PERSON)) ?? list.find((person) => person.id === SELF_PERSON) ?? SELF;
}

/** Whether anyone besides the holder is listed (only then do screens say whose things are). */
export const hasOthers = (list: Person[] | undefined): boolean => !!list && list.some((person) => person.id !== SELF_PERSON && !person.removedAt);
