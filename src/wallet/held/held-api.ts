/** A held credential as screens show it: re-verified on every read (credential-views.ts). */
import type { DisplayName, Localised, StatusState } from '../shared';

export interface CredentialView {
  id: string;
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
}
