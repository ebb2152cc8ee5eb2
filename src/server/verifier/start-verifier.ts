/**
 * Starts the reference verifier on its own port (VERIFIER_PORT under `npm start`, ephemeral in
 * tests). It trusts what the wallet trusts: the trust list from the operator, checked against the
 * operator's pinned key; status lists fetched from the issuers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { parseTrustList, type PublicJwk, type TrustList } from '../../credentials/index';
import { nodeSignatureVerifier } from './noble-verifier';
import { verifierApp } from './verifier-app';

export const VERIFIER_PORT = 5180;

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
  const { app } = verifierApp({ url, walletUrl: options.walletUrl, walletOrigins: [new URL(options.walletUrl).origin], trustList, fetchStatusList, now });
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
