/**
 * Ready-made purposes (over 18, right to work, identity, veteran, driving) as the
 * minimum claims each needs, the credential types that can answer them, and the DCQL query
 * (OpenID4VP 1.0 §6) a verifier sends for a purpose or for claims it picks itself. A purpose the
 * driving licence answers accepts it as an SD-JWT VC or as an ISO mdoc (ISO/IEC 18013-5 mDL): the
 * query asks for either with credential_sets (§6.2), and a held credential answers with the claims
 * its own format names (purposeAnswerFor). A purpose on someone's behalf (docs/carers.md) asks
 * for that person's credential as its base purpose does AND the holder's authority to act for
 * them, of the power it names (dcqlFor).
 */
import { DEFAULT_DCQL_FORMAT, dcqlMetaFor } from '../../credentials/formats/dcql-naming';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE, type AuthorityPower } from '../../credentials/on-behalf';
import type { DcqlPathElement } from '../../protocols/openid4vp/dcql';
import type { ClaimPath, Purpose } from './types';

/** SD-JWT VC types (`vct`) of the reference departments (src/server/reference/departments.ts). */
export const TYPE_BASE = 'https://satchel.example/credentials';
export const CREDENTIAL_TYPES = {
  drivingLicence: `${TYPE_BASE}/driving-licence`,
  rightToWork: `${TYPE_BASE}/right-to-work`,
  basicDbs: `${TYPE_BASE}/basic-dbs`,
} as const;
export const ALL_SD_JWT_TYPES: readonly string[] = Object.values(CREDENTIAL_TYPES);
/** The veteran card's W3C VC type (a `vc+jwt`, DCQL format jwt_vc_json: OpenID4VP 1.0 B.1). */
export const VETERAN_CARD_TYPE = 'VeteranCard';

/** The ISO mobile driving licence (ISO/IEC 18013-5 §7.1): its docType and the namespace of its data elements (§7.2.1). */
export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';

/** Every type Satchel has its own name for (the UI's catalogue, src/ui/i18n/names.ts). */
export const KNOWN_TYPES: readonly string[] = [...ALL_SD_JWT_TYPES, VETERAN_CARD_TYPE, MDL_DOCTYPE];

/** One kind of credential that answers a purpose, and what it must show. */
export interface PurposeAnswer {
  /** The DCQL format (§6.1); absent: dc+sd-jwt. */
  format?: 'dc+sd-jwt' | 'jwt_vc_json' | 'mso_mdoc';
  /** Types that can answer (the DCQL `vct_values`; for jwt_vc_json each one a B.1.1 `type_values` set with VerifiableCredential; for mso_mdoc the one B.2.3 `doctype_value`). */
  types: readonly string[];
  /** The minimum claims, in the order shown, as DCQL paths in that format (B.2.4: [namespace, element] for an mdoc). */
  claims: readonly ClaimPath[];
}

export interface PurposeRule extends PurposeAnswer {
  /** Other credentials that answer it as well (the licence as an mdoc): each an option of the query's credential set. */
  alternatives?: readonly PurposeAnswer[];
  /** The DCQL credential query id of its first answer; default: the purpose's name with `_` for `-`. */
  queryId?: string;
  /** On someone's behalf: the holder's authority (AUTHORITY_TYPE) with this power is asked for as well. */
  authority?: { power: AuthorityPower };
}

/** The credential query id of the authority in an on-behalf request. */
export const AUTHORITY_QUERY_ID = 'authority';

/** What the checker needs of the authority: who acts, for whom (to match the person), for what, and the register's reference. */
const AUTHORITY_ASKED: readonly string[] = [
  AUTHORITY_CLAIMS.attorneyGivenName,
  AUTHORITY_CLAIMS.attorneyFamilyName,
  AUTHORITY_CLAIMS.donorGivenName,
  AUTHORITY_CLAIMS.donorFamilyName,
  AUTHORITY_CLAIMS.donorBirthDate,
  AUTHORITY_CLAIMS.power,
  AUTHORITY_CLAIMS.reference,
];

/** The mDL's data elements of the same name (ISO/IEC 18013-5 §7.2.1: age_over_NN, given_name, portrait, …). */
const mdl = (...elements: string[]): PurposeAnswer => ({ format: 'mso_mdoc', types: [MDL_DOCTYPE], claims: elements.map((e) => [MDL_NAMESPACE, e]) });

const IDENTITY: PurposeRule = {
  types: [CREDENTIAL_TYPES.drivingLicence],
  claims: [['given_name'], ['family_name'], ['birth_date'], ['portrait']],
  alternatives: [mdl('given_name', 'family_name', 'birth_date', 'portrait')],
};

/**
 * A purpose on someone's behalf: `base`'s first credential (its query id kept, so a wallet answers
 * it as it answers `base`) and the authority with `power`. Not `base`'s mDL alternative: its
 * DeviceRequest beside the authority's query makes the in-person request QR 1,004–1,019
 * characters, past the 1,000 one code holds (request-qr.ts); the checker's rule reads an mDL's
 * name and date of birth all the same (on-behalf-check.ts).
 */
const onBehalf = (base: PurposeRule, power: AuthorityPower): PurposeRule => ({ types: base.types, claims: base.claims, queryId: 'identity', authority: { power } });

