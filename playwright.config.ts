import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

/**
 * What every Playwright run of this repository shares, the e2e tests and `npm run screens`
 * (scripts/screens/screens.config.ts): Debian's Chromium, never a downloaded browser, with the
 * service worker on; one worker, as the e2e specs share one build and one set of reference servers;
 * no `.only` left in; a plain list of results.
 */
export const satchelPlaywright = {
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    serviceWorkers: 'allow',
  },
} satisfies PlaywrightTestConfig;

// End-to-end tests against the production build (dist/), served by src/server/static-server.ts
// from a fixture (tests/e2e/fixtures.ts).
// Time limits only catch a hang; every step waits for a condition. They are several times what a
// step takes on an idle machine (the longest spec without its own limit, the WCAG scan of every
// screen, took 18 s of the old 60 s; a wrong PIN's message waits for Argon2id at the calibrated
// cost), so a machine slowed by another heavy job does not fail a test that is only slow.
export default defineConfig({
  ...satchelPlaywright,
  testDir: 'tests/e2e',
  timeout: 180_000,
  fullyParallel: false,
  use: {
    ...satchelPlaywright.use,
    viewport: { width: 390, height: 844 },
  },
});
