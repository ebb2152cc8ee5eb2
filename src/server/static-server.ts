/**
 * Serves the built app (dist/) as any static host should: the security headers from
 * security-headers.ts, the right MIME types (application/wasm enables streaming compilation),
 * the build's pre-compressed Brotli or gzip copy by Accept-Encoding (content-encoding.ts), long
 * caching for hashed assets, revalidation (an entity tag per coding, 304) for the service worker,
 * the HTML shell and the manifest, and the app shell for in-app paths such as /about. Used by `npm start` and the end-to-end tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { securityHeaders } from './security-headers';
import { chooseCoding, CODING_SUFFIX, COMPRESSIBLE_EXTENSIONS, PRECOMPRESSED_CODINGS, type ChosenCoding, type PrecompressedCoding } from './content-encoding';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticServerOptions {
  root: string;
  connectOrigins?: readonly string[];
  /** Test hook: rewrite the service worker script as it is served (to simulate a new deployment). */
  transformServiceWorker?: (source: string) => string;
  /**
   * Send the build's pre-compressed `.br`/`.gz` copies to clients that accept them (default true).
   * False serves every file uncompressed: the Lighthouse bench compares the two.
   */
  precompressed?: boolean;
}

export function createStaticServer({ root, connectOrigins = [], transformServiceWorker, precompressed = true }: StaticServerOptions): Server {
  const rootDir = resolve(root);
  const headers = securityHeaders(connectOrigins);
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let filePath = resolve(join(rootDir, normalize(decodeURIComponent(url.pathname))));
      if (!filePath.startsWith(rootDir)) {
        response.writeHead(400, headers).end('Bad path');
        return;
      }
      const isFile = await stat(filePath).then((s) => s.isFile(), () => false);
      if (!isFile) {
        // In-app routes get the shell; a missing asset is a real 404.
        if (extname(url.pathname)) {
          response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
          return;
        }
        filePath = join(rootDir, 'index.html');
      }
      const name = filePath.slice(rootDir.length);
      const rewriteServiceWorker = name === '/sw.js' && transformServiceWorker !== undefined;
      const compressible = COMPRESSIBLE_EXTENSIONS.has(extname(filePath));
      // A rewritten service worker is sent as rewritten, never as the build's compressed copy.
      const coding = compressible && precompressed && !rewriteServiceWorker
        ? chooseCoding(request.headers['accept-encoding'], await precompressedSiblings(filePath))
        : 'identity';
      const sentPath = coding === 'identity' ? filePath : filePath + CODING_SUFFIX[coding];
      // A rewritten service worker's bytes are not the file's: no tag of the file's for it.
      const etag = rewriteServiceWorker ? undefined : entityTag(await stat(sentPath), coding);
      const hashed = name.startsWith('/assets/');
      const cacheHeaders = {
        // Hashed names never change content; everything else (index.html, sw.js, the manifest,
        // icons) is revalidated on every load so that a new deployment is seen at once.
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        // Caches must keep one copy per coding (RFC 9110 §12.5.5), so every compressible response
        // says so, coded or not.
        ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
        ...(etag ? { ETag: etag } : {}),
      };
      if (etag && (request.method === 'GET' || request.method === 'HEAD') && noneMatchMatches(request.headers['if-none-match'], etag)) {
        // §15.4.5: a 304 carries the ETag, Cache-Control and Vary a 200 would.
        response.writeHead(304, { ...headers, ...cacheHeaders }).end();
        return;
      }
      let body: Buffer | string = await readFile(sentPath);
      if (rewriteServiceWorker) body = transformServiceWorker(body.toString('utf8'));
      response.writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Content-Length': String(Buffer.byteLength(body)),
        ...cacheHeaders,
        ...(coding !== 'identity' ? { 'Content-Encoding': coding } : {}),
        // No Range support is offered (§14.3 "none"); a Range request gets the whole file (§14.2).
        'Accept-Ranges': 'none',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end('Server error');
      console.error(error);
    }
  });
}

/**
 * A strong entity tag for the bytes sent (RFC 9110 §8.8.3): from the sent file's size and time,
 * and the coding, so that each coding of one file has its own tag, as a tag names exact bytes.
 */
function entityTag(file: Stats, coding: ChosenCoding): string {
  return `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}${coding === 'identity' ? '' : `-${coding}`}"`;
}

/** If-None-Match (§13.1.2): "*", or any listed tag equal to ours by weak comparison (§8.8.3.2). */
function noneMatchMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * The pre-compressed copies the build wrote beside a file (precompress.ts). A copy older than the
 * file is from an earlier build and is not used.
 */
async function precompressedSiblings(filePath: string): Promise<PrecompressedCoding[]> {
  const fileTime = (await stat(filePath)).mtimeMs;
  const found: PrecompressedCoding[] = [];
  for (const coding of PRECOMPRESSED_CODINGS) {
    const sibling = await stat(filePath + CODING_SUFFIX[coding]).catch(() => undefined);
    if (sibling?.isFile() && sibling.mtimeMs >= fileTime) found.push(coding);
  }
  return found;
}

/** Seconds a browser waits before asking again while the app is being built. */
export const STARTING_RETRY_S = 2;

const STARTING_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${STARTING_RETRY_S}">
<title>Satchel is starting</title>
</head>
<body>
<h1>Satchel is starting, please wait</h1>
<p>The app is being built. This page will reload by itself in a moment.</p>
<p lang="cy">Mae Satchel yn cychwyn, arhoswch. Bydd y dudalen hon yn ail-lwytho ei hun mewn eiliad.</p>
</body>
</html>
`;

/**
 * What the app's address answers while `npm start` builds the app, for every path: a small page
 * that reloads itself, as 503 with Retry-After (RFC 9110 §15.6.4, §10.2.3) and never cached, so
 * a browser opened early ends up on the app and not on an error.
 */
export function serveStartingPage(request: IncomingMessage, response: ServerResponse, connectOrigins: readonly string[] = []): void {
  response.writeHead(503, {
    ...securityHeaders(connectOrigins),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': String(STARTING_RETRY_S),
  });
  response.end(request.method === 'HEAD' ? undefined : STARTING_PAGE);
}
