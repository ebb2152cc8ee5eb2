import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

// Two projects: `unit` runs in Node, `browser` in Debian's real Chromium (never a downloaded one).
//
// Time limits: vitest's defaults (5 s a test, 10 s a hook) are met with room to spare on an idle
// machine, but tests here run real Argon2id (≥ 19 MiB per derivation), start workers, build the
// app and talk to servers over loopback; on a busy machine (CI beside another heavy job) those take
// several times longer, and a test that is merely slow must not fail. The limits below only catch
// a test that hangs: no test waits for them, and every wait inside a test is for a condition.
const UNIT_LIMITS = { testTimeout: 120_000, hookTimeout: 120_000 };
const BROWSER_LIMITS = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  plugins: [preact()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  // Pre-bundled up front: otherwise the first run on an empty Vite cache reloads mid-test once.
  // Vite's start-up scan follows the test files' static imports but not workers or import(): what
  // only the crypto and Argon2id workers or a lazy import reach must be listed here.
  optimizeDeps: {
    include: [
      'hash-wasm', 'idb', 'comlink', 'fflate', 'jsqr', 'qrcode-generator', 'preact', 'preact/hooks', 'preact/jsx-runtime', 'preact/test-utils',
      // The reference job site's pages, rendered in a phone-sized frame (verifier-pages.test.ts).
      'hono/html',
      '@noble/curves/nist.js', '@noble/curves/ed25519.js', '@noble/hashes/sha2.js',
      // Test-only mdoc issuing (tests/browser/support/mdoc-fixture.ts): found late by the scan, which reloaded the first test once.
      '@owf/mdoc', '@peculiar/x509',
      // WCAG checks of screens rendered in a test (tests/browser/ui/check): found late by the scan too.
      'axe-core',
      // An independent SD-JWT VC wallet in Chromium (tests/browser/wallet/check/digital-credentials.test.ts).
      '@sd-jwt/sd-jwt-vc', 'jose',
    ],
  },
  test: {
    // Every message catalogue loaded before each test file (src/ui/i18n/translate.ts loads Welsh on demand).
    setupFiles: ['tests/shared/setup-catalogues.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], ...UNIT_LIMITS },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          ...BROWSER_LIMITS,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
