/**
 * Names of credential types and claims in words: the one place their fallbacks live. In the
 * person's language: the issuer's own display text; else Satchel's name for a type or claim it
 * knows (the catalogue's type.*, claim.*, claimPart.*); else the issuer's text in English; else a
 * name made from the key ("birth_date" → "Birth date"). Names kept as words (records kept before
 * names were codes) are shown as kept.
 */
import { AUTHORITY_TYPE, CREDENTIAL_TYPES, labelFromName, primaryLanguage, textIn, VETERAN_CARD_TYPE, type DisplayName, type Localised } from '../../wallet/shared';
import type { ShareVia } from '../../wallet/activity';
import type { MessageKey } from './en';
import { LANGUAGES, translator, type Language } from './translate';

const TYPES: Record<string, MessageKey> = {
  [CREDENTIAL_TYPES.drivingLicence]: 'type.drivingLicence',
  [CREDENTIAL_TYPES.rightToWork]: 'type.rightToWork',
  [CREDENTIAL_TYPES.basicDbs]: 'type.basicDbs',
  [VETERAN_CARD_TYPE]: 'type.veteranCard',
  // The ISO mobile driving licence's docType (ISO/IEC 18013-5 §7.1): the same licence, as an mdoc.
  'org.iso.18013.5.1.mDL': 'type.drivingLicence',
  // The Office of the Public Guardian's authority to act for someone (src/credentials/on-behalf.ts).
  [AUTHORITY_TYPE]: 'type.lastingPowerOfAttorney',
};

/** Claim names the departments issue (their OpenID4VCI metadata), named by Satchel too. */
const CLAIMS = ['given_name', 'family_name', 'birth_date', 'address', 'driving_privileges', 'age_over_18', 'age_over_21', 'document_number', 'portrait', 'right_to_work', 'work_restrictions', 'share_code', 'certificate_number', 'result', 'issued_on', 'service', 'service_number', 'service_left',
  // ISO/IEC 18013-5 §7.2.1: the other mDL data elements an mdoc licence may carry (by element identifier).
  'issue_date', 'expiry_date', 'issuing_country', 'issuing_authority', 'un_distinguishing_sign', 'administrative_number', 'sex', 'height', 'weight', 'eye_colour', 'hair_colour',
  'birth_place', 'resident_address', 'portrait_capture_date', 'age_in_years', 'age_birth_year', 'issuing_jurisdiction', 'nationality', 'resident_city', 'resident_state',
  'resident_postal_code', 'resident_country', 'family_name_national_character', 'given_name_national_character', 'signature_usual_mark',
  // The authority to act for someone (src/credentials/on-behalf.ts AUTHORITY_CLAIMS).
  'attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference', 'registered_on'] as const;
const PARTS = ['formatted', 'street_address', 'locality', 'region', 'postal_code', 'country', 'vehicle_category_code', 'issue_date', 'expiry_date', 'codes', 'code', 'sign', 'value'] as const;

const has = (list: readonly string[], key: string) => list.includes(key);

/** How something was shared, when no verifier was named: the words for each way (ActivityLogEntry.via). */
export const VIA_WORDS: Record<ShareVia, MessageKey> = { 'quick-show': 'quick.title' };

/** The catalogue's key for what `name` names, if Satchel knows it. */
function knownKey(name: DisplayName): MessageKey | undefined {
  if (name.of === 'type') return Object.prototype.hasOwnProperty.call(TYPES, name.type) ? TYPES[name.type] : undefined;
  if (name.of === 'claim') {
    // A top-level claim; a W3C VC's sit under credentialSubject (VC Data Model 2.0 §4.8).
    const path = name.path.length === 2 && name.path[0] === 'credentialSubject' ? name.path.slice(1) : name.path;
    const [only] = path;
    return path.length === 1 && typeof only === 'string' && has(CLAIMS, only) ? (`claim.${only}` as MessageKey) : undefined;
  }
  if (name.of === 'part') return has(PARTS, name.member) ? (`claimPart.${name.member}` as MessageKey) : undefined;
  return undefined;
}

/** A name made from the key: a type's last path segment, a claim's names along its path, a member's name. */
function fromKey(name: Extract<DisplayName, { of: 'type' | 'claim' | 'part' }>): Localised {
  if (name.of === 'type') return labelFromName(name.type.split('/').pop() ?? name.type);
  if (name.of === 'claim') return labelFromName(name.path.filter((s): s is string => typeof s === 'string').join(' '));
  return labelFromName(name.member);
}

/** `name` in `language`, and the language it is in (English shown on a Welsh screen is marked so, WCAG 3.1.2). */
export function nameIn(name: DisplayName, language: Language): { text: string; language: string } {
  if (name.of === 'words') return textIn(name.words, language);
  // Several credentials' types, as one line in the person's language.
  if (name.of === 'list') return { text: name.names.map((n) => nameIn(n, language).text).join(', '), language };
  const own = name.issuer && textIn(name.issuer, language);
  if (own && primaryLanguage(own.language) === language) return own;
  const key = knownKey(name);
  if (key) return { text: translator(language)(key), language };
  return own ?? textIn(fromKey(name), language);
}

/** `name` in `language`, as text. */
export function nameText(name: DisplayName, language: Language): string {
  return nameIn(name, language).text;
}

/** Every language's words for how something was shared (ActivityLog.list `viaWords`). */
export function viaWords(via: ShareVia): string[] {
  return LANGUAGES.map((language) => translator(language)(VIA_WORDS[via]));
}

/** Every language's words for `name`: what the activity search matches (ActivityLog.list `words`). */
export function wordsOfName(name: DisplayName): string[] {
  return LANGUAGES.map((language) => nameText(name, language));
}
