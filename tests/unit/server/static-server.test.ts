/**
 * The static server sends the build's pre-compressed copies by Accept-Encoding (issue 18), with
 * `Vary: Accept-Encoding`, the Content-Length of what is sent and the file's own Content-Type,
 * caches hashed assets for a year and revalidates the shell, the service worker and the manifest.
 * Requests are made with node:http, which neither adds an Accept-Encoding nor decodes the body,
 * so the test sees the bytes on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createStaticServer, type StaticServerOptions } from '../../../src/server/static-server';
import { precompressDirectory } from '../../../src/server/precompress';

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(options: StaticServerOptions): Promise<{ server: Server; port: number }> {
  const server = createStaticServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const script = `export const words = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `word number ${i}`))};\n`;
const shell = `<!doctype html><html lang="en"><head><title>Satchel</title></head><body>${'<p>Satchel</p>'.repeat(50)}</body></html>`;
const worker = `self.__WB_MANIFEST = ${JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ url: `assets/file-${i}.js`, revision: null })))};\n`;
const manifest = JSON.stringify({ name: 'Satchel', short_name: 'Satchel', start_url: '/', display: 'standalone', icons: [] }, null, 2);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('static server: pre-compressed files and caching headers', () => {
  let folder: string;
  let root: string;
  let port: number;
  const servers: Server[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'satchel-static-'));
    root = join(folder, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(root, 'icons'));
    writeFileSync(join(root, 'index.html'), shell);
    writeFileSync(join(root, 'sw.js'), worker);
    writeFileSync(join(root, 'manifest.webmanifest'), manifest);
    writeFileSync(join(root, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(root, 'assets', 'tiny-XyZ789.js'), 'a'); // no coding makes one byte smaller
    writeFileSync(join(root, 'icons', 'icon-192.png'), png);
    writeFileSync(join(folder, 'secret.txt'), 'not for the web');
    await precompressDirectory(root);
    const started = await listen({ root });
    servers.push(started.server);
    port = started.port;
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(folder, { recursive: true, force: true });
  });

  it('the build step wrote a Brotli and a gzip copy of each text file that shrinks, and none of a PNG or a file that does not', () => {
    for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'assets/index-AbC123.js']) {
      const original = readFileSync(join(root, file));
      expect(brotliDecompressSync(readFileSync(join(root, `${file}.br`))), file).toEqual(original);
      expect(gunzipSync(readFileSync(join(root, `${file}.gz`))), file).toEqual(original);
    }
    expect(readdirSync(join(root, 'icons'))).toEqual(['icon-192.png']);
    expect(readdirSync(join(root, 'assets')).filter((name) => name.startsWith('tiny-'))).toEqual(['tiny-XyZ789.js']);
  });

  it('sends Brotli to a browser that accepts it, decoding to the file, with its length, type and Vary', async () => {
    const answer = await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script));
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(script);
    // The security headers are still there.
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('sends gzip when Brotli is not accepted', async () => {
    const answer = await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(script);
  });

  it('sends the file as it is for identity, for q=0 on both codings and for no Accept-Encoding, still with Vary', async () => {
    for (const headers of [{ 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }, {}] as Record<string, string>[]) {
      const answer = await get(port, '/assets/index-AbC123.js', headers);
      expect(answer.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(script));
      expect(answer.body.toString('utf8')).toBe(script);
    }
  });

  it('honours q=0 on Brotli alone by sending gzip', async () => {
    const answer = await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
  });

  it('sends a file with no compressed copy as it is (Vary still on a compressible type, not on a PNG)', async () => {
    const tiny = await get(port, '/assets/tiny-XyZ789.js', { 'Accept-Encoding': 'gzip, br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers.vary).toBe('Accept-Encoding');
    expect(tiny.body.toString('utf8')).toBe('a');
    const icon = await get(port, '/icons/icon-192.png', { 'Accept-Encoding': 'gzip, br' });
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers.vary).toBeUndefined();
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.body).toEqual(png);
  });

  it('caches hashed assets for a year, and revalidates the shell, the service worker, the manifest and in-app paths', async () => {
    const accept = { 'Accept-Encoding': 'gzip, deflate, br' };
    expect((await get(port, '/assets/index-AbC123.js', accept)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/about']) {
      const answer = await get(port, path, accept);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(answer.headers['content-encoding'], path).toBe('br');
      expect(answer.headers.vary, path).toBe('Accept-Encoding');
    }
    // The shell answers in-app paths, compressed like index.html itself.
    expect(brotliDecompressSync((await get(port, '/about', accept)).body).toString('utf8')).toBe(shell);
    // The service worker decodes to exactly the bytes its precache manifest was written into.
    expect(brotliDecompressSync((await get(port, '/sw.js', accept)).body).toString('utf8')).toBe(worker);
    expect((await get(port, '/manifest.webmanifest', accept)).headers['content-type']).toBe('application/manifest+json');
  });

  it('answers HEAD with the headers of the coded response and no body', async () => {
    const get1 = await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br' });
    const head = await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(get1.headers['content-length']);
    expect(head.headers.vary).toBe('Accept-Encoding');
    expect(head.body.length).toBe(0);
  });

  it('revalidates with an entity tag per coding: 304 with no body when it matches (RFC 9110 §8.8.3, §13.1.2)', async () => {
    const br = await get(port, '/index.html', { 'Accept-Encoding': 'br' });
    const gzip = await get(port, '/index.html', { 'Accept-Encoding': 'gzip' });
    const plain = await get(port, '/index.html');
    const tags = [br, gzip, plain].map((answer) => answer.headers.etag);
    for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/);
    expect(new Set(tags).size).toBe(3);

    const again = await get(port, '/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers.vary).toBe('Accept-Encoding');
    // Weak comparison, a list, and "*" all match; another coding's tag does not.
    expect((await get(port, '/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': `"x", W/${br.headers.etag}` })).status).toBe(304);
    expect((await get(port, '/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': '*' })).status).toBe(304);
    const otherCoding = await get(port, '/index.html', { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag! });
    expect(otherCoding.status).toBe(200);
    expect(gunzipSync(otherCoding.body).toString('utf8')).toBe(shell);
    // The same tag on the hashed asset's path is another file's: sent in full.
    expect((await get(port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! })).status).toBe(200);
  });

  it('does not do ranges: says so, and answers a Range request with the whole file (RFC 9110 §14.2)', async () => {
    const answer = await get(port, '/assets/index-AbC123.js', { Range: 'bytes=0-9' });
    expect(answer.status).toBe(200);
    expect(answer.headers['accept-ranges']).toBe('none');
    expect(answer.headers['content-range']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe(script);
  });

  it('still refuses paths out of the folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const answer = await get(port, path, { 'Accept-Encoding': 'gzip, br' });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body.toString('utf8'), path).not.toContain('not for the web');
    }
  });

  it('ignores a compressed copy older than its file (left from an earlier build)', async () => {
    const stale = join(root, 'assets', 'stale-Q1w2e3.js');
    writeFileSync(stale, script);
    writeFileSync(`${stale}.br`, 'from the build before');
    writeFileSync(`${stale}.gz`, gzipSync(script));
    const [past, now] = [new Date(Date.now() - 60_000), new Date()];
    utimesSync(`${stale}.br`, past, past);
    utimesSync(stale, now, now);
    utimesSync(`${stale}.gz`, now, now);
    const answer = await get(port, '/assets/stale-Q1w2e3.js', { 'Accept-Encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toBe(readFileSync(stale, 'utf8'));
    utimesSync(`${stale}.gz`, past, past);
    const neither = await get(port, '/assets/stale-Q1w2e3.js', { 'Accept-Encoding': 'br, gzip' });
    expect(neither.headers['content-encoding']).toBeUndefined();
    expect(neither.body.toString('utf8')).toBe(script);
  });

  it('sends everything uncompressed when started with precompressed: false (the Lighthouse comparison)', async () => {
    const plain = await listen({ root, precompressed: false });
    servers.push(plain.server);
    const answer = await get(plain.port, '/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.body.toString('utf8')).toBe(script);
  });

  it('sends a rewritten service worker as rewritten, never the build copy (the update test hook)', async () => {
    const hooked = await listen({ root, transformServiceWorker: (source) => `${source}// new deployment\n` });
    servers.push(hooked.server);
    const answer = await get(hooked.port, '/sw.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe(`${worker}// new deployment\n`);
    // Its bytes are not the file's, so no tag of the file's is given for it.
    expect(answer.headers.etag).toBeUndefined();
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  });
});
