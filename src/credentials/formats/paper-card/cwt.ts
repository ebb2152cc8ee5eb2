/**
 * What a paper card's COSE_Sign1 holds, shared by the parser and the issuer's encoder: the CWT
 * claim keys (RFC 8392 §3.1.1 iss 1, exp 4, nbf 5, iat 6; draft-ietf-oauth-status-list §6.1, CWT
 * claim 65535 `status`) and the two text-keyed claims Satchel adds ("vct", "claims"); the COSE
 * header labels (RFC 9052 §3.1 alg 1, kid 4) and ES256 (RFC 9053 §2.1, -7).
 */
export const CWT_ISS = 1;
export const CWT_EXP = 4;
export const CWT_NBF = 5;
export const CWT_IAT = 6;
/** draft-ietf-oauth-status-list §6.1 (CWT Claims registry): `status` = {"status_list": {"idx", "uri"}}. */
export const CWT_STATUS = 65535;
/** Text keys (RFC 8392 §3: a claim name may be text): the credential type, as the credential's own vct. */
export const CARD_VCT = 'vct';
/** The card's claims about the person: text, numbers and booleans only, dates as "YYYY-MM-DD" text. */
export const CARD_CLAIMS = 'claims';

export const HEADER_ALG = 1;
export const HEADER_KID = 4;
export const COSE_ES256 = -7;

/** The format's id in verify reports, and its OpenID4VCI format identifier (a profile's own, OpenID4VCI 1.0 Appendix A). */
export const PAPER_CARD_FORMAT = 'paper-card';
export const PAPER_CARD_VCI_FORMAT = 'satchel_card';

export type CardClaimValue = string | number | boolean;

/** Whether a claim value is one a card may carry (text, a finite number, a boolean). */
export function isCardClaimValue(value: unknown): value is CardClaimValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
