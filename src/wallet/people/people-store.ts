/**
 * The people document (docs/vault.md "People"): one encrypted vault record (PEOPLE_KIND,
 * PEOPLE_ID) listing the people the holder helps, in the order they were added, with removed
 * people kept as tombstones (name, marker, removedAt) so the activity log can still name them.
 * SELF_PERSON is never in it: it is always there. Read on every call (one record), written one
 * change at a time.
 */
import { PEOPLE_ID, PEOPLE_KIND, type PersonId } from '../shared';
import type { SatchelVault } from '../vault';
import { PERSON_MARKERS, type PersonMarker } from './people-api';

export const PEOPLE_DOCUMENT_VERSION = 1;

/** A person as the document keeps them; `removedAt` marks a tombstone. */
export interface StoredPerson {
  id: PersonId;
  name: string;
  marker: PersonMarker;
  addedAt: string;
  removedAt?: string;
}

export interface PeopleDocument {
  v: number;
  people: StoredPerson[];
}

export type PeopleStoreVault = Pick<SatchelVault, 'getRecord' | 'putRecord'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored person as read back; one of unknown shape is left out rather than half-read. */
function readPerson(raw: unknown): StoredPerson | undefined {
  if (!isObject(raw)) return undefined;
  const { id, name, marker, addedAt, removedAt } = raw;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || typeof addedAt !== 'string') return undefined;
  if (!PERSON_MARKERS.includes(marker as PersonMarker)) return undefined;
  const person: StoredPerson = { id, name, marker: marker as PersonMarker, addedAt };
  if (typeof removedAt === 'string') person.removedAt = removedAt;
  return person;
}

export function emptyPeopleDocument(): PeopleDocument {
  return { v: PEOPLE_DOCUMENT_VERSION, people: [] };
}

/** The people document as kept (empty when there is none yet). */
export async function readPeopleDocument(vault: Pick<SatchelVault, 'getRecord'>): Promise<PeopleDocument> {
  const stored = await vault.getRecord<unknown>(PEOPLE_KIND, PEOPLE_ID);
  if (!isObject(stored) || !Array.isArray(stored.people)) return emptyPeopleDocument();
  return { v: PEOPLE_DOCUMENT_VERSION, people: stored.people.map(readPerson).filter((p): p is StoredPerson => p !== undefined) };
}

export class PeopleStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly vault: PeopleStoreVault) {}

  read(): Promise<PeopleDocument> {
    return readPeopleDocument(this.vault);
  }

  /**
   * Applies `change` to the document and saves it with `save` (the vault's putRecord unless given:
   * removing a person saves it in the transaction that deletes their credentials), one change at a time.
   */
  update<T>(change: (doc: PeopleDocument) => T, save?: (doc: PeopleDocument) => Promise<void>): Promise<T> {
    const next = this.queue.then(async () => {
      const doc = await this.read();
      const result = change(doc);
      await (save ? save(doc) : this.vault.putRecord(PEOPLE_KIND, PEOPLE_ID, doc));
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
