/** Types every use case and the UI share: display strings, credential status, claim paths, purposes. */

/** A display string in both languages; Welsh may be missing, then English is shown. */
export interface Localised {
  en: string;
  cy?: string;
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
