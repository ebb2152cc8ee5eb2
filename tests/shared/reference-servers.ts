/**
 * The reference servers (src/server/reference) for a Node test file: started on ephemeral ports
 * over a fresh data folder (keys, offers and status lists of their own), with the two signing
 * reference verifiers when asked (src/server/verifier), stopped and the folder removed after; and their trust list fetched and checked against the pinned operator keys, as the
 * wallet reads it; and the wallet's receiver pointed at them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrustList, type TrustList } from '../../src/credentials/index';
import { startReferenceServers, type ReferenceServers, type ReferenceServersOptions } from '../../src/server/reference/reference-servers';
import { startReferenceVerifiers, type ReferenceVerifiers } from '../../src/server/verifier/start-verifier';
import { createReceiver, type ReceiverOptions, type SatchelReceiver } from '../../src/wallet/receive/receive';
import { nobleVerifier } from './credentials/helpers';

/** The servers on ephemeral ports over a new folder named `<tmp>/<prefix>XXXXXX` (kept for restarts over the same data). */
export async function startReferenceServersInTempDir(prefix: string, options: Omit<ReferenceServersOptions, 'dataDir' | 'ports'>): Promise<{ dataDir: string; servers: ReferenceServers }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  return { dataDir, servers: await startReferenceServers({ ...options, dataDir, ports: 'ephemeral' }) };
}

/**
 * The servers as above, and both reference verifiers (the job site `verifiers.jobs.url`, the corner
 * shop `verifiers.shop.url`) on ephemeral ports, signing with the register the servers' trust list
 * publishes, for the wallet at `walletUrl`.
 */
export async function startReferenceServersAndVerifiersInTempDir(prefix: string, options: Omit<ReferenceServersOptions, 'dataDir' | 'ports'>): Promise<{ dataDir: string; servers: ReferenceServers; verifiers: ReferenceVerifiers }> {
  const { dataDir, servers } = await startReferenceServersInTempDir(prefix, options);
  try {
    return { dataDir, servers, verifiers: await startReferenceVerifiers(servers, { walletUrl: options.walletUrl, ...(options.now ? { now: options.now } : {}) }) };
  } catch (e) {
    await stopReferenceServers(servers, dataDir);
    throw e;
  }
}

/** Closes the servers and verifiers (if they started) and removes their data folder. */
export async function stopReferenceServers(servers: ReferenceServers | undefined, dataDir: string | undefined, verifiers?: ReferenceVerifiers): Promise<void> {
  await verifiers?.close();
  await servers?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** The trust list JWT the operator serves, and what it lists once checked against the pinned keys at `now`. */
export async function pinnedTrustList(servers: ReferenceServers, now: Date): Promise<{ jwt: string; trustList: TrustList }> {
  const jwt = await (await fetch(servers.trustListUrl)).text();
  const parsed = await parseTrustList(jwt, { pinnedKeys: servers.trustListKeys, verifier: nobleVerifier, now });
  if (!parsed.ok) throw new Error(parsed.message);
  return { jwt, trustList: parsed.trustList };
}

/**
 * The wallet's receive use case against these servers: their trust list and pinned keys, loopback
 * allowed (the servers are on localhost: a demo/test build's policy, production refuses them), no
 * automatic resume, and a timeout only a hang reaches (servers in this process over loopback).
 */
export function receiverFor(servers: ReferenceServers, options: Omit<ReceiverOptions, 'config' | 'autoResume' | 'timeoutMs'>): SatchelReceiver {
  return createReceiver({
    config: { trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys, remoteUrls: { allowLoopback: true } },
    autoResume: false,
    timeoutMs: 60_000,
    ...options,
  });
}
