/**
 * What a lasting power of attorney covers, in words (docs/carers.md: the authority credential's
 * `power`), in English and Welsh: said by the sharer ("You are acting for Mum … (property and
 * financial affairs)") and by the checker ("… under a lasting power of attorney (health and
 * welfare)"), so one place says it. A power Satchel does not know is said as such.
 */
import type { AuthorityPower } from '../../wallet/people';
import type { Language } from '../i18n/translate';

const POWER_WORDS: Record<Language, Record<AuthorityPower | 'unknown', string>> = {
  en: {
    'property-and-financial-affairs': 'property and financial affairs',
    'health-and-welfare': 'health and welfare',
    unknown: 'a power Satchel does not know',
  },
  cy: {
    'property-and-financial-affairs': 'eiddo a materion ariannol',
    'health-and-welfare': 'iechyd a lles',
    unknown: 'pŵer nad yw Satchel yn ei adnabod',
  },
};

export const powerWords = (power: AuthorityPower | undefined, language: Language): string => POWER_WORDS[language][power ?? 'unknown'];
