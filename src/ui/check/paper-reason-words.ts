/**
 * The words of a paper card's own reason (src/wallet/check/paper-check.ts), in English and Welsh,
 * for src/ui/i18n/reasons.ts: kept here rather than in the catalogues, which load with the first
 * screen (README: sizes). The check screen says it as its warning; these words are for a kept
 * record of the check (the activity log, the records document).
 */
import type { Language } from '../i18n/translate';

export const PAPER_REASON_WORDS: Record<Language, Record<string, string>> = {
  en: { 'paper:not-bound': 'Read from a paper card, which is not linked to a phone: compare the name and photo on the card with the person' },
  cy: { 'paper:not-bound': 'Wedi’i ddarllen o gerdyn papur, nad yw wedi’i gysylltu â ffôn: cymharwch yr enw a’r llun ar y cerdyn â’r person' },
};
