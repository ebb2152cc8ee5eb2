/**
 * The wallet against `npm start`'s two signed reference verifiers, over HTTP in Node: credentials
 * received from the reference departments, the trust list (with its verifier register) as the
 * wallet reads it, then the job site's signed request (x509_san_dns:localhost) shown as from the
 * registered "Example Jobs Ltd" and answered, verified by the site under its new client id; and the
 * Corner Shop's (x509_hash:) as from "Corner Shop Ltd", its name and date of birth marked as asked
 * beyond its registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerLinks } from '../../../src/server/reference/admin-app';
import type { DepartmentId } from '../../../src/server/reference/departments';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import { CORNER_SHOP_REGISTER_ID, JOB_SITE_REGISTER_ID } from '../../../src/server/reference/registered-verifiers';
import type { ReferenceVerifier, ReferenceVerifiers } from '../../../src/server/verifier/start-verifier';
import type { SatchelReceiver } from '../../../src/wallet/receive/receive';
import { createSharer } from '../../../src/wallet/share/share';
import type { Sharer } from '../../../src/wallet/share/share-api';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { pinnedTrustList, receiverFor, startReferenceServersAndVerifiersInTempDir, stopReferenceServers } from '../../shared/reference-servers';
import { MemoryVault } from '../wallet/memory-vault';

const WALLET = 'http://localhost:5173';

let dataDir: string | undefined;
let servers: ReferenceServers | undefined;
let verifiers: ReferenceVerifiers | undefined;
let vault: MemoryVault;
let receiver: SatchelReceiver;
let sharer: Sharer;

async function receive(department: DepartmentId, configurationId?: string): Promise<string> {
  const issuer = servers!.issuers[department];
  const record = issuer.createOffer({ personId: 'ada', configurationId: configurationId ?? issuer.department.credentials[0]!.id });
  const summary = await receiver.readOffer(offerLinks(issuer, record.id, WALLET).walletLink);
  const result = await receiver.accept(summary.offerId, record.txCode);
  if (result.status !== 'stored') throw new Error(`not stored: ${result.status}`);
  return result.credentialIds[0]!;
}

/** A person on the site picks a purpose; the page's same-device link is what the wallet opens. */
async function startTransaction(verifier: ReferenceVerifier, purpose: string): Promise<{ link: string; txUrl: string }> {
  const res = await fetch(`${verifier.url}/start`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: verifier.url }, body: `purpose=${purpose}` });
  const txUrl = `${verifier.url}${res.headers.get('location')}`;
  const page = await (await fetch(txUrl)).text();
  return { link: /href="([^"]+\/share\?[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'), txUrl };
}

beforeAll(async () => {
  ({ dataDir, servers, verifiers } = await startReferenceServersAndVerifiersInTempDir('satchel-registered-e2e-', { walletUrl: WALLET }));
  vault = new MemoryVault();
  receiver = receiverFor(servers, { vault, verifier: nobleVerifier });
  const trustList = (await pinnedTrustList(servers, new Date())).trustList;
  sharer = createSharer({
    vault: {
      state: async () => 'unlocked',
      listCredentials: () => vault.listCredentials(),
      getCredential: (id) => vault.getCredential(id),
      deviceSigningKey: async (id) => vault.keys.get(id)!.privateKey,
      recordActivity: (entry) => vault.recordActivity(entry),
    },
    views: receiver,
    remoteUrls: { allowLoopback: true }, // the reference verifiers are on localhost
    trust: { trustList: async () => trustList },
    verifier: nobleVerifier,
  });
});

afterAll(async () => {
  receiver?.close();
  await stopReferenceServers(servers, dataDir, verifiers);
});

describe('the wallet and the signed reference verifiers', () => {
  it('the job site is shown as the registered Example Jobs Ltd, asks nothing beyond its registration, and verifies the answer', async () => {
    const id = await receive('home-office');
    const { link, txUrl } = await startTransaction(verifiers!.jobs, 'right-to-work');
    const request = await sharer.readRequest(link);
    expect(request.verifier).toEqual({
      kind: 'registered',
      registerId: JOB_SITE_REGISTER_ID,
      name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' },
      registration: { en: 'Registered to check the right to work and identity', cy: "Wedi'i gofrestru i wirio'r hawl i weithio a hunaniaeth" },
    });
    expect(request.candidates[0]!.requested.filter((r) => r.beyondRegistration)).toEqual([]);
    const { redirectUri } = await sharer.respondOnline(request.requestId, id, request.candidates[0]!.requested.map((r) => r.path));
    expect(redirectUri).toBe(txUrl);
    const page = await (await fetch(txUrl)).text();
    expect(page).toContain('The credential verified.');
    expect(page).toContain('right_to_work');
  });

  it('an mDL answer to the job site verifies: its device signature covers the OpenID4VPHandover with the x509_san_dns client id', async () => {
    const id = await receive('dvla', 'mobile_driving_licence');
    const { link, txUrl } = await startTransaction(verifiers!.jobs, 'mdl-over-18');
    const request = await sharer.readRequest(link);
    expect(request.verifier).toMatchObject({ kind: 'registered', registerId: JOB_SITE_REGISTER_ID });
    await sharer.respondOnline(request.requestId, id, request.candidates.find((c) => c.credentialId === id)!.requested.map((r) => r.path));
    const page = await (await fetch(txUrl)).text();
    expect(page).toContain('The credential verified.');
    expect(page).toContain('age_over_18');
  });

  it('the Corner Shop is shown as the registered Corner Shop Ltd; its name and date of birth questions are marked beyond its registration', async () => {
    const id = await receive('dvla');
    const { link } = await startTransaction(verifiers!.shop, 'over-18');
    const request = await sharer.readRequest(link);
    expect(request.verifier).toMatchObject({ kind: 'registered', registerId: CORNER_SHOP_REGISTER_ID, name: { en: 'Corner Shop Ltd', cy: 'Siop y Gornel Cyf' } });
    const candidate = request.candidates.find((c) => c.credentialId === id)!;
    const marked = (beyond: boolean) => candidate.requested.filter((r) => (r.beyondRegistration === true) === beyond).map((r) => r.path.join('.')).sort();
    expect(marked(true)).toEqual(['birth_date', 'family_name', 'given_name']);
    expect(marked(false)).toEqual(['age_over_18']);
  });
});
