/**
 * Sharing against the real reference servers over HTTP, in Node: credentials received from the
 * reference departments (OpenID4VCI, src/wallet/receive/receive.ts), then shared with the reference
 * OpenID4VP verifier (request_uri, direct_post.jwt) and checked in person with the trust list from
 * the receive cache. A credential the issuer revokes fails at the verifier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { offerLinks } from '../../../../src/server/reference/admin-app';
import type { DepartmentId } from '../../../../src/server/reference/departments';
import { startReferenceServers, type ReferenceServers } from '../../../../src/server/reference/reference-servers';
import { startReferenceVerifier, type ReferenceVerifier } from '../../../../src/server/verifier/start-verifier';
import { createChecker } from '../../../../src/wallet/check/check';
import { cachedTrust } from '../../../../src/wallet/trust/check-trust';
import { createReceiver, type SatchelReceiver } from '../../../../src/wallet/receive/receive';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { MemoryVault } from '../../wallet/memory-vault';

const WALLET = 'http://localhost:5173';

describe('sharing with the reference servers', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let verifier: ReferenceVerifier;
  let vault: MemoryVault;
  let receiver: SatchelReceiver;
  let sharer: Sharer;

  async function receive(department: DepartmentId): Promise<string> {
    const issuer = servers.issuers[department];
    const record = issuer.createOffer({ personId: 'ada', configurationId: issuer.department.credentials[0]!.id });
    const summary = await receiver.readOffer(offerLinks(issuer, record.id, WALLET).walletLink);
    const result = await receiver.accept(summary.offerId, record.txCode);
    if (result.status !== 'stored') throw new Error(`not stored: ${result.status}`);
    return result.credentialIds[0]!;
  }

  async function startTransaction(purpose: string): Promise<{ link: string; txUrl: string }> {
    const res = await fetch(`${verifier.url}/start`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: verifier.url }, body: `purpose=${purpose}` });
    const txUrl = `${verifier.url}${res.headers.get('location')}`;
    const page = await (await fetch(txUrl)).text();
    return { link: /href="([^"]+\/share\?[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'), txUrl };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'satchel-share-'));
    servers = await startReferenceServers({ dataDir, ports: 'ephemeral', walletUrl: WALLET });
    verifier = await startReferenceVerifier({ walletUrl: WALLET, trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys });
    vault = new MemoryVault();
    receiver = createReceiver({ vault, config: { trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys, remoteUrls: { allowLoopback: true } }, verifier: nobleVerifier, autoResume: false, timeoutMs: 60_000 });
    sharer = createSharer({
      vault: {
        state: async () => 'unlocked',
        listCredentials: () => vault.listCredentials(),
        getCredential: (id) => vault.getCredential(id),
        deviceSigningKey: async (id) => vault.keys.get(id)!.privateKey,
        recordActivity: (entry) => vault.recordActivity(entry),
      },
      views: receiver,
      remoteUrls: { allowLoopback: true }, // the reference verifier is on localhost
    });
  });

  afterAll(async () => {
    receiver?.close();
    await verifier?.close();
    await servers?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('right to work, online: the verifier page shows the claims, verified; after revocation it fails', async () => {
    const id = await receive('home-office');
    const { link, txUrl } = await startTransaction('right-to-work');
    const request = await sharer.readRequest(link);
    expect(request.candidates.map((c) => c.credentialId)).toEqual([id]);
    // Labels come from the issuer's metadata via the receiver's views.
    expect(request.candidates[0]!.requested.map((r) => words(r.label).cy)).toContain('Hawl i weithio');
    expect(request.candidates[0]!.notShared.map((r) => r.path[0])).toContain('share_code');
    const { redirectUri } = await sharer.respondOnline(request.requestId, id, request.candidates[0]!.requested.map((r) => r.path));
    expect(redirectUri).toBe(txUrl);
    const page = await (await fetch(txUrl)).text();
    expect(page).toContain('The credential verified.');
    expect(page).toContain('right_to_work');
    expect(page).not.toContain('share_code');

    const home = servers.issuers['home-office'];
    home.setStatus(home.issued().at(-1)!.idx, 'revoked');
    const again = await startTransaction('right-to-work');
    const second = await sharer.readRequest(again.link);
    await sharer.respondOnline(second.requestId, id, second.candidates[0]!.requested.map((r) => r.path));
    const failed = await (await fetch(again.txUrl)).text();
    expect(failed).toContain('The credential did not verify');
    expect(failed).toMatch(/revoked/i);
  });

  it('over 18 in person, checked with the trust list and status list the phone cached when receiving', async () => {
    const id = await receive('dvla');
    const trust = cachedTrust({ vault, config: { trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys, remoteUrls: { allowLoopback: true } }, verifier: nobleVerifier, online: () => false });
    const checker = createChecker({ verifier: nobleVerifier, trust });
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.candidates.map((c) => c.credentialId)).toEqual([id]);
    const frames = await sharer.respond(read.requestId, id, await sharer.claimsForPurpose(id, 'over-18'));
    for (const f of [...frames.frames].reverse()) await checker.addFrame(request.requestId, f);
    const result = await checker.verify(request.requestId);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result.claims.map((c) => [c.path[0], c.value])).toEqual([['age_over_18', true]]);
    expect(result.issuerName?.en).toBe('Driver and Vehicle Licensing Agency');
    expect(result.status?.state).toBe('valid');
  });
});
