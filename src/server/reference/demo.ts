/**
 * The whole demo in one call: the reference servers (reference-servers.ts), the app built for
 * them (CSP connect-src and the pinned trust-list key, build-env.ts) and served with production
 * headers (static-server.ts). Used by `npm start` (fixed ports, dist/) and available to
 * end-to-end tests (ephemeral ports, their own output folder).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../static-server';
import { buildEnvironment } from './build-env';
import { startReferenceServers, type ReferenceServers } from './reference-servers';

export const DEFAULT_APP_PORT = 5173;

export interface DemoOptions {
  dataDir: string;
  ports: 'fixed' | 'ephemeral';
  /** The app's port with fixed ports (default 5173). */
  appPort?: number;
  /** Where the app is built and served from (default dist). */
  outDir?: string;
  /** Build the app first (default true); false serves an existing build made for the same data folder and ports. */
  build?: boolean;
  /** Rebuild the WebAssembly core too (default true); false when wasm/build is known to be current (tests). */
  buildWasm?: boolean;
  log?: (line: string) => void;
  /** More origins the wallet may contact (CSP connect-src), e.g. a reference verifier. */
  extraOrigins?: string[];
  /** Status list ttl in seconds for the departments (default 60). */
  statusListTtlS?: number;
  deferredDelayS?: number;
}

export interface Demo {
  appUrl: string;
  servers: ReferenceServers;
  close(): Promise<void>;
}

function runBuild(outDir: string, env: Record<string, string>, wasm: boolean, log: (line: string) => void): Promise<void> {
  log(`Building Satchel into ${outDir}/ for the reference issuers…`);
  // `npm run build` = the WASM core, then `vite build`, which takes the extra arguments.
  const args = wasm ? ['npm', 'run', 'build', '--'] : ['npx', 'vite', 'build'];
  const child = spawn(args[0]!, [...args.slice(1), '--outDir', outDir, '--emptyOutDir'], { stdio: wasm ? 'inherit' : 'ignore', env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The app build failed (exit code ${code})`))));
  });
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const log = options.log ?? ((line) => console.log(line));
  const outDir = options.outDir ?? 'dist';
  // The app's port is taken first so its URL is known to the issuers; requests go to the static
  // server once the issuers' origins (its CSP connect-src) are known.
  let serve: ((request: IncomingMessage, response: ServerResponse) => void) | undefined = undefined;
  const app: Server = createServer((request, response) => (serve ? serve(request, response) : response.writeHead(503).end('Starting')));
  await new Promise<void>((resolve, reject) => {
    app.once('error', reject);
    app.listen(options.ports === 'fixed' ? options.appPort ?? DEFAULT_APP_PORT : 0, '127.0.0.1', () => resolve());
  });
  const appUrl = `http://localhost:${(app.address() as AddressInfo).port}`;
  const closeApp = () => new Promise<void>((resolve) => {
    app.closeAllConnections?.();
    app.close(() => resolve());
  });
  let servers: ReferenceServers;
  try {
    servers = await startReferenceServers({ dataDir: options.dataDir, ports: options.ports, walletUrl: appUrl, statusListTtlS: options.statusListTtlS, deferredDelayS: options.deferredDelayS });
  } catch (e) {
    await closeApp();
    throw e;
  }
  const connectOrigins = [...servers.origins, ...(options.extraOrigins ?? []).map((o) => new URL(o).origin)];
  const site = createStaticServer({ root: outDir, connectOrigins });
  serve = (request, response) => void site.emit('request', request, response);
  try {
    if (options.build !== false) await runBuild(outDir, buildEnvironment({ ...servers, origins: connectOrigins }), options.buildWasm !== false, log);
  } catch (e) {
    await Promise.all([closeApp(), servers.close()]);
    throw e;
  }
  return { appUrl, servers, close: async () => void (await Promise.all([closeApp(), servers.close()])) };
}
