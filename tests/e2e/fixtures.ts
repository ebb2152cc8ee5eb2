/**
 * Playwright fixtures: a static server for dist/ per test file, with a switch that makes it serve
 * a "new deployment" (a changed service worker script), as a real host would after a release.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../../src/server/static-server';

interface AppServer {
  baseURL: string;
  /** Makes the server serve a changed sw.js, as after a new release. */
  deployNewVersion(): void;
}

export const test = base.extend<{ baseURL: string }, { app: AppServer }>({
  app: [
    async ({}, use) => {
      let deployment = 1;
      const server = createStaticServer({
        root: 'dist',
        transformServiceWorker: (source) => `${source}\n// deployment ${deployment}\n`,
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      await use({ baseURL: `http://localhost:${port}`, deployNewVersion: () => void deployment++ });
      await new Promise((done) => server.close(done));
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => use(app.baseURL),
});

export { expect };

/** Loads the app and waits until its service worker controls the page (so it works offline). */
export async function openInstalled(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The heading a new visitor sees: nothing is stored yet. */
export const START_HEADING = 'Set up Satchel';
