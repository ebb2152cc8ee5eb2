/**
 * `npm start`: the reference departments, the trust-list operator and the issuer admin page
 * (src/server/reference), and the app built for them — their origins in the CSP connect-src, the
 * operator's key pinned (src/wallet/shared/config.ts) — served on http://localhost:5173 (or $PORT) with
 * production headers. See docs/issuers.md.
 *
 * Environment: PORT (app port), SATCHEL_DATA_DIR (keys and state; default .data),
 * SATCHEL_SKIP_BUILD=1 (serve the existing dist/, built earlier for the same data folder),
 * SATCHEL_STATUS_LIST_TTL_S (how soon wallets refresh status lists; default 60).
 */
import { DEFAULT_APP_PORT, startDemo } from './reference/demo';
import { DEPARTMENTS } from './reference/departments';
import { startReferenceVerifier, VERIFIER_PORT } from './verifier/start-verifier';

const dataDir = process.env.SATCHEL_DATA_DIR ?? '.data';
const demo = await startDemo({
  dataDir,
  ports: 'fixed',
  appPort: Number(process.env.PORT ?? DEFAULT_APP_PORT),
  build: process.env.SATCHEL_SKIP_BUILD !== '1',
  statusListTtlS: process.env.SATCHEL_STATUS_LIST_TTL_S ? Number(process.env.SATCHEL_STATUS_LIST_TTL_S) : undefined,
  // The reference verifier starts after the build, on a fixed port: the wallet may post to it.
  extraOrigins: [`http://localhost:${VERIFIER_PORT}`],
});
const { servers } = demo;
const verifier = await startReferenceVerifier({ port: VERIFIER_PORT, walletUrl: demo.appUrl, trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys });

// Printed last, after every server has started and the build has finished, so the address to open
// is at the bottom of the terminal and not lost among build output.
console.log([
  '',
  '────────────────────────────────────────────────────────────────────',
  `  Satchel is ready. Open ${demo.appUrl}/`,
  '────────────────────────────────────────────────────────────────────',
  `Issuer admin page (make offers, revoke):  ${servers.adminUrl}`,
  ...DEPARTMENTS.map((d) => `  ${d.name.en.padEnd(40)} ${servers.issuers[d.id].url}`),
  `  ${'Trust list'.padEnd(40)} ${servers.trustListUrl}`,
  `Reference verifier (OpenID4VP, job application site): ${verifier.url}/`,
  `Keys and issued credentials are kept in ${dataDir}/ (delete it to start afresh).`,
  `Satchel: ${demo.appUrl}/   (Ctrl+C to stop)`,
].join('\n'));

const stop = () => void Promise.all([demo.close(), verifier.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
