// `npm run bench [-- --json FILE]`: every benchmark, one after another, printing figures.
// The crypto rows (bench/run.mjs) take --json; the vault, credentials, sharing, mdoc and mdoc reader rows run in vitest bench mode.
import { spawnSync } from 'node:child_process';

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
run('node', ['scripts/chromium-path.mjs']);
run('node', ['bench/run.mjs', ...process.argv.slice(2)]);
run('node_modules/.bin/vitest', ['bench', '--project', 'browser', '--run', 'bench/vault.bench.ts', 'bench/credentials.bench.ts', 'bench/share.bench.ts', 'bench/mdoc.bench.ts', 'bench/mdoc-reader.bench.ts']);
