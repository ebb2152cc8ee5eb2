/**
 * The checker's words for an answer given on someone's behalf (docs/carers.md): the two purposes
 * that ask for it, "Presented by … on behalf of …", and each failure of the on-behalf rule, in
 * English and Welsh. Kept beside the check screens, not in the first screen's catalogues (README:
 * sizes); typed like them: every language has every key (tested). Names go in as text, never HTML.
 */
import { formatDate } from '../../lib/format';
import type { OnBehalfFailure, OnBehalfOutcome } from '../../wallet/check';
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';
import { powerWords } from './power-words';

const en = {
  'switch.onBehalf': 'Checking someone who acts for another person',
  'switch.own': 'Checking someone’s own credential',
  'purpose.identity-for-finance': 'Identity of someone they act for: money and property',
  'purpose.identity-for-financeHint': 'Name, date of birth and photo, and a lasting power of attorney for property and financial affairs that names them.',
  'purpose.identity-for-health': 'Identity of someone they act for: health and care',
  'purpose.identity-for-healthHint': 'Name, date of birth and photo, and a lasting power of attorney for health and welfare that names them.',
  'presentedBy': 'Presented by {attorney} on behalf of {donor}, under a lasting power of attorney ({power}), valid until {date}',
  'presentedByNoDate': 'Presented by {attorney} on behalf of {donor}, under a lasting power of attorney ({power})',
  'reference': 'Register reference: {reference}',
  'failedTitle': 'Not accepted as acting for someone',
  'recordTerm': 'Acting for someone',
  'failedNames': 'The authority shown says {attorney} may act for {donor}.',
  'on-behalf': 'The authority to act for them is valid, names the person shown and covers what you asked for',
  'on-behalf:authority-missing': 'No authority to act for this person was shared',
  'on-behalf:authority-invalid': 'The authority to act for them failed its checks: it may be forged, or from an issuer you do not trust',
  'on-behalf:authority-revoked': 'The authority to act for them has been cancelled',
  'on-behalf:authority-expired': 'The authority to act for them has expired',
  'on-behalf:authority-not-bound': 'The authority was not shown from the phone of the person it was given to: it may be a copy',
  'on-behalf:person-claims-missing': 'Their credential did not show a name and date of birth to compare with the authority',
  'on-behalf:person-mismatch': 'The authority is for someone else, not the person whose credential was shown',
  'on-behalf:power-not-covered': 'The authority does not cover what you asked for',
};

export type CheckOnBehalfWordKey = keyof typeof en;

