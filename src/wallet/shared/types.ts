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

/**
 * The name of a credential type or a claim as the wallet gives it: what it names, and the issuer's
 * own display text where it gave one. The UI says it in the person's language — the issuer's
 * text, else Satchel's name for a known type or claim, else one made from the key
 * (src/ui/i18n/names.ts) — so the wallet holds no words of its own. `words` is a name kept as words
 * (activity entries and check records kept before names were codes); `list` several credentials' types.
 */
export type DisplayName =
  | { of: 'type'; type: string; issuer?: Localised }
  | { of: 'claim'; path: ClaimPath; issuer?: Localised }
  | { of: 'part'; member: string; issuer?: Localised }
  | { of: 'words'; words: Localised }
  | { of: 'list'; names: DisplayName[] };

/** Whether the issuer has revoked or suspended a credential, from its status list ("unknown" when not yet checked). */
export type StatusState = 'valid' | 'revoked' | 'suspended' | 'unknown';

/** A DCQL-style claim path: keys and array indexes (`["address", "postal_code"]`). */
export type ClaimPath = (string | number | null)[];

/**
 * Whose a held credential is (docs/carers.md): `SELF_PERSON`, the person whose Satchel this is, or
 * a person they help, by the id the people use case gave them (src/wallet/people). A person's
 * space is an attribute of held credentials, their device keys and activity entries, not a second vault.
 */
export type PersonId = string;
export const SELF_PERSON: PersonId = 'self';

/**
 * Ready-made purposes that ask for the minimum claims. `identity-for-finance` and
 * `identity-for-health` ask for someone's identity on whose behalf the holder acts, with the
 * holder's authority of that power (docs/carers.md).
 */
export type Purpose = 'over-18' | 'right-to-work' | 'identity' | 'veteran' | 'driving' | 'identity-for-finance' | 'identity-for-health';

/** One QR code's worth of text; a long response is several frames shown in a loop. */
export interface QrFrames {
  frames: string[];
  /** How long each frame stays on screen when animated. */
  frameMs: number;
}
