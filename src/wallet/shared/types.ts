/** Types every use case and the UI share: display strings, credential status, claim paths, purposes. */

/**
 * Text a person reads, by BCP 47 language tag (RFC 5646 primary language subtags: `en`, `cy`, …).
 * English is always there: it is shown where the person's language is missing (textIn,
 * localise.ts). A further language is one more member, not more code.
 */
export interface Localised {
  en: string;
  [language: string]: string | undefined;
}

/** Whether the issuer has revoked or suspended a credential, from its status list ("unknown" when not yet checked). */
export type StatusState = 'valid' | 'revoked' | 'suspended' | 'unknown';

/** A DCQL-style claim path: keys and array indexes (`["address", "postal_code"]`). */
export type ClaimPath = (string | number | null)[];

/** Ready-made purposes that ask for the minimum claims. */
export type Purpose = 'over-18' | 'right-to-work' | 'identity' | 'veteran';

/** One QR code's worth of text; a long response is several frames shown in a loop. */
export interface QrFrames {
  frames: string[];
  /** How long each frame stays on screen when animated. */
  frameMs: number;
}
