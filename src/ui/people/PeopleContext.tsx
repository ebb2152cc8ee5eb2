/**
 * Gives the screens the people a Satchel holds credentials for (issue 16) and whose credentials the
 * home screen shows. The choice is kept in memory only (docs/architecture.md, convention 12) and
 * goes back to "You" when the vault locks. Loaded with the first screen, so it holds no words and
 * reads nothing until a screen asks (use-people-list.ts).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { People } from '../../wallet/people';
import { SELF_PERSON, type PersonId } from '../../wallet/shared';
import { useVault } from '../vault/VaultContext';

export interface PeopleContextValue {
  /** Absent where nothing provides it (a screen tested on its own): a Satchel with no people added. */
  people?: People;
  /** The person whose credentials the home screen shows, and whom receiving and sharing suggest first. */
  selected: PersonId;
  select(id: PersonId): void;
}

const NO_PEOPLE: PeopleContextValue = { selected: SELF_PERSON, select: () => undefined };
const PeopleContext = createContext<PeopleContextValue>(NO_PEOPLE);

export function PeopleProvider({ people, children }: { people: People; children: ComponentChildren }) {
  const { state } = useVault();
  const [selected, select] = useState<PersonId>(SELF_PERSON);
  useEffect(() => {
    if (state !== 'unlocked') select(SELF_PERSON);
  }, [state]);
  return <PeopleContext.Provider value={{ people, selected, select }}>{children}</PeopleContext.Provider>;
}

export function usePeople(): PeopleContextValue {
  return useContext(PeopleContext);
}
