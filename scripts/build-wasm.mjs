// Builds the AssemblyScript crypto core (release and debug) and prints the release size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const asc = new URL('../node_modules/.bin/asc', import.meta.url).pathname;
for (const target of ['release', 'debug']) {
  execFileSync(asc, ['wasm/assembly/index.ts', '--config', 'asconfig.json', '--target', target], { stdio: 'inherit' });
}
const wasm = readFileSync('wasm/build/satchel-core.wasm');
const kib = (n) => (n / 1024).toFixed(1);
console.log(`wasm/build/satchel-core.wasm: ${kib(wasm.length)} KiB raw, ${kib(gzipSync(wasm, { level: 9 }).length)} KiB gzip`);
