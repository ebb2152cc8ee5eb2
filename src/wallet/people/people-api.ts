/**
 * The people a Satchel holds credentials for, as the UI sees them (docs/carers.md): "You" (the
 * person whose Satchel this is, SELF_PERSON) and the people they help ("Mum"). A person's space is
 * an attribute of held credentials, their device keys and activity entries, not a second vault:
 * one PIN unlocks everyone's. Implemented in people.ts.
 */
import type { DisplayName, PersonId } from '../shared';
import type { AuthorityPower } from '../../credentials/on-behalf';

export type { AuthorityPower };

/**
 * A distinct visual marker per person (with their name in words, never colour alone): one of a
 * fixed set the UI draws as a coloured initial badge and border, chosen in turn as people are added.
 */
export type PersonMarker = 'blue' | 'green' | 'purple' | 'orange' | 'pink' | 'brown';
export const PERSON_MARKERS: readonly PersonMarker[] = ['blue', 'green', 'purple', 'orange', 'pink', 'brown'];

export interface Person {
  id: PersonId;
  /** The name the holder gave them ("Mum"); SELF_PERSON's is '' (the UI says "You"). Text, never HTML. */
  name: string;
  marker: PersonMarker;
  /** ISO 8601; absent for SELF_PERSON. */
  addedAt?: string;
  /** ISO 8601: removed (a tombstone kept so the activity log still names them); only from list({ includeRemoved: true }). */
  removedAt?: string;
}

/** Why a people operation failed, as a code the UI words. */
export type PeopleErrorCode = 'name-missing' | 'name-too-long' | 'name-taken' | 'not-found' | 'cannot-remove-self' | 'locked';

export class PeopleError extends Error {
  constructor(readonly code: PeopleErrorCode, message: string) {
    super(message);
    this.name = 'PeopleError';
  }
}

/** The longest name a person may be given (a label, not a legal name). */
export const MAX_PERSON_NAME_LENGTH = 40;

/**
 * An authority the holder holds (in their own space) to act for a person they help: an authority
 * credential (AUTHORITY_TYPE) whose donor agrees with that person's credentials' name and date of birth.
 */
export interface HeldAuthority {
  credentialId: string;
  personId: PersonId;
  typeName: DisplayName;
  power: AuthorityPower;
  /** ISO 8601: the authority's own `exp`. */
  validUntil?: string;
  /** False when revoked, suspended or expired as last seen (it is then never offered). */
  usable: boolean;
}

export interface People {
  /**
   * Everyone, SELF_PERSON first, then in the order they were added. `includeRemoved`: removed
   * people too (with removedAt), to name them in the activity log.
   */
  list(options?: { includeRemoved?: boolean }): Promise<Person[]>;
  /** Adds a person (name trimmed; PeopleError name-missing / name-too-long / name-taken). */
  add(name: string): Promise<Person>;
  rename(id: PersonId, name: string): Promise<void>;
  /**
   * Removes a person with their credentials and those credentials' device keys, in one vault
   * transaction (all or nothing). Their activity entries stay, under their name, until deleted.
   * PeopleError cannot-remove-self / not-found.
   */
  remove(id: PersonId): Promise<void>;
  /** The authorities the holder holds to act for `id` (empty for SELF_PERSON). */
  authoritiesFor(id: PersonId): Promise<HeldAuthority[]>;
}
