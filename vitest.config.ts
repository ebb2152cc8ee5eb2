import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

// Two projects: `unit` runs in Node, `browser` in Debian's real Chromium (never a downloaded one).
export default defineConfig({
  plugins: [preact()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  // Pre-bundled up front: otherwise the first run on an empty Vite cache reloads mid-test once.
  optimizeDeps: { include: ['hash-wasm', 'idb', 'comlink', 'fflate', 'jsqr', 'qrcode-generator', 'preact', 'preact/hooks', 'preact/jsx-runtime'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
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
