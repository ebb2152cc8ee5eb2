/**
 * The words of sharing for someone else (docs/sharing.md, "On someone's behalf"; docs/carers.md):
 * "Who is this for?", acting under a lasting power of attorney, helping someone show their own
 * credential (assisted use), whose each credential is, and why Satchel cannot answer on anyone's
 * behalf, in English and Welsh. Kept beside the share screens, not in the first screen's
 * catalogues (README: sizes); typed like them: every language has every key (tested).
 * Pronouns are left out on purpose: Satchel does not know how the people a carer helps are referred to.
 */
import type { AuthorityPower } from '../../wallet/people';
import type { NoAuthorityReason } from '../../wallet/share';
import type { Language } from '../i18n/translate';
import { screenWords, type ScreenWords } from '../i18n/screen-words';
import { powerWords } from './power-words';

const en = {
  'onBehalf.whoFor': 'Who is this for?',
  'onBehalf.whoForHint': 'You can answer for these people: you keep their credential and hold a lasting power of attorney for them.',
  'onBehalf.change': 'Change who this is for',
  'onBehalf.actingFor': 'You are acting for {name} ({donor}) under a lasting power of attorney ({power}).',
  'onBehalf.actingForNoDonor': 'You are acting for {name} under a lasting power of attorney ({power}).',
  'onBehalf.willSee': '{verifier} will see {whose} and your authority, with your name.',
  'onBehalf.authorityShares': 'What your authority shares (all of it is needed)',
  'share.details': 'Check or change what is shared',
  'assisted.helping': 'You are helping {name} show their own {type}.',
  'assisted.notAuthority': 'This does not say you act for them.',
  'verifier.unnamed': 'The service asking',
  'noAuthority.intro': 'You cannot answer this for anyone. It needs the person’s own credential and your lasting power of attorney for {power} for them.',
  'noAuthority.nobody': 'You have not added anyone you help to Satchel.',
  'noAuthority.no-credential': '{name}: Satchel keeps nothing of theirs that answers this.',
  'noAuthority.no-authority': '{name}: you do not hold a lasting power of attorney for them.',
  'noAuthority.other-power': '{name}: your lasting power of attorney for them does not cover {power}.',
  'noAuthority.revoked': '{name}: your lasting power of attorney for them has been cancelled.',
  'noAuthority.suspended': '{name}: your lasting power of attorney for them is suspended.',
  'noAuthority.expired': '{name}: your lasting power of attorney for them has expired.',
};

export type OnBehalfWordKey = keyof typeof en;

const cy: Record<OnBehalfWordKey, string> = {
  'onBehalf.whoFor': 'Ar ran pwy mae hyn?',
  'onBehalf.whoForHint': 'Gallwch ateb ar ran y bobl hyn: rydych yn cadw eu tystlythyr ac mae gennych atwrneiaeth arhosol ar eu rhan.',
  'onBehalf.change': 'Newid ar ran pwy mae hyn',
  'onBehalf.actingFor': 'Rydych chi’n gweithredu ar ran {name} ({donor}) o dan atwrneiaeth arhosol ({power}).',
  'onBehalf.actingForNoDonor': 'Rydych chi’n gweithredu ar ran {name} o dan atwrneiaeth arhosol ({power}).',
  'onBehalf.willSee': 'Bydd {verifier} yn gweld {whose} a’ch awdurdod, gyda’ch enw.',
  'onBehalf.authorityShares': 'Beth mae’ch awdurdod yn ei rannu (mae angen y cyfan)',
  'share.details': 'Gwirio neu newid beth a rennir',
  'assisted.helping': 'Rydych chi’n helpu {name} i ddangos {type} sy’n perthyn iddyn nhw.',
  'assisted.notAuthority': 'Nid yw hyn yn dweud eich bod yn gweithredu ar eu rhan.',
  'verifier.unnamed': 'Y gwasanaeth sy’n gofyn',
  'noAuthority.intro': 'Ni allwch ateb hyn ar ran unrhyw un. Mae angen tystlythyr y person ei hun a’ch atwrneiaeth arhosol ar gyfer {power} ar eu rhan.',
  'noAuthority.nobody': 'Nid ydych wedi ychwanegu unrhyw un rydych yn ei helpu at Satchel.',
  'noAuthority.no-credential': '{name}: nid yw Satchel yn cadw dim ganddyn nhw sy’n ateb hyn.',
  'noAuthority.no-authority': '{name}: nid oes gennych atwrneiaeth arhosol ar eu rhan.',
  'noAuthority.other-power': '{name}: nid yw eich atwrneiaeth arhosol ar eu rhan yn cynnwys {power}.',
  'noAuthority.revoked': '{name}: mae eich atwrneiaeth arhosol ar eu rhan wedi’i chanslo.',
  'noAuthority.suspended': '{name}: mae eich atwrneiaeth arhosol ar eu rhan wedi’i hatal.',
  'noAuthority.expired': '{name}: mae eich atwrneiaeth arhosol ar eu rhan wedi dod i ben.',
};

export const ON_BEHALF_WORDS: Record<Language, Record<OnBehalfWordKey, string>> = { en, cy };

export function onBehalfWords(language: Language): ScreenWords<OnBehalfWordKey> {
  return screenWords(ON_BEHALF_WORDS, language);
}

/**
 * A type name inside a sentence: its first letter lower-cased unless it starts an abbreviation
 * ("Driving licence" → "driving licence"; "DBS check" stays).
 */
export function inSentence(type: string): string {
  const [first = '', second = ''] = type;
  return second !== '' && second === second.toLowerCase() ? first.toLowerCase() + type.slice(1) : type;
}

/** Why Satchel cannot answer on anyone's behalf (ShareError 'no-authority'), person by person. */
export function noAuthorityText(language: Language, power: AuthorityPower | undefined, people: { name: string; reason: NoAuthorityReason }[]): string {
  const w = onBehalfWords(language);
  const powerText = power ? powerWords(power, language) : '';
  const why = people.length === 0 ? [w('noAuthority.nobody')] : people.map((p) => w(`noAuthority.${p.reason}`, { name: p.name, power: powerText }));
  return [w('noAuthority.intro', { power: powerText }), ...why].join(' ');
}
