/**
 * Ready-made purposes (over 18, right to work, identity, veteran) as the
 * minimum claims each needs, the credential types that can answer them, and the DCQL query
 * (OpenID4VP 1.0 §6) a verifier sends for a purpose or for claims it picks itself.
 */
import { DEFAULT_DCQL_FORMAT, dcqlMetaFor } from '../../credentials/formats/dcql-naming';
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

/** Every type Satchel has its own name for (the UI's catalogue, src/ui/i18n/names.ts). */
export const KNOWN_TYPES: readonly string[] = [...ALL_SD_JWT_TYPES, VETERAN_CARD_TYPE];

export interface PurposeRule {
  /** The DCQL format (§6.1); absent: dc+sd-jwt. */
  format?: 'dc+sd-jwt' | 'jwt_vc_json';
  /** Types that can answer (the DCQL `vct_values`, or for jwt_vc_json each one a B.1.1 `type_values` set with VerifiableCredential). */
  types: readonly string[];
  /** The minimum claims, in the order shown. */
  claims: readonly ClaimPath[];
}

export const PURPOSES: Record<Purpose, PurposeRule> = {
  // Age: the yes/no claim only — never the date of birth.
  'over-18': { types: [CREDENTIAL_TYPES.drivingLicence], claims: [['age_over_18']] },
  // Right to work: who, whether, and any restrictions; no date of birth or share code.
  'right-to-work': { types: [CREDENTIAL_TYPES.rightToWork], claims: [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']] },
  // Identity: name, date of birth and photo (so the checker can compare face to photo).
  identity: { types: [CREDENTIAL_TYPES.drivingLicence], claims: [['given_name'], ['family_name'], ['birth_date'], ['portrait']] },
  // Veteran: who, and which service they left when. The card is a JWT VC, shared whole (claim paths
  // into the credential, B.1.2); the service number it also carries reaches the checker flagged as
  // not asked for.
  veteran: {
    format: 'jwt_vc_json',
    types: [VETERAN_CARD_TYPE],
    claims: [['credentialSubject', 'given_name'], ['credentialSubject', 'family_name'], ['credentialSubject', 'service'], ['credentialSubject', 'service_left']],
  },
};

export function isPurpose(value: unknown): value is Purpose {
  return value === 'over-18' || value === 'right-to-work' || value === 'identity' || value === 'veteran';
}

/** The DCQL query for a purpose, or for chosen claims from any known type (§6.1, B.3.5). */
export function dcqlFor(options: { purpose?: Purpose; claims?: ClaimPath[] }): { id: string; query: Record<string, unknown>; requested: ClaimPath[]; types: string[] } {
  const rule = options.purpose ? PURPOSES[options.purpose] : undefined;
  const claims = options.claims && options.claims.length > 0 ? options.claims : rule?.claims;
  if (!claims || claims.length === 0) throw new TypeError('options.purpose or options.claims is required');
  const id = options.purpose ? options.purpose.replace(/-/g, '_') : 'credential';
  // Chosen claims (no purpose) come from any of the SD-JWT VC types.
  const format = rule?.format ?? DEFAULT_DCQL_FORMAT;
  const types = rule?.types ?? ALL_SD_JWT_TYPES;
  const query = {
    credentials: [
      {
        id,
        format,
        meta: dcqlMetaFor(format, types),
        claims: claims.map((path) => ({ path: path as DcqlPathElement[] })),
      },
    ],
  };
  return { id, query, requested: claims.map((p) => [...p]), types: [...types] };
}
