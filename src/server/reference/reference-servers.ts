/**
 * Starts the reference departments, the sign-in service (authorisation server), the trust-list operator and the admin page, each on its own
 * localhost port (Hono on @hono/node-server). Used by `npm start` (fixed ports, see
 * departments.ts) and by tests (port 0: ephemeral ports). Keys and state live in `dataDir`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { PublicJwk } from '../../credentials/index';
import { adminApp } from './admin-app';
import { ADMIN_PORT, AUTHORIZATION_SERVER_PORT, DEPARTMENTS, TRUST_LIST_PORT, type DepartmentId } from './departments';
import { ReferenceAuthorizationServer } from './authorization-server';
import { authorizationServerApp } from './authorization-server-app';
import { issuerApp } from './issuer-app';
import { ReferenceIssuer } from './issuer';
import { loadOrCreateMdocSigner } from './iaca';
import { loadOrCreateKeys } from './keys';
import { TRUST_LIST_PATH, trustOperatorApp } from './trust-operator';
import { loadOrCreateVerifierRegister, type ReferenceVerifierRegister } from './verifier-register';

export const OPERATOR_KEY_NAME = 'trust-operator';
/** The key the reference authorisation server signs access tokens with. */
export const AUTHORIZATION_SERVER_KEY_NAME = 'authorization-server';

export interface ReferenceServersOptions {
  dataDir: string;
  /** Fixed ports (npm start) or ephemeral ones (tests). */
  ports: 'fixed' | 'ephemeral';
  host?: string;
  /** The wallet's URL, for admin-page links; its origin is allowed by CORS. */
  walletUrl: string;
  now?: () => number;
  deferredDelayS?: number;
  /** Status list ttl in seconds (default 60; end-to-end tests may shorten it). */
  statusListTtlS?: number;
}

export interface ReferenceServers {
  issuers: Record<DepartmentId, ReferenceIssuer>;
  trustListUrl: string;
  /** The operator's public key(s), to pin in the wallet. */
  trustListKeys: PublicJwk[];
  adminUrl: string;
  /** The reference sign-in service (authorisation server) the DBS takes tokens from. */
  authorizationServer: ReferenceAuthorizationServer;
  /** The register of approved verifiers the trust list publishes, with each reference verifier's signing certificate and key (by register id). */
  verifierRegister: ReferenceVerifierRegister;
  /** Every origin the wallet needs in connect-src. */
  origins: string[];
  close(): Promise<void>;
}

interface Listening {
  server: Server;
  url: string;
  mount(app: Hono): void;
}

async function listen(port: number, host: string): Promise<Listening> {
  let app: Hono | undefined;
  const server = createAdaptorServer({ fetch: (request: Request) => (app ? app.fetch(request) : new Response('Starting', { status: 503 })) }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://localhost:${actual}`, mount: (a) => void (app = a) };
}

export async function startReferenceServers(options: ReferenceServersOptions): Promise<ReferenceServers> {
  const host = options.host ?? '127.0.0.1';
  const port = (fixed: number) => (options.ports === 'fixed' ? fixed : 0);
  const keys = await loadOrCreateKeys(options.dataDir, [...DEPARTMENTS.map((d) => d.id), OPERATOR_KEY_NAME, AUTHORIZATION_SERVER_KEY_NAME]);
  const walletOrigins = [new URL(options.walletUrl).origin];
  const listening: Listening[] = [];
  try {
    const issuers = {} as Record<DepartmentId, ReferenceIssuer>;
    // The sign-in service first: departments that issue only after sign-in name it in their metadata.
    const signIn = await listen(port(AUTHORIZATION_SERVER_PORT), host);
    listening.push(signIn);
    const authorizationServer = new ReferenceAuthorizationServer({ url: signIn.url, key: keys[AUTHORIZATION_SERVER_KEY_NAME]!, now: options.now });
    signIn.mount(authorizationServerApp(authorizationServer, walletOrigins));
    for (const department of DEPARTMENTS) {
      const l = await listen(port(department.port), host);
      listening.push(l);
      // A department issuing mdocs has an IACA root and a Document Signer (ISO/IEC 18013-5 Annex B).
      const mdocSigner = department.credentials.some((c) => c.format === 'mso_mdoc') ? await loadOrCreateMdocSigner(options.dataDir, department.id, department.name.en) : undefined;
      const issuer = new ReferenceIssuer({ department, url: l.url, key: keys[department.id]!, dataDir: options.dataDir, now: options.now, deferredDelayS: options.deferredDelayS, statusListTtlS: options.statusListTtlS, mdocSigner, ...(department.signIn ? { authorizationServer } : {}) });
      if (department.signIn) authorizationServer.addResource(issuer);
      l.mount(issuerApp(issuer, walletOrigins));
      issuers[department.id] = issuer;
    }
    const trust = await listen(port(TRUST_LIST_PORT), host);
    listening.push(trust);
    const operator = keys[OPERATOR_KEY_NAME]!;
    // The register CA and the reference verifiers' certificates (kept in the data folder).
    const verifierRegister = await loadOrCreateVerifierRegister(options.dataDir, new Date(options.now?.() ?? Date.now()));
    trust.mount(trustOperatorApp({ operator, url: trust.url, issuers: Object.values(issuers), walletOrigins, now: options.now, verifierRegister }));
    const admin = await listen(port(ADMIN_PORT), host);
    listening.push(admin);
    admin.mount(adminApp({ issuers: Object.values(issuers), walletUrl: options.walletUrl }));
    return {
      issuers,
      trustListUrl: `${trust.url}${TRUST_LIST_PATH}`,
      trustListKeys: [operator.publicJwk],
      adminUrl: `${admin.url}/`,
      authorizationServer,
      verifierRegister,
      origins: [...Object.values(issuers).map((i) => i.url), trust.url, authorizationServer.url],
      close: () => closeAll(listening),
    };
  } catch (e) {
    await closeAll(listening);
    throw e;
  }
}

async function closeAll(listening: readonly Listening[]): Promise<void> {
  await Promise.all(
    listening.map(
      (l) =>
        new Promise<void>((resolve) => {
          l.server.closeAllConnections?.();
          l.server.close(() => resolve());
        }),
    ),
  );
}
