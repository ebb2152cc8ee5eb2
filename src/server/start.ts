/**
 * `npm start`: the reference departments, the sign-in service (the reference authorisation server
 * the DBS issues after), the trust-list operator (with the register of approved
 * verifiers) and the issuer admin page (src/server/reference), the two reference verifiers
 * (src/server/verifier: the job application site, the corner shop and the community bank, signing their requests), and
 * the app built for them — their origins in the CSP connect-src, the
 * operator's key pinned (src/wallet/shared/config.ts) — served on http://localhost:5173 (or $PORT) with
 * production headers. See docs/issuers.md.
 *
 * Environment: PORT (app port), SATCHEL_DATA_DIR (keys and state; default .data),
 * SATCHEL_SKIP_BUILD=1 (serve the existing dist/, built earlier for the same data folder),
 * SATCHEL_STATUS_LIST_TTL_S (how soon wallets refresh status lists; default 60).
 */
import { DEFAULT_APP_PORT, startDemo } from './reference/demo';
import { DEPARTMENTS } from './reference/departments';
import { BANK_PORT, SHOP_PORT, startReferenceVerifiers, VERIFIER_PORT } from './verifier/start-verifier';

const dataDir = process.env.SATCHEL_DATA_DIR ?? '.data';
const demo = await startDemo({
  dataDir,
  ports: 'fixed',
  appPort: Number(process.env.PORT ?? DEFAULT_APP_PORT),
  build: process.env.SATCHEL_SKIP_BUILD !== '1',
  statusListTtlS: process.env.SATCHEL_STATUS_LIST_TTL_S ? Number(process.env.SATCHEL_STATUS_LIST_TTL_S) : undefined,
  // The reference verifiers start after the build, on fixed ports: the wallet may post to them.
  extraOrigins: [`http://localhost:${VERIFIER_PORT}`, `http://localhost:${SHOP_PORT}`, `http://localhost:${BANK_PORT}`],
});
const { servers } = demo;
// Each signs its requests with its certificate from the reference register, which the trust list publishes.
const verifiers = await startReferenceVerifiers(servers, { walletUrl: demo.appUrl, ports: { jobs: VERIFIER_PORT, shop: SHOP_PORT, bank: BANK_PORT } });

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
  `  ${'Sign-in service (for the DBS)'.padEnd(40)} ${servers.authorizationServer.url}`,
  "Reference verifiers (OpenID4VP; signed requests, on the trust list's register):",
  `  ${'Job application site'.padEnd(40)} ${verifiers.jobs.url}/`,
  `  ${'Corner Shop (asks beyond its register)'.padEnd(40)} ${verifiers.shop.url}/`,
  `  ${'Community bank (for someone you act for)'.padEnd(40)} ${verifiers.bank.url}/`,
  `Keys and issued credentials are kept in ${dataDir}/ (delete it to start afresh).`,
  `Satchel: ${demo.appUrl}/   (Ctrl+C to stop)`,
].join('\n'));

const stop = () => void Promise.all([demo.close(), verifiers.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
