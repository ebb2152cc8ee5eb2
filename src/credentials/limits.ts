/**
 * Size, depth and time limits applied to every untrusted input. Named with their units
 * (docs/architecture.md, convention 5); docs/credentials.md explains the choices.
 */

/** Largest credential or presentation accepted, in characters (compact serialization). */
export const MAX_CREDENTIAL_CHARS = 256 * 1024;
/**
 * Largest mdoc (its IssuerSigned or DeviceResponse as base64url), in characters: the same as any
 * credential. ~192 KB of CBOR holds an mDL with a portrait several times ISO/IEC 18013-5's
 * typical size (a JPEG of tens of KB).
 */
export const MAX_MDOC_CHARS = MAX_CREDENTIAL_CHARS;
/**
 * Deepest nesting of one CBOR item (arrays, maps, tags), counted afresh inside each tag 24. A
 * DeviceResponse nests 7 levels down to its IssuerSignedItemBytes; an mDL's driving_privileges 6
 * inside its item. Deeper input is refused before it can exhaust the stack.
 */
export const MAX_CBOR_DEPTH = 32;
/** Most disclosures one SD-JWT may carry. */
export const MAX_DISCLOSURES = 1024;
/** Deepest nesting of the processed payload (disclosures inside disclosures included). */
export const MAX_PROCESSED_DEPTH = 64;
/**
 * Largest Status List Token accepted (and fetched: the download stops here), in characters.
 * 1 MiB of base64url carries 768 KiB of compressed `lst`: a 1-bit list of 6 Mi entries even if it
 * did not compress at all, and far more in practice, since a real list is nearly all VALID (0)
 * and compresses a hundredfold or better (draft-ietf-oauth-status-list §4.1; lists are large for
 * herd privacy, its Privacy Considerations).
 */
export const MAX_STATUS_LIST_TOKEN_CHARS = 1024 * 1024;
/**
 * Largest inflated status list, in bytes: 16 MiB = 2^24 entries at 8 bits, 2^27 (134 M) at 1 bit,
 * more than one list needs for every credential a UK department issues. Inflation stops here
 * (lib/deflate.ts), after the token's signature has been checked.
 */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;
/**
 * Largest trust list accepted (and fetched), in characters. One issuer entry is ~1.5 KB (names in
 * English and Welsh, two P-256 JWKs of ~200 characters, a few credential types), base64url adds a
 * third: 256 KiB holds ~130 issuers, several times the departments that issue credentials.
 */
export const MAX_TRUST_LIST_CHARS = 256 * 1024;
/** Largest number of credentials in one verifyCredentials call. */
export const MAX_BATCH_CREDENTIALS = 10_000;

/** Tolerated difference between the issuer's clock and ours, in seconds, for iat/nbf/exp. */
export const CLOCK_SKEW_S = 300;
/** Oldest key-binding JWT a verifier accepts (age of its `iat`), in seconds. */
export const KB_JWT_MAX_AGE_S = 300;
