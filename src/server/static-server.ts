/**
 * Serves the built app (dist/) as any static host should: the security headers from
 * security-headers.ts, the right MIME types (application/wasm enables streaming compilation),
 * long caching for hashed assets, no caching for the service worker and the HTML shell, and the
 * app shell for in-app paths such as /about. Used by `npm start` and the end-to-end tests.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { securityHeaders } from './security-headers';

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
}

export function createStaticServer({ root, connectOrigins = [], transformServiceWorker }: StaticServerOptions): Server {
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
      let body: Buffer | string = await readFile(filePath);
      const name = filePath.slice(rootDir.length);
      if (name === '/sw.js' && transformServiceWorker) body = transformServiceWorker(body.toString('utf8'));
      const hashed = name.startsWith('/assets/');
      response.writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end('Server error');
      console.error(error);
    }
  });
}
