/**
 * A name (DisplayName) as the screens say it, for tests: English, and Welsh where the screen shows
 * Welsh (left out where it falls back to English) — the shape the wallet's names had when they
 * were words, so an assertion on a name's words keeps its expectation.
 */
import { nameIn } from '../../src/ui/i18n/names';
import type { DisplayName, Localised } from '../../src/wallet/shared/types';

export function words(name: DisplayName): Localised;
export function words(name: DisplayName | undefined): Localised | undefined;
export function words(name: DisplayName | undefined): Localised | undefined {
  if (!name) return undefined;
  const cy = nameIn(name, 'cy');
  return { en: nameIn(name, 'en').text, ...(cy.language === 'cy' ? { cy: cy.text } : {}) };
}
