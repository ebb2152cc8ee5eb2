// The production build for the page-load benchmarks (bench/lighthouse.mjs, bench/repeat-visit.mjs),
// served by the project's own static server (src/server/static-server.ts), as a host would.
// Run under tsx (`node --import tsx …`), which lets this file import the server's TypeScript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStaticServer } from '../src/server/static-server.ts';

/** `--dist DIR` uses a build already made (`npm run build -- --outDir DIR`); otherwise builds into a temporary folder. */
export function builtApp(argv = process.argv) {
  const at = argv.indexOf('--dist');
  if (at > 0) {
    const dir = resolve(argv[at + 1] ?? '');
    if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'sw.js'))) {
      console.error(`--dist ${argv[at + 1] ?? ''}: no built app there (index.html and sw.js); build one with \`npm run build -- --outDir DIR\``);
      process.exit(2);
    }
    return { dir, cleanUp: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'satchel-bench-app-'));
  console.error(`Building the app into ${dir} (npm run build)…`);
  execFileSync('npm', ['run', 'build', '--', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves `dir` on an ephemeral port; `precompressed: false` sends every file uncompressed (the comparison). */
export async function serveApp(dir, { precompressed = true } = {}) {
  const server = createStaticServer({ root: dir, precompressed });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://localhost:${port}/`, close: () => new Promise((done) => server.close(done)) };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function option(name, argv = process.argv) {
  const at = argv.indexOf(name);
  return at > 0 ? argv[at + 1] : undefined;
}
