/** The receive tests' MemoryVault with the vault's removePerson (all or nothing, as the real one's transaction). */
import { PEOPLE_ID, PEOPLE_KIND, SELF_PERSON, type PersonId } from '../../../../src/wallet/shared';
import { MemoryVault } from '../memory-vault';

export class PeopleMemoryVault extends MemoryVault {
  /** Set to make the next removePerson fail as a full disk would, with nothing changed. */
  failNextWrite = false;

  async removePerson(personId: PersonId, peopleDocument: unknown): Promise<string[]> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('QuotaExceededError');
    }
    const ids = [...this.credentials.values()].filter((c) => (c.personId ?? SELF_PERSON) === personId).map((c) => c.id);
    for (const id of ids) {
      this.credentials.delete(id);
      this.keys.delete(id);
    }
    await this.putRecord(PEOPLE_KIND, PEOPLE_ID, peopleDocument);
    return ids;
  }
}
