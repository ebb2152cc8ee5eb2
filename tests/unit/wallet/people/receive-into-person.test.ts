/**
 * Receiving into a person's space (docs/carers.md "Whose is this?"): accept(offerId, { txCode,
 * personId }) against the reference issuers keeps the personId on the credential record and its
 * activity entry, through an offline queue too; an authority (the OPG's lasting power of
 * attorney) always goes into the holder's own space, whoever was chosen: it is bound to their key.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceServers } from '../../../../src/server/reference/reference-servers';
import { offerLinks } from '../../../../src/server/reference/admin-app';
import type { DepartmentId } from '../../../../src/server/reference/departments';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import { createPeople } from '../../../../src/wallet/people';
import { SELF_PERSON } from '../../../../src/wallet/shared';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { receiverFor, startReferenceServersInTempDir, stopReferenceServers } from '../../../shared/reference-servers';
import { PeopleMemoryVault } from './people-vault';

const WALLET = 'http://localhost:5173';

describe('receiving into a person\'s space', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let online: boolean;
  let vault: PeopleMemoryVault;
  let receiver: SatchelReceiver;

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-people-receive-', { walletUrl: WALLET }));
  });
  afterAll(() => stopReferenceServers(servers, dataDir));
  beforeEach(() => {
    online = true;
    vault = new PeopleMemoryVault();
    receiver = receiverFor(servers, {
      vault,
      verifier: nobleVerifier,
      online: () => online,
      fetch: async (url, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        return fetch(url, init);
      },
    });
  });
  afterEach(() => receiver.close());

  function offer(department: DepartmentId, person: string, authorityId?: string) {
    const issuer = servers.issuers[department];
    const record = issuer.createOffer({ personId: person, configurationId: issuer.department.credentials[0]!.id, ...(authorityId ? { authorityId } : {}) });
    return { record, links: offerLinks(issuer, record.id, WALLET) };
  }

  it("stores Mum's licence in her space, with its activity entry, and a plain accept in the holder's", async () => {
    const people = createPeople({ vault, views: () => receiver.listCredentials() });
    const mum = await people.add('Mum');
    const hers = offer('dvla', 'margaret');
    const summary = await receiver.readOffer(hers.links.schemeText);
    expect(await receiver.accept(summary.offerId, { txCode: hers.record.txCode, personId: mum.id })).toMatchObject({ status: 'stored' });
    const mine = offer('dvla', 'ada');
    await receiver.accept((await receiver.readOffer(mine.links.schemeText)).offerId, mine.record.txCode);

    const byHolder = Object.fromEntries((await receiver.listCredentials()).map((v) => [v.holderName, v.personId]));
    expect(byHolder).toEqual({ 'Margaret Jones': mum.id, 'Ada Jones': SELF_PERSON });
    expect(vault.userCredentials().map((c) => c.personId).sort()).toEqual([mum.id, SELF_PERSON].sort());
    expect(vault.activity).toEqual([expect.objectContaining({ kind: 'received', personId: mum.id }), expect.objectContaining({ kind: 'received', personId: SELF_PERSON })]);
  });

  it('keeps whose it is while the offer waits for a connection', async () => {
    await receiver.refreshStatus();
    const mum = await createPeople({ vault, views: async () => [] }).add('Mum');
    const hers = offer('dvla', 'margaret');
    const summary = await receiver.readOffer(hers.links.schemeText);
    online = false;
    expect(await receiver.accept(summary.offerId, { txCode: hers.record.txCode, personId: mum.id })).toEqual({ status: 'queued' });
    expect(vault.userCredentials()).toEqual([]);
    online = true;
    await receiver.resumePending();
    expect(vault.userCredentials().map((c) => c.personId)).toEqual([mum.id]);
  });

  it('keeps nothing for a person removed while the offer waited, in no space, and refuses a person who is not there', async () => {
    await receiver.refreshStatus();
    const people = createPeople({ vault, views: async () => [] });
    const mum = await people.add('Mum');
    const hers = offer('dvla', 'margaret');
    const summary = await receiver.readOffer(hers.links.schemeText);
    online = false;
    await receiver.accept(summary.offerId, { txCode: hers.record.txCode, personId: mum.id });
    await people.remove(mum.id);
    online = true;
    await receiver.resumePending();
    expect(vault.userCredentials()).toEqual([]);
    expect(vault.keys.size).toBe(0);
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, state: 'failed', error: 'verification-failed' })]);

    const again = offer('dvla', 'margaret');
    const next = await receiver.readOffer(again.links.schemeText);
    await expect(receiver.accept(next.offerId, { txCode: again.record.txCode, personId: mum.id })).rejects.toThrow('no person');
    await expect(receiver.accept(next.offerId, { txCode: again.record.txCode, personId: 'p-nobody' })).rejects.toThrow('no person');
    expect(vault.userCredentials()).toEqual([]);
  });

  it("puts an authority into the holder's own space even when another person was chosen", async () => {
    const mum = await createPeople({ vault, views: async () => [] }).add('Mum');
    const lpa = offer('opg', 'ada', 'ada-for-margaret-finance');
    const summary = await receiver.readOffer(lpa.links.schemeText);
    await receiver.accept(summary.offerId, { txCode: lpa.record.txCode, personId: mum.id });
    expect(vault.userCredentials()).toEqual([expect.objectContaining({ type: AUTHORITY_TYPE, personId: SELF_PERSON })]);
    expect(vault.activity).toEqual([expect.objectContaining({ personId: SELF_PERSON })]);
  });

  it('refuses an empty personId before anything happens', async () => {
    const hers = offer('dvla', 'margaret');
    const summary = await receiver.readOffer(hers.links.schemeText);
    await expect(receiver.accept(summary.offerId, { txCode: hers.record.txCode, personId: '' })).rejects.toThrow('personId');
    expect(vault.userCredentials()).toEqual([]);
  });
});
