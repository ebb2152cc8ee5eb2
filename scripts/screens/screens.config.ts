/**
 * `npm run screens`: screenshots of the main screens, in English and Welsh, into docs/screens/.
 * Not part of `npm test` (playwright.config.ts runs tests/e2e only). The reference servers and
 * the app built for them come from tests/e2e/demo-fixtures.ts, built into their own folder so a
 * run does not disturb an e2e run's build.
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium-path.mjs';

process.env.SATCHEL_E2E_OUT ??= 'dist-screens';

export default defineConfig({
  testDir: '.',
  testMatch: 'screens.spec.ts',
  timeout: 600_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    serviceWorkers: 'allow',
    // A small phone, one device pixel per CSS pixel: small files that still show every detail.
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    // A step whose button or link has been renamed fails with its name instead of hanging.
    actionTimeout: 60_000,
  },
});
