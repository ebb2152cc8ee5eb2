import { beforeEach, describe, expect, it } from 'vitest';
import { createPeople, MAX_PERSON_NAME_LENGTH, PeopleError, type People } from '../../../../src/wallet/people';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import type { StoredCredential } from '../../../../src/wallet/vault/vault-api';
import { PeopleMemoryVault } from './people-vault';

function credential(id: string, personId?: string): StoredCredential {
  const c: StoredCredential = { id, raw: 'x', format: 'dc+sd-jwt', issuerName: 'DVLA', type: 't', receivedAt: '2026-01-01T00:00:00Z' };
  if (personId) c.personId = personId;
  return c;
}

describe('People: list, add, rename', () => {
  let vault: PeopleMemoryVault;
  let people: People;
  beforeEach(() => {
    vault = new PeopleMemoryVault();
    people = createPeople({ vault, views: async () => [], now: () => Date.parse('2026-12-01T06:00:00Z') });
  });

  it('lists You alone, first, with no name and the first marker, before anyone is added', async () => {
    expect(await people.list()).toEqual([{ id: SELF_PERSON, name: '', marker: 'blue' }]);
  });

  it('adds people in order, each with the next marker not in use, kept in the vault', async () => {
    const mum = await people.add('  Mum ');
    const dad = await people.add('Dad');
    expect(mum).toMatchObject({ name: 'Mum', marker: 'green', addedAt: '2026-12-01T06:00:00.000Z' });
    expect(dad.marker).toBe('purple');
    expect(mum.id).not.toBe(dad.id);
    expect(mum.id).not.toBe(SELF_PERSON);
    // A second People over the same vault reads the same document.
    const again = createPeople({ vault, views: async () => [] });
    expect((await again.list()).map((p) => p.name)).toEqual(['', 'Mum', 'Dad']);
  });

  it('keeps a name as text: NFC, trimmed, inner spaces one; markup is just characters', async () => {
    const p = await people.add('  Modryb\u0020\u0020Gwe\u0301n  ');
    expect(p.name).toBe('Modryb Gwén');
    const tag = await people.add('<b>Nain</b>');
    expect(tag.name).toBe('<b>Nain</b>');
  });

  it('refuses a missing, too long or taken name with a code, adding nothing', async () => {
    await people.add('Mum');
    await expect(people.add('   ')).rejects.toMatchObject({ code: 'name-missing' });
    await expect(people.add('x'.repeat(MAX_PERSON_NAME_LENGTH + 1))).rejects.toMatchObject({ code: 'name-too-long' });
    await expect(people.add('mum')).rejects.toBeInstanceOf(PeopleError);
    await expect(people.add(' MUM ')).rejects.toMatchObject({ code: 'name-taken' });
    expect((await people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
    expect(await people.add('x'.repeat(MAX_PERSON_NAME_LENGTH))).toMatchObject({ marker: 'purple' });
  });

  it('renames a person, refusing a name someone else has, an unknown id and You', async () => {
    const mum = await people.add('Mum');
    await people.add('Dad');
    await people.rename(mum.id, 'Mam');
    expect((await people.list()).find((p) => p.id === mum.id)?.name).toBe('Mam');
    await people.rename(mum.id, 'MAM');
    await expect(people.rename(mum.id, 'dad')).rejects.toMatchObject({ code: 'name-taken' });
    await expect(people.rename('p-nobody', 'Nain')).rejects.toMatchObject({ code: 'not-found' });
    await expect(people.rename(SELF_PERSON, 'Me')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('once every marker is worn, gives the others in turn, never You\'s', async () => {
    const added = [];
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) added.push(await people.add(name));
    expect(added.map((p) => p.marker)).toEqual(['green', 'purple', 'orange', 'pink', 'brown', 'green', 'purple']);
  });

  it('adds people one at a time when asked at once (no marker or name given twice)', async () => {
    const added = await Promise.all(['A', 'B', 'C'].map((n) => people.add(n)));
    expect(new Set(added.map((p) => p.marker)).size).toBe(3);
    expect((await people.list()).length).toBe(4);
    await expect(Promise.all([people.add('D'), people.add('d')])).rejects.toMatchObject({ code: 'name-taken' });
  });

  it('fails with the vault locked, as the vault does', async () => {
    vault.lock();
    await expect(people.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(people.add('Mum')).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('People: remove', () => {
  let vault: PeopleMemoryVault;
  let people: People;
  beforeEach(() => {
    vault = new PeopleMemoryVault();
    people = createPeople({ vault, views: async () => [], now: () => Date.parse('2026-12-01T06:00:00Z') });
  });

  it("removes a person with their credentials and keys only, keeping them as a tombstone that names them", async () => {
    const mum = await people.add('Mum');
    vault.credentials.set('mine', credential('mine'));
    vault.credentials.set('mine-too', credential('mine-too', SELF_PERSON));
    vault.credentials.set('mums', credential('mums', mum.id));
    await vault.createDeviceKey('mums');
    await vault.createDeviceKey('mine');
    await people.remove(mum.id);
    expect([...vault.credentials.keys()].sort()).toEqual(['mine', 'mine-too']);
    expect([...vault.keys.keys()]).toEqual(['mine']);
    expect(await people.list()).toEqual([{ id: SELF_PERSON, name: '', marker: 'blue' }]);
    expect(await people.list({ includeRemoved: true })).toEqual([
      { id: SELF_PERSON, name: '', marker: 'blue' },
      { id: mum.id, name: 'Mum', marker: 'green', addedAt: '2026-12-01T06:00:00.000Z', removedAt: '2026-12-01T06:00:00.000Z' },
    ]);
    // The name is free again, and so is the marker; removing twice is not-found.
    expect(await people.add('Mum')).toMatchObject({ marker: 'green' });
    await expect(people.remove(mum.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it("tells the issuers of her credentials they were deleted, after the removal, and nobody when it fails", async () => {
    const told: string[] = [];
    const notifying = createPeople({ vault, views: async () => [], notifyDeleted: async (n) => void told.push(`${n.notificationId}:${vault.credentials.size}`) });
    const mum = await notifying.add('Mum');
    const notification = (id: string) => ({ endpoint: 'https://dvla.example/notify', notificationId: id, accessToken: 'at' });
    vault.credentials.set('mine', { ...credential('mine'), notification: notification('n-mine') });
    vault.credentials.set('mums', { ...credential('mums', mum.id), notification: notification('n-mums') });
    vault.credentials.set('mums-2', credential('mums-2', mum.id));
    vault.failNextWrite = true;
    await expect(notifying.remove(mum.id)).rejects.toThrow();
    expect(told).toEqual([]);
    await notifying.remove(mum.id);
    // Told once, for hers with a notification, when only 'mine' was left.
    expect(told).toEqual(['n-mums:1']);
  });

  it('refuses to remove You, and leaves everything as it was when the vault write fails', async () => {
    await expect(people.remove(SELF_PERSON)).rejects.toMatchObject({ code: 'cannot-remove-self' });
    const mum = await people.add('Mum');
    vault.credentials.set('mums', credential('mums', mum.id));
    vault.failNextWrite = true;
    await expect(people.remove(mum.id)).rejects.toThrow('QuotaExceededError');
    expect([...vault.credentials.keys()]).toEqual(['mums']);
    expect((await people.list()).map((p) => p.name)).toEqual(['', 'Mum']);
    await people.remove(mum.id);
    expect(vault.credentials.size).toBe(0);
  });
});
