/**
 * The layer rules of DESIGN.md, checked on every `npm test` (npm run lint:layers).
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

module.exports = {
  forbidden: [
    ...LAYERS.map((name) => ({
      name: `layer-${name}`,
      comment: `src/${name} may import only ${ALLOWED[name].map((l) => `src/${l}`).join(', ') || 'nothing else in src'} (DESIGN.md: layers)`,
      severity: 'error',
      from: { path: layer(name) },
      to: {
        path: `(^|/)src/(${LAYERS.join('|')})/`,
        pathNot: [layer(name), ...ALLOWED[name].map(layer)],
      },
    })),
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
