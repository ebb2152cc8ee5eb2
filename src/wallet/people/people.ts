/**
 * The People of people-api.ts (docs/vault.md "People"): the holder ("You", SELF_PERSON, always
 * first and never stored) and the people they help, from the people document (people-store.ts).
 * Names are labels the holder types: kept as text (NFC, trimmed, inner spaces collapsed), never
 * markup. Removing a person is one vault transaction with their credentials and device keys
 * (SatchelVault.removePerson); they stay in the document as a tombstone so their activity keeps
 * their name. Authorities: authorities.ts, over the held credentials as last seen.
 */
import { base64urlEncode } from '../../lib/base64url';
import type { CredentialView } from '../held';
import { SELF_PERSON, type PersonId } from '../shared';
import type { CredentialNotification, SatchelVault } from '../vault';
import { authoritiesAmong } from './authorities';
import { MAX_PERSON_NAME_LENGTH, PeopleError, PERSON_MARKERS, type HeldAuthority, type People, type Person, type PersonMarker } from './people-api';
import { PeopleStore, readPeopleDocument, type StoredPerson } from './people-store';

export type PeopleVault = Pick<SatchelVault, 'getRecord' | 'putRecord' | 'removePerson'> & Partial<Pick<SatchelVault, 'listCredentials'>>;

export interface PeopleOptions {
  vault: PeopleVault;
  /** Every held credential as last seen (the receiver's listCredentials), for authoritiesFor. */
  views: () => Promise<CredentialView[]>;
  now?: () => number;
  /**
   * Tells an issuer a credential removed with its person was deleted (OpenID4VCI 1.0 §11.1
   * `credential_deleted`, as deleting one credential does), after the removal; best effort.
   */
  notifyDeleted?: (notification: CredentialNotification) => Promise<void>;
}

/** SELF_PERSON as list() gives it: no name (the UI says "You" / "Chi"), the first marker. */
export const SELF: Person = { id: SELF_PERSON, name: '', marker: PERSON_MARKERS[0]! };

/** A typed name as kept: NFC (one form of each letter), trimmed, inner whitespace one space. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') throw new PeopleError('name-missing', 'A name is needed');
  const clean = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (clean === '') throw new PeopleError('name-missing', 'A name is needed');
  if ([...clean].length > MAX_PERSON_NAME_LENGTH) throw new PeopleError('name-too-long', `A name can be at most ${MAX_PERSON_NAME_LENGTH} characters`);
  return clean;
}

const current = (p: StoredPerson) => p.removedAt === undefined;

/**
 * The first marker not worn by You or a current person; when all are, the others' in turn by how
 * many there are — never You's, so nobody else's card looks like yours.
 */
function nextMarker(people: StoredPerson[]): PersonMarker {
  const others = people.filter(current);
  const worn = new Set<PersonMarker>([SELF.marker, ...others.map((p) => p.marker)]);
  return PERSON_MARKERS.find((m) => !worn.has(m)) ?? PERSON_MARKERS[1 + (others.length % (PERSON_MARKERS.length - 1))]!;
}

function toPerson(p: StoredPerson): Person {
  const person: Person = { id: p.id, name: p.name, marker: p.marker, addedAt: p.addedAt };
  if (p.removedAt !== undefined) person.removedAt = p.removedAt;
  return person;
}

function checkNameFree(people: StoredPerson[], name: string, except?: PersonId): void {
  const key = name.toLowerCase();
  if (people.some((p) => current(p) && p.id !== except && p.name.toLowerCase() === key)) throw new PeopleError('name-taken', `Someone is already called ${name}`);
}

function currentPerson(people: StoredPerson[], id: PersonId): StoredPerson {
  const person = people.find((p) => p.id === id && current(p));
  if (!person) throw new PeopleError('not-found', 'There is no such person');
  return person;
}

class PeopleImpl implements People {
  private readonly store: PeopleStore;
  private readonly now: () => number;

  constructor(private readonly options: PeopleOptions) {
    this.store = new PeopleStore(options.vault);
    this.now = options.now ?? (() => Date.now());
  }

  async list(options: { includeRemoved?: boolean } = {}): Promise<Person[]> {
    const { people } = await this.store.read();
    return [SELF, ...people.filter((p) => options.includeRemoved === true || current(p)).map(toPerson)];
  }

  async add(name: string): Promise<Person> {
    const clean = cleanName(name);
    return await this.store.update((doc) => {
      checkNameFree(doc.people, clean);
      const person: StoredPerson = { id: `p-${base64urlEncode(crypto.getRandomValues(new Uint8Array(9)))}`, name: clean, marker: nextMarker(doc.people), addedAt: new Date(this.now()).toISOString() };
      doc.people.push(person);
      return toPerson(person);
    });
  }

  async rename(id: PersonId, name: string): Promise<void> {
    if (id === SELF_PERSON) throw new PeopleError('not-found', 'You are not renamed: the app calls you "You"');
    const clean = cleanName(name);
    await this.store.update((doc) => {
      const person = currentPerson(doc.people, id);
      checkNameFree(doc.people, clean, id);
      person.name = clean;
    });
  }

  async remove(id: PersonId): Promise<void> {
    if (id === SELF_PERSON) throw new PeopleError('cannot-remove-self', 'You cannot remove yourself');
    const { vault, notifyDeleted } = this.options;
    // Read before the removal: the records (and what to tell their issuers) are gone after it.
    const notifications = notifyDeleted && vault.listCredentials ? (await vault.listCredentials()).flatMap((c) => (c.personId === id && c.notification ? [c.notification] : [])) : [];
    await this.store.update(
      (doc) => {
        currentPerson(doc.people, id).removedAt = new Date(this.now()).toISOString();
      },
      // The tombstone is written in the same transaction that deletes their credentials and keys.
      async (doc) => void (await vault.removePerson(id, doc)),
    );
    for (const n of notifications) void notifyDeleted!(n).catch(() => undefined);
  }

  async authoritiesFor(id: PersonId): Promise<HeldAuthority[]> {
    if (id === SELF_PERSON) return [];
    const { people } = await this.store.read();
    if (!people.some((p) => p.id === id && current(p))) return [];
    return authoritiesAmong(await this.options.views(), id, this.now());
  }
}

/** Everyone the vault names, removed people too (the activity log names them): SELF first. */
export async function everyoneNamed(vault: Pick<SatchelVault, 'getRecord'>): Promise<Person[]> {
  const { people } = await readPeopleDocument(vault);
  return [SELF, ...people.map(toPerson)];
}

export function createPeople(options: PeopleOptions): People {
  return new PeopleImpl(options);
}
