/**
 * Starts a reference verifier site (sites.ts) on its own port (VERIFIER_PORT for the job site and
 * SHOP_PORT for the corner shop under `npm start`, ephemeral in tests). It trusts what the wallet
 * trusts: the trust list from the operator, checked against the operator's pinned key; status
 * lists fetched from the issuers. With `signer` (the site's certificate from the reference
 * register, ReferenceServers.verifierRegister) its requests are signed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { parseTrustList, type PublicJwk, type TrustList } from '../../credentials/index';
import { nodeSignatureVerifier } from './noble-verifier';
import type { ReferenceServers } from '../reference/reference-servers';
import type { VerifierSigner } from '../reference/verifier-register';
import { BANK_SITE, CORNER_SHOP, JOB_SITE, type VerifierSite } from './sites';
import { verifierApp } from './verifier-app';

export const VERIFIER_PORT = 5180;
/** The corner shop (sites.ts CORNER_SHOP) under `npm start`. */
export const SHOP_PORT = 5181;
/** The community bank (sites.ts BANK_SITE: on someone's behalf) under `npm start` (5182 is the sign-in service, 5183 the OPG). */
export const BANK_PORT = 5184;

export interface ReferenceVerifier {
  url: string;
  close(): Promise<void>;
}

export async function startReferenceVerifier(options: {
  port?: number;
  host?: string;
  walletUrl: string;
  trustListUrl: string;
  trustListKeys: PublicJwk[];
  now?: () => number;
  /** Which site (default: the job application site). */
  site?: VerifierSite;
  /** Its certificate and key from the register; absent: unsigned requests (redirect_uri:). */
  signer?: VerifierSigner;
}): Promise<ReferenceVerifier> {
  const now = options.now ?? (() => Date.now());
  let cached: { list: TrustList; at: number } | undefined;
  const trustList = async (): Promise<TrustList> => {
    if (cached && now() - cached.at < 60_000) return cached.list;
    const jwt = (await (await fetch(options.trustListUrl)).text()).trim();
    const result = await parseTrustList(jwt, { pinnedKeys: options.trustListKeys, verifier: nodeSignatureVerifier, now: new Date(now()) });
    if (!result.ok) throw new Error(`The trust list did not verify: ${result.message}`);
    cached = { list: result.trustList, at: now() };
    return result.trustList;
  };
  const fetchStatusList = async (uri: string): Promise<string> => {
    const response = await fetch(uri);
    if (!response.ok) throw new Error(`${uri} answered ${response.status}`);
    return (await response.text()).trim();
  };
  const mounted: { handler?: (request: Request) => Response | Promise<Response> } = {};
  const server = createAdaptorServer({ fetch: (request: Request) => (mounted.handler ? mounted.handler(request) : new Response('Starting', { status: 503 })) }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const { app } = verifierApp({
    url,
    walletUrl: options.walletUrl,
    walletOrigins: [new URL(options.walletUrl).origin],
    trustList,
    fetchStatusList,
    now,
    ...(options.site ? { site: options.site } : {}),
    ...(options.signer ? { signer: options.signer } : {}),
  });
  mounted.handler = (request) => app.fetch(request);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface ReferenceVerifiers {
  /** The job application site, signing under x509_san_dns:localhost. */
  jobs: ReferenceVerifier;
  /** The corner shop, signing under x509_hash: and asking beyond its registration. */
  shop: ReferenceVerifier;
  /** The community bank: someone's identity and the authority to act for them (docs/carers.md). */
  bank: ReferenceVerifier;
  close(): Promise<void>;
}

/**
 * The reference verifier sites, each signing with its certificate from the servers' register
 * (ReferenceServers.verifierRegister), which the servers' trust list publishes. Ports: fixed under
 * `npm start` (VERIFIER_PORT, SHOP_PORT, BANK_PORT), any free one when absent (tests).
 */
export async function startReferenceVerifiers(
  servers: Pick<ReferenceServers, 'trustListUrl' | 'trustListKeys' | 'verifierRegister'>,
  options: { walletUrl: string; ports?: { jobs?: number; shop?: number; bank?: number }; host?: string; now?: () => number },
): Promise<ReferenceVerifiers> {
  const common = { walletUrl: options.walletUrl, trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys, ...(options.host ? { host: options.host } : {}), ...(options.now ? { now: options.now } : {}) };
  const signer = (site: VerifierSite) => servers.verifierRegister.signers[site.registerId]!;
  const started: ReferenceVerifier[] = [];
  const start = async (site: VerifierSite, port: number | undefined) => {
    const verifier = await startReferenceVerifier({ ...common, port: port ?? 0, site, signer: signer(site) });
    started.push(verifier);
    return verifier;
  };
  try {
    const jobs = await start(JOB_SITE, options.ports?.jobs);
    const shop = await start(CORNER_SHOP, options.ports?.shop);
    const bank = await start(BANK_SITE, options.ports?.bank);
    return { jobs, shop, bank, close: async () => void (await Promise.all(started.map((v) => v.close()))) };
  } catch (e) {
    await Promise.all(started.map((v) => v.close()));
    throw e;
  }
}
