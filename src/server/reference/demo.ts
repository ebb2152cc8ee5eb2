/**
 * The whole demo in one call: the reference servers (reference-servers.ts), the app built for
 * them (CSP connect-src and the pinned trust-list key, build-env.ts) and served with production
 * headers (static-server.ts). Used by `npm start` (fixed ports, dist/) and available to
 * end-to-end tests (ephemeral ports, their own output folder).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticServer, serveStartingPage } from '../static-server';
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
  /** Test hook: builds the app instead of `vite build` (the starting page is served meanwhile). */
  buildApp?: (build: { outDir: string; env: Record<string, string>; appUrl: string }) => Promise<void>;
}

export interface Demo {
  appUrl: string;
  servers: ReferenceServers;
  close(): Promise<void>;
}

function runBuild(outDir: string, env: Record<string, string>, wasm: boolean, log: (line: string) => void): Promise<void> {
  // `npm run build` = the WASM core, then `vite build`, which takes the extra arguments.
  const args = wasm ? ['npm', 'run', 'build', '--'] : ['npx', 'vite', 'build'];
  // Quiet: the build's own output is kept and shown only if it fails, so the addresses printed
  // once everything runs are the last thing in the terminal.
  const child = spawn(args[0]!, [...args.slice(1), '--outDir', outDir, '--emptyOutDir'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      log(Buffer.concat(output).toString('utf8'));
      reject(new Error(`The app build failed (exit code ${code}); its output is above`));
    });
  });
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const log = options.log ?? ((line) => console.log(line));
  const outDir = options.outDir ?? 'dist';
  // The app's port is taken first so its URL is known to the issuers; requests go to the static
  // server once the issuers' origins (its CSP connect-src) are known.
  let serve: ((request: IncomingMessage, response: ServerResponse) => void) | undefined = undefined;
  // Until then, and until the app is built (dist/ is emptied and rewritten meanwhile), every
  // request gets the "Satchel is starting" page, which reloads itself.
  const app: Server = createServer((request, response) => (serve ? serve(request, response) : serveStartingPage(request, response)));
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
  try {
    if (options.build !== false) {
      const env = buildEnvironment({ ...servers, origins: connectOrigins });
      log(`Building Satchel into ${outDir}/ for the reference issuers (a minute or two; ${appUrl}/ says "Satchel is starting" until then)…`);
      await (options.buildApp ? options.buildApp({ outDir, env, appUrl }) : runBuild(outDir, env, options.buildWasm !== false, log));
    }
  } catch (e) {
    await Promise.all([closeApp(), servers.close()]);
    throw e;
  }
  serve = (request, response) => void site.emit('request', request, response);
  return { appUrl, servers, close: async () => void (await Promise.all([closeApp(), servers.close()])) };
}