const cy: Record<CheckOnBehalfWordKey, string> = {
  'switch.onBehalf': 'Gwirio rhywun sy’n gweithredu ar ran rhywun arall',
  'switch.own': 'Gwirio tystlythyr rhywun ei hun',
  'purpose.identity-for-finance': 'Hunaniaeth rhywun maen nhw’n gweithredu ar ei ran: arian ac eiddo',
  'purpose.identity-for-financeHint': 'Enw, dyddiad geni a llun, ac atwrneiaeth arhosol ar gyfer eiddo a materion ariannol sy’n ei enwi.',
  'purpose.identity-for-health': 'Hunaniaeth rhywun maen nhw’n gweithredu ar ei ran: iechyd a gofal',
  'purpose.identity-for-healthHint': 'Enw, dyddiad geni a llun, ac atwrneiaeth arhosol ar gyfer iechyd a lles sy’n ei enwi.',
  'presentedBy': 'Wedi’i gyflwyno gan {attorney} ar ran {donor}, o dan atwrneiaeth arhosol ({power}), yn ddilys tan {date}',
  'presentedByNoDate': 'Wedi’i gyflwyno gan {attorney} ar ran {donor}, o dan atwrneiaeth arhosol ({power})',
  'reference': 'Cyfeirnod y gofrestr: {reference}',
  'failedTitle': 'Heb ei dderbyn fel gweithredu ar ran rhywun',
  'recordTerm': 'Gweithredu ar ran rhywun',
  'failedNames': 'Mae’r awdurdod a ddangoswyd yn dweud y caiff {attorney} weithredu ar ran {donor}.',
  'on-behalf': 'Mae’r awdurdod i weithredu ar eu rhan yn ddilys, yn enwi’r person a ddangoswyd ac yn cynnwys yr hyn y gofynnoch amdano',
  'on-behalf:authority-missing': 'Ni rannwyd unrhyw awdurdod i weithredu ar ran y person hwn',
  'on-behalf:authority-invalid': 'Methodd yr awdurdod i weithredu ar eu rhan ei wiriadau: gallai fod wedi’i ffugio, neu gan gyhoeddwr nad ydych yn ymddiried ynddo',
  'on-behalf:authority-revoked': 'Mae’r awdurdod i weithredu ar eu rhan wedi’i ganslo',
  'on-behalf:authority-expired': 'Mae’r awdurdod i weithredu ar eu rhan wedi dod i ben',
  'on-behalf:authority-not-bound': 'Ni ddangoswyd yr awdurdod o ffôn y person y’i rhoddwyd iddo: gallai fod yn gopi',
  'on-behalf:person-claims-missing': 'Ni ddangosodd eu tystlythyr enw a dyddiad geni i’w cymharu â’r awdurdod',
  'on-behalf:person-mismatch': 'Mae’r awdurdod ar gyfer rhywun arall, nid y person y dangoswyd ei dystlythyr',
  'on-behalf:power-not-covered': 'Nid yw’r awdurdod yn cynnwys yr hyn y gofynnoch amdano',
};

export const CHECK_ON_BEHALF_WORDS: Record<Language, Record<CheckOnBehalfWordKey, string>> = { en, cy };

export function checkOnBehalfWords(language: Language): ScreenWords<CheckOnBehalfWordKey> {
  return screenWords(CHECK_ON_BEHALF_WORDS, language);
}

/** A reason `on-behalf` / `on-behalf:<failure>` in words (src/ui/i18n/reasons.ts); undefined for any other code. */
export function onBehalfReasonText(code: string, language: Language): string | undefined {
  if (code !== 'on-behalf' && !code.startsWith('on-behalf:')) return undefined;
  return Object.prototype.hasOwnProperty.call(en, code) ? CHECK_ON_BEHALF_WORDS[language][code as CheckOnBehalfWordKey] : undefined;
}

export const failureText = (failure: OnBehalfFailure, language: Language): string => CHECK_ON_BEHALF_WORDS[language][`on-behalf:${failure}`];

const fullName = (name: { givenName: string; familyName: string }): string => `${name.givenName} ${name.familyName}`.trim();

/** Who the authority says acts for whom, as plain text; undefined unless both names were read. */
export function namesOf(outcome: OnBehalfOutcome): { attorney: string; donor: string } | undefined {
  return outcome.attorney && outcome.donor ? { attorney: fullName(outcome.attorney), donor: fullName(outcome.donor) } : undefined;
}

/** "Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (…), valid until …" (plain text); undefined unless it passed with both names. */
export function presentedBySentence(outcome: OnBehalfOutcome, language: Language): string | undefined {
  const names = namesOf(outcome);
  if (!outcome.ok || !names) return undefined;
  const w = checkOnBehalfWords(language);
  const power = powerWords(outcome.power, language);
  return outcome.validUntil ? w('presentedBy', { ...names, power, date: formatDate(outcome.validUntil, language) }) : w('presentedByNoDate', { ...names, power });
}

/** The outcome in one line of plain text, for a kept record: the sentence when it passed, else the failures (and whom the authority names). */
export function onBehalfSummary(outcome: OnBehalfOutcome, language: Language): string {
  const passed = presentedBySentence(outcome, language);
  if (passed) return passed;
  const w = checkOnBehalfWords(language);
  const names = namesOf(outcome);
  return [`${w('failedTitle')}:`, outcome.failures.map((f) => failureText(f, language)).join('; ') + '.', ...(names ? [w('failedNames', names)] : [])].join(' ');
}