export const PURPOSES: Record<Purpose, PurposeRule> = {
  // Age: the yes/no claim only — never the date of birth.
  'over-18': { types: [CREDENTIAL_TYPES.drivingLicence], claims: [['age_over_18']], alternatives: [mdl('age_over_18')] },
  // Right to work: who, whether, and any restrictions; no date of birth or share code.
  'right-to-work': { types: [CREDENTIAL_TYPES.rightToWork], claims: [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']] },
  // Identity: name, date of birth and photo (so the checker can compare face to photo).
  identity: IDENTITY,
  // Driving: who (the photo to compare with the face), what they may drive and until when; never the
  // date of birth or address. The mDL's expiry_date is the licence's own (§7.2.1); the SD-JWT licence
  // has no such claim (its validity is the credential's `exp`, checked anyway).
  driving: {
    types: [CREDENTIAL_TYPES.drivingLicence],
    claims: [['given_name'], ['family_name'], ['portrait'], ['driving_privileges']],
    alternatives: [mdl('given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date')],
  },
  // Veteran: who, and which service they left when. The card is a JWT VC, shared whole (claim paths
  // into the credential, B.1.2); the service number it also carries reaches the checker flagged as
  // not asked for.
  veteran: {
    format: 'jwt_vc_json',
    types: [VETERAN_CARD_TYPE],
    claims: [['credentialSubject', 'given_name'], ['credentialSubject', 'family_name'], ['credentialSubject', 'service'], ['credentialSubject', 'service_left']],
  },
  // Someone's identity, shown by the person who acts for them: the identity purpose's licence and the authority of the power.
  'identity-for-finance': onBehalf(IDENTITY, 'property-and-financial-affairs'),
  'identity-for-health': onBehalf(IDENTITY, 'health-and-welfare'),
};

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PURPOSES, value);
}

/** Every kind of credential that answers a purpose, the first preferred. */
export function purposeAnswers(purpose: Purpose): PurposeAnswer[] {
  const { alternatives = [], ...first } = PURPOSES[purpose];
  return [first, ...alternatives];
}

/** What a held credential (its DCQL format and type) must show for a purpose; undefined when it cannot answer it. */
export function purposeAnswerFor(purpose: Purpose, format: string, type: string): PurposeAnswer | undefined {
  return purposeAnswers(purpose).find((a) => (a.format ?? DEFAULT_DCQL_FORMAT) === format && a.types.includes(type));
}

/**
 * The DCQL query for a purpose, or for chosen claims from any known SD-JWT VC type (§6.1, B.3.5).
 * A purpose several kinds of credential answer (the licence as an SD-JWT VC or an mdoc) is one
 * credential query each, `<purpose>` then `<purpose>_<format>`, in one required credential set
 * whose options are each alone (§6.2, §6.4.2): the holder answers with the first it holds.
 */
export function dcqlFor(options: { purpose?: Purpose; claims?: ClaimPath[] }): { id: string; query: Record<string, unknown>; requested: ClaimPath[]; types: string[] } {
  const rule = options.purpose ? PURPOSES[options.purpose] : undefined;
  const chosen = options.claims && options.claims.length > 0 ? options.claims : undefined;
  const claims = chosen ?? rule?.claims;
  if (!claims || claims.length === 0) throw new TypeError('options.purpose or options.claims is required');
  const id = options.purpose ? rule?.queryId ?? options.purpose.replace(/-/g, '_') : 'credential';
  // Chosen claims (no purpose) come from any of the SD-JWT VC types; they name SD-JWT paths, so no alternative applies.
  const answers: PurposeAnswer[] = options.purpose && !chosen ? purposeAnswers(options.purpose) : [{ ...(rule?.format ? { format: rule.format } : {}), types: rule?.types ?? ALL_SD_JWT_TYPES, claims }];
  const credentials = answers.map((answer, i) => {
    const format = answer.format ?? DEFAULT_DCQL_FORMAT;
    return {
      id: i === 0 ? id : `${id}_${format.replace(/[^A-Za-z0-9]/g, '_')}`,
      format,
      meta: dcqlMetaFor(format, answer.types),
      claims: answer.claims.map((path) => ({ path: path as DcqlPathElement[] })),
    };
  });
  const query: Record<string, unknown> = { credentials };
  // §6.2: one required set, each kind of credential an option of its own.
  const sets: string[][][] = credentials.length > 1 ? [credentials.map((c) => [c.id])] : [];
  // On someone's behalf (chosen claims never are): the authority too, a second required set (§6.4.2:
  // both sets must be met), its power one of the `values` asked (§6.3: the claim must equal one).
  const power = chosen ? undefined : rule?.authority?.power;
  if (power) {
    credentials.push({
      id: AUTHORITY_QUERY_ID,
      format: DEFAULT_DCQL_FORMAT,
      meta: dcqlMetaFor(DEFAULT_DCQL_FORMAT, [AUTHORITY_TYPE]),
      claims: AUTHORITY_ASKED.map((name) => (name === AUTHORITY_CLAIMS.power ? { path: [name], values: [power] } : { path: [name] })),
    });
    sets.push([[AUTHORITY_QUERY_ID]]);
    if (sets.length === 1) sets.unshift([[id]]);
  }
  if (sets.length > 0) query.credential_sets = sets.map((options) => ({ options }));
  return { id, query, requested: claims.map((p) => [...p]), types: [...answers[0]!.types] };
}
