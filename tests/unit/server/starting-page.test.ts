/**
 * `npm start` while the app is still being built: the app's address answers a small
 * "Satchel is starting" page that refreshes itself (503 with Retry-After, RFC 9110 §10.2.3), not
 * a 500 from a half-written dist/ with a stack trace in the terminal; once built, the app.
 * The build is a hook here, held open until the test lets it finish.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../../src/server/reference/demo';

describe('npm start while the app builds', () => {
  const folders: string[] = [];
  let demo: Demo | undefined;
  afterEach(async () => {
    await demo?.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('answers a "Satchel is starting" page that retries by itself, then the app once built', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'satchel-starting-'));
    const outDir = mkdtempSync(join(tmpdir(), 'satchel-starting-dist-'));
    folders.push(dataDir, outDir);
    rmSync(outDir, { recursive: true, force: true }); // as `vite build --emptyOutDir` leaves it mid-build
    const errors = vi.spyOn(console, 'error');
    let finishBuild!: () => void;
    let buildStarted!: (appUrl: string) => void;
    const building = new Promise<string>((resolve) => (buildStarted = resolve));
    const starting = startDemo({
      dataDir, outDir, ports: 'ephemeral', log: () => undefined,
      buildApp: ({ appUrl }) => {
        buildStarted(appUrl);
        return new Promise<void>((resolve) => (finishBuild = resolve));
      },
    });
    const appUrl = await building;

    for (const path of ['/', '/offer', '/assets/index.js']) {
      const response = await fetch(`${appUrl}${path}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const page = await response.text();
      expect(page).toContain('Satchel is starting');
      expect(page).toMatch(/<meta http-equiv="refresh" content="\d+">/);
      expect(page).not.toMatch(/Error|at .*\.ts/);
    }
    expect(errors).not.toHaveBeenCalled();

    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Satchel</title>');
    finishBuild();
    demo = await starting;
    const ready = await fetch(`${demo.appUrl}/`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toContain('<title>Satchel</title>');
  });
});
