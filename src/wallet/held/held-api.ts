/** A held credential as screens show it: re-verified on every read (credential-views.ts). */
import type { DisplayName, Localised, PersonId, StatusState } from '../shared';
import type { PaperCardMissing } from '../vault';

export interface CredentialView {
  id: string;
  /** Whose it is (SELF_PERSON, or a person the holder helps): every screen that shows it says so. */
  personId: PersonId;
  /** The id of its format (src/credentials/formats). */
  format: string;
  /** False when it can only be shared whole: its format has no selective disclosure (a JWT VC). */
  selective: boolean;
  /** True when it can answer only a verifier's request, never be shown by quick show: its format's holder proof covers the request (an mdoc). */
  requestOnly: boolean;
  issuerName: Localised;
  /** The issuer's name for the type where it gave one, and the type (the UI words it: src/ui/i18n/names.ts). */
  typeName: DisplayName;
  /** Holder's name for the card, when the credential carries one. */
  holderName?: string;
  validFrom?: string;
  validUntil?: string;
  /**
   * True when validFrom/validUntil are the signed copy's window (an mdoc's MSO validityInfo, ISO/IEC
   * 18013-5 §9.1.2.4), which the issuer renews more often than the document, whose own issue and
   * expiry dates are among its claims: the screen words the two apart.
   */
  copyValidity?: boolean;
  /** Signature, trust list, type and validity still check out (re-verified on open). */
  verified: boolean;
  status: { state: StatusState; checkedAt?: string };
  /** Every claim with its display name; values are data, rendered as text. */
  /**
   * Each claim with its label; `parts` labels the members of a nested claim (an address's
   * `postal_code`), keyed by member names from the claim down, array steps left out ("codes.code").
   */
  claims: { path: (string | number | null)[]; label: DisplayName; value: unknown; parts?: Record<string, DisplayName> }[];
  /** Whether its printable paper card is kept (it came with the credential), so it can be printed offline. */
  paperCard?: boolean;
}

/**
 * A held credential's paper card as the print screen shows it: the card re-verified against the
 * cached trust list and status lists (its claims with the credential's labels, its own dates), the
 * text of its QR code (`SC1:…`), and the credential it came with (the photo is printed from it);
 * or, when none is kept, why: the issuer offers none, the phone was offline, the card did not come
 * or check out, or the credential was added before Satchel kept cards ('unknown').
 */
export type PaperCardView =
  | { kind: 'card'; credential: CredentialView; card: CredentialView; code: string }
  | { kind: 'missing'; credential: CredentialView; why: PaperCardMissing | 'unknown' };
