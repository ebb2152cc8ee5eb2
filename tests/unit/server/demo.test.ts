/**
 * What `npm start` does, on ephemeral ports into a scratch folder: the app is built for the
 * reference servers — their origins in the CSP (header and meta tag) and the trust-list URL and
 * operator key compiled in — and served next to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../../src/server/reference/demo';

const BUILD_TIMEOUT_MS = 180_000;

describe('startDemo (npm start)', () => {
  let dataDir: string;
  let outDir: string;
  let demo: Demo;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'satchel-demo-'));
    outDir = mkdtempSync(join(tmpdir(), 'satchel-demo-dist-'));
    demo = await startDemo({ dataDir, outDir, ports: 'ephemeral', buildWasm: false, log: () => undefined });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await demo?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('serves the app with the issuers and trust-list operator in connect-src', async () => {
    const response = await fetch(`${demo.appUrl}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy')!;
    for (const origin of demo.servers.origins) expect(csp).toContain(origin);
    const html = await response.text();
    expect(html).toContain(`connect-src 'self' ${demo.servers.origins.join(' ')}`);
  });

  it('compiles in the trust-list URL and the pinned operator key', () => {
    const js = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outDir, 'assets', f), 'utf8')).join('\n');
    expect(js).toContain(demo.servers.trustListUrl);
    expect(js).toContain(demo.servers.trustListKeys[0]!.x as string);
  });

  it('the admin page links offers to this app', async () => {
    const admin = new URL(demo.servers.adminUrl).origin;
    const created = await fetch(`${admin}/offers`, { method: 'POST', body: new URLSearchParams({ person: 'ada', credential: 'veterans:veteran_card' }), headers: { Origin: admin }, redirect: 'manual' });
    const page = await (await fetch(`${admin}${created.headers.get('Location')}`)).text();
    expect(page).toContain(`href="${demo.appUrl}/offer?credential_offer_uri=`);
  });
});
