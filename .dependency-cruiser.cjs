/**
 * The layer rules of docs/architecture.md, checked on every `npm test` (npm run lint).
 *   ui → wallet → {protocols, credentials, crypto, storage} → lib
 * Paths match with `(^|/)src/…` so that tests/fixtures/layers can prove a violation is caught.
 */
const layer = (name) => `(^|/)src/${name}/`;

/** Each layer and the src/ layers it may import (besides itself). */
const ALLOWED = {
  ui: ['wallet', 'lib', 'sw'],
  wallet: ['protocols', 'credentials', 'crypto', 'storage', 'lib'],
  protocols: ['credentials', 'lib'],
  credentials: ['lib'],
  crypto: ['lib'],
  storage: ['lib'],
  sw: ['lib'],
  lib: [],
  server: ['credentials', 'lib'],
};
const LAYERS = Object.keys(ALLOWED);

/**
 * Inside src/wallet: one folder per use case (docs/architecture.md: use-case folders), each with
 * an index.ts that is its only door. Each folder and the sibling folders it may import: the arrows
 * run app → {receive, share, check, activity} → held → trust → vault → shared, never back up;
 * use cases on the same level may use each other (no-circular still refuses a loop between them).
 * A new folder is added here, or wallet-folder-listed refuses it.
 */
const WALLET_ALLOWED = {
  app: ['receive', 'share', 'check', 'activity', 'people', 'held', 'trust', 'vault', 'shared'],
  receive: ['share', 'check', 'activity', 'people', 'held', 'trust', 'vault', 'shared'],
  share: ['receive', 'check', 'activity', 'people', 'held', 'trust', 'vault', 'shared'],
  check: ['receive', 'share', 'activity', 'people', 'held', 'trust', 'vault', 'shared'],
  activity: ['receive', 'share', 'check', 'people', 'held', 'trust', 'vault', 'shared'],
  // The people a carer helps (docs/carers.md): whose each held credential is, and the authority to act for them.
  people: ['held', 'trust', 'vault', 'shared'],
  held: ['trust', 'vault', 'shared'],
  trust: ['vault', 'shared'],
  vault: ['shared'],
  shared: [],
};
const WALLET_FOLDERS = Object.keys(WALLET_ALLOWED);
const walletFolder = (name) => `(?:^|/)src/wallet/${name}/`;
/** Any use case's index.ts, the one file another folder may import. */
const WALLET_INDEX = '(?:^|/)src/wallet/[^/]+/index\\.ts$';

module.exports = {
  forbidden: [
    ...LAYERS.map((name) => ({
      name: `layer-${name}`,
      comment: `src/${name} may import only ${ALLOWED[name].map((l) => `src/${l}`).join(', ') || 'nothing else in src'} (docs/architecture.md: layers)`,
      severity: 'error',
      from: { path: layer(name) },
      to: {
        path: `(^|/)src/(${LAYERS.join('|')})/`,
        pathNot: [layer(name), ...ALLOWED[name].map(layer)],
      },
    })),
    {
      name: 'ui-imports-use-case-index',
      comment: 'src/ui imports a use case only through its index.ts (src/wallet/<use case>/index.ts), never a file inside it.',
      severity: 'error',
      from: { path: layer('ui') },
      to: { path: '(?:^|/)src/wallet/', pathNot: WALLET_INDEX },
    },
    {
      name: 'use-case-imports-sibling-index',
      comment: 'A use case imports another use case only through its index.ts; files inside one folder import each other directly.',
      severity: 'error',
      from: { path: '(?:^|/)src/wallet/([^/]+)/' },
      to: { path: '(?:^|/)src/wallet/', pathNot: ['(?:^|/)src/wallet/$1/', WALLET_INDEX] },
    },
    ...WALLET_FOLDERS.map((name) => ({
      name: `wallet-${name}`,
      comment: `src/wallet/${name} may import only ${WALLET_ALLOWED[name].map((f) => `wallet/${f}`).join(', ') || 'nothing else in src/wallet'} (arrows never point back up)`,
      severity: 'error',
      from: { path: walletFolder(name) },
      to: {
        path: '(?:^|/)src/wallet/',
        pathNot: [walletFolder(name), ...WALLET_ALLOWED[name].map(walletFolder)],
      },
    })),
    {
      name: 'storage-only-from-vault',
      comment: 'Inside src/wallet only the vault opens the database (src/storage); other use cases keep their data through the vault.',
      severity: 'error',
      from: { path: '(?:^|/)src/wallet/', pathNot: walletFolder('vault') },
      to: { path: layer('storage') },
    },
    {
      name: 'crypto-only-from-app',
      comment: 'Inside src/wallet only the composition root (app/) starts the crypto worker; use cases are given a SignatureVerifier.',
      severity: 'error',
      from: { path: '(?:^|/)src/wallet/', pathNot: walletFolder('app') },
      to: { path: layer('crypto') },
    },
    {
      name: 'wallet-folder-listed',
      comment: `Every file in src/wallet sits in one of its use-case folders (${WALLET_FOLDERS.join(', ')}); a new folder is added to WALLET_ALLOWED in .dependency-cruiser.cjs.`,
      severity: 'error',
      from: { path: '(?:^|/)src/wallet/', pathNot: `(?:^|/)src/wallet/(${WALLET_FOLDERS.join('|')})/` },
      to: {},
    },
    {
      name: 'preact-only-in-ui',
      comment: 'Only src/ui renders: nothing else may import preact.',
      severity: 'error',
      from: { path: '(^|/)src/', pathNot: layer('ui') },
      to: { path: '(^|/)node_modules/preact/' },
    },
    {
      name: 'wasm-only-from-crypto',
      comment: 'Nothing outside src/crypto loads the WebAssembly core.',
      severity: 'error',
      from: { path: '(^|/)src/', pathNot: layer('crypto') },
      to: { path: '(^|/)wasm/' },
    },
    {
      name: 'wasm-sources-stand-alone',
      comment: 'The AssemblyScript core imports nothing from src/.',
      severity: 'error',
      from: { path: '(^|/)wasm/' },
      to: { path: '(^|/)src/' },
    },
    {
      name: 'server-not-browser-only',
      comment: 'src/server runs in Node: no browser-only packages.',
      severity: 'error',
      from: { path: layer('server') },
      to: { path: '(^|/)node_modules/(preact|idb|comlink|workbox-[a-z]+)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|wasm/build)/' },
    tsConfig: { fileName: 'tsconfig.app.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
