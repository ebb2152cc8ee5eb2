/**
 * `npm start`: starts the reference departments, the trust-list operator and the issuer admin
 * page (src/server/reference), builds the app with their origins in the CSP connect-src and the
 * trust-list operator's key pinned (src/wallet/config.ts reads VITE_SATCHEL_TRUST_LIST_*), then
 * serves the app on http://localhost:5173 (or $PORT) with production headers.
 *
 * Environment: PORT (app port), SATCHEL_DATA_DIR (keys and state; default .data),
 * SATCHEL_SKIP_BUILD=1 (serve an existing dist/ built for the same data folder).
 */
import { spawnSync } from 'node:child_process';
import { startReferenceServers } from './reference/reference-servers';
import { DEPARTMENTS } from './reference/departments';
import { createStaticServer } from './static-server';
import { buildEnvironment } from './reference/build-env';

const DEFAULT_PORT = 5173;
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const walletUrl = `http://localhost:${port}`;
const dataDir = process.env.SATCHEL_DATA_DIR ?? '.data';

const servers = await startReferenceServers({ dataDir, ports: 'fixed', walletUrl });
const env = buildEnvironment(servers);

if (process.env.SATCHEL_SKIP_BUILD !== '1') {
  console.log('Building Satchel for the reference issuers…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (build.status !== 0) {
    await servers.close();
    process.exit(build.status ?? 1);
  }
}

const app = createStaticServer({ root: 'dist', connectOrigins: servers.origins });
app.listen(port, '127.0.0.1', () => {
  console.log(`\nSatchel is running at ${walletUrl}/`);
  console.log(`Issuer admin page (make offers, revoke):  ${servers.adminUrl}`);
  for (const d of DEPARTMENTS) console.log(`  ${d.name.en.padEnd(40)} ${servers.issuers[d.id].url}`);
  console.log(`  ${'Trust list'.padEnd(40)} ${servers.trustListUrl}`);
  console.log(`Keys and issued credentials are kept in ${dataDir}/ (delete it to start afresh, then rebuild).`);
});

const stop = () => {
  app.close();
  void servers.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
