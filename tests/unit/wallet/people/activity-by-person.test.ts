/**
 * The activity log per person (docs/carers.md "A record for the person helped"): entries keep
 * their personId, list({ personId }) gives one person's (an entry without one is the holder's
 * own), and export({ personId }) is a JSON file of only theirs, with their name — a removed
 * person's too.
 */
import { describe, expect, it } from 'vitest';
import { createActivityLog } from '../../../../src/wallet/activity';
import { createPeople } from '../../../../src/wallet/people';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import type { ActivityStamp } from '../../../../src/wallet/vault/satchel-vault';
import { PeopleMemoryVault } from './people-vault';

class ActivityMemoryVault extends PeopleMemoryVault {
  async listActivity<T extends object>(): Promise<(T & ActivityStamp)[]> {
    return [...this.activity].reverse() as (T & ActivityStamp)[];
  }
  async deleteActivity(id: string): Promise<void> {
    const i = this.activity.findIndex((e) => (e as ActivityStamp).id === id);
    if (i >= 0) this.activity.splice(i, 1);
  }
}

async function world() {
  const vault = new ActivityMemoryVault();
  const people = createPeople({ vault, views: async () => [] });
  const mum = await people.add('Mum');
  const dad = await people.add('Dad');
  const type = { of: 'type', type: 'urn:example:driving-licence' };
  await vault.recordActivity({ kind: 'received', credentialTypeName: type, claims: [], at: '2026-01-01T00:00:00.000Z' }); // before people: the holder's
  await vault.recordActivity({ kind: 'received', personId: mum.id, credentialTypeName: type, counterparty: 'DVLA', claims: [], at: '2026-01-02T00:00:00.000Z' });
  await vault.recordActivity({ kind: 'shared', personId: mum.id, credentialTypeName: type, counterparty: 'Bank', claims: [], at: '2026-01-03T00:00:00.000Z' });
  await vault.recordActivity({ kind: 'shared', personId: SELF_PERSON, credentialTypeName: type, counterparty: 'Shop', claims: [], at: '2026-01-04T00:00:00.000Z' });
  await vault.recordActivity({ kind: 'received', personId: dad.id, credentialTypeName: type, claims: [], at: '2026-01-05T00:00:00.000Z' });
  return { vault, people, mum, dad, log: createActivityLog(vault) };
}

describe('activity per person', () => {
  it("lists one person's entries; entries without a personId are the holder's", async () => {
    const { log, mum } = await world();
    expect((await log.list({ personId: mum.id })).map((e) => [e.kind, e.counterparty, e.personId])).toEqual([['shared', 'Bank', mum.id], ['received', 'DVLA', mum.id]]);
    expect((await log.list({ personId: SELF_PERSON })).map((e) => e.at)).toEqual(['2026-01-04T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(await log.list({ personId: mum.id, kind: 'received' })).toHaveLength(1);
    expect(await log.list()).toHaveLength(5);
  });

  it("exports only that person's entries with their name and marker, a removed person's too", async () => {
    const { log, people, mum, dad } = await world();
    const doc = JSON.parse(await (await log.export({ personId: mum.id })).text()) as { format: string; person: unknown; entries: { personId: string; counterparty?: string }[] };
    expect(doc.format).toBe('satchel-activity-log');
    expect(doc.person).toEqual({ id: mum.id, name: 'Mum', marker: 'green', addedAt: mum.addedAt });
    expect(doc.entries.map((e) => e.counterparty)).toEqual(['Bank', 'DVLA']);
    expect(doc.entries.every((e) => e.personId === mum.id)).toBe(true);

    await people.remove(dad.id);
    const dads = JSON.parse(await (await log.export({ personId: dad.id })).text()) as { person: { name: string; removedAt?: string }; entries: unknown[] };
    expect(dads.person).toMatchObject({ name: 'Dad', removedAt: expect.any(String) });
    expect(dads.entries).toHaveLength(1);
    // The whole log is as before: every entry, no person.
    const all = JSON.parse(await (await log.export()).text()) as { person?: unknown; entries: unknown[] };
    expect(all.entries).toHaveLength(5);
    expect(all.person).toBeUndefined();
  });
});
