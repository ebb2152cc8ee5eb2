/**
 * `npm run screens`: screenshots of the main screens, in English and Welsh, into docs/screens/.
 * Not part of `npm test` (playwright.config.ts runs tests/e2e only). The reference servers and
 * the app built for them come from tests/e2e/demo-fixtures.ts, built into their own folder so a
 * run does not disturb an e2e run's build. The browser and runner settings are the e2e tests' own
 * (satchelPlaywright in playwright.config.ts).
 */
import { defineConfig } from '@playwright/test';
import { satchelPlaywright } from '../../playwright.config';

process.env.SATCHEL_E2E_OUT ??= 'dist-screens';

export default defineConfig({
  ...satchelPlaywright,
  testDir: '.',
  testMatch: 'screens.spec.ts',
  timeout: 600_000,
  use: {
    ...satchelPlaywright.use,
    // A small phone, one device pixel per CSS pixel: small files that still show every detail.
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    // A step whose button or link has been renamed fails with its name instead of hanging.
    actionTimeout: 60_000,
  },
});
