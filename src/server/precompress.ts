/**
 * Build step: writes `name.br` (Brotli, quality 11) and `name.gz` (gzip, level 9) beside every
 * compressible file of a built app, once, so that a static host sends them with no work per
 * request (static-server.ts here; nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, a
 * CDN: README "Deploying as static files"). A coded file that is not smaller is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CODING_SUFFIX, COMPRESSIBLE_EXTENSIONS } from './content-encoding';

export interface PrecompressedFile {
  /** Path relative to the directory, with `/` separators. */
  file: string;
  bytes: number;
  br?: number;
  gzip?: number;
}

export async function precompressDirectory(root: string): Promise<PrecompressedFile[]> {
  const results: PrecompressedFile[] = [];
  for (const file of await compressibleFiles(root)) {
    const path = join(root, file);
    const body = await readFile(path);
    const result: PrecompressedFile = { file, bytes: body.length };
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    if (br.length < body.length) {
      await writeFile(path + CODING_SUFFIX.br, br);
      result.br = br.length;
    }
    const gz = gzipSync(body, { level: 9 });
    if (gz.length < body.length) {
      await writeFile(path + CODING_SUFFIX.gzip, gz);
      result.gzip = gz.length;
    }
    results.push(result);
  }
  return results;
}

async function compressibleFiles(root: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, under), { withFileTypes: true })) {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await compressibleFiles(root, relative)));
    else if (entry.isFile() && COMPRESSIBLE_EXTENSIONS.has(extname(entry.name))) files.push(relative);
  }
  return files.sort();
}
