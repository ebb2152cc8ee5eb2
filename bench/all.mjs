// `npm run bench [-- --json FILE]`: every benchmark, one after another, printing figures.
// The crypto rows (bench/run.mjs) take --json; the vault, credentials, sharing, mdoc and mdoc reader rows run in vitest bench mode;
// the page-load rows (Lighthouse's first visit, the offline repeat visit) share one production build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
run('node', ['scripts/chromium-path.mjs']);
run('node', ['bench/run.mjs', ...process.argv.slice(2)]);
run('node_modules/.bin/vitest', ['bench', '--project', 'browser', '--run', 'bench/vault.bench.ts', 'bench/credentials.bench.ts', 'bench/share.bench.ts', 'bench/mdoc.bench.ts', 'bench/mdoc-reader.bench.ts']);
const appDir = mkdtempSync(join(tmpdir(), 'satchel-bench-app-'));
let pageLoadStatus = 0;
for (const [command, ...args] of [
  ['npm', 'run', 'build', '--', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn'],
  ['node', '--import', 'tsx', 'bench/lighthouse.mjs', '--dist', appDir],
  ['node', '--import', 'tsx', 'bench/repeat-visit.mjs', '--dist', appDir],
]) {
  pageLoadStatus = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
  if (pageLoadStatus !== 0) break;
}
rmSync(appDir, { recursive: true, force: true });
if (pageLoadStatus !== 0) process.exit(pageLoadStatus);
