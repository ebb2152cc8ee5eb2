/**
 * Vitest setup (vitest.config.ts, both projects): every message catalogue loaded up front, as the
 * app has them once a lazy screen shows (src/ui/i18n/translate.ts), so that a test may render any
 * component in Welsh at once. What the first screen loads is tested against the build instead
 * (tests/e2e/first-screen.spec.ts).
 */
import { loadCatalogues } from '../../src/ui/i18n/translate';

await loadCatalogues();
