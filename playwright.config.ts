import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

// End-to-end tests against the production build (dist/), served by src/server/static-server.ts
// from a fixture (tests/e2e/fixtures.ts). Debian's Chromium, never a downloaded browser.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    serviceWorkers: 'allow',
    viewport: { width: 390, height: 844 },
  },
});
