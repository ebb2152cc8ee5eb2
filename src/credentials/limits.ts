/**
 * Size, depth and time limits applied to every untrusted input. Named with their units
 * (DESIGN.md convention 5); docs/credentials.md explains the choices.
 */

/** Largest credential or presentation accepted, in characters (compact serialization). */
export const MAX_CREDENTIAL_CHARS = 256 * 1024;
/** Most disclosures one SD-JWT may carry. */
export const MAX_DISCLOSURES = 1024;
/** Deepest nesting of the processed payload (disclosures inside disclosures included). */
export const MAX_PROCESSED_DEPTH = 64;
/** Largest status list token accepted, in characters. */
export const MAX_STATUS_LIST_TOKEN_CHARS = 4 * 1024 * 1024;
/** Largest inflated status list, in bytes (16 Mi entries at 8 bits, 128 Mi at 1 bit). */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;
/** Largest trust list accepted, in characters. */
export const MAX_TRUST_LIST_CHARS = 1024 * 1024;
/** Largest number of credentials in one verifyCredentials call. */
export const MAX_BATCH_CREDENTIALS = 10_000;

/** Tolerated difference between the issuer's clock and ours, in seconds, for iat/nbf/exp. */
export const CLOCK_SKEW_S = 300;
/** Oldest key-binding JWT a verifier accepts (age of its `iat`), in seconds. */
export const KB_JWT_MAX_AGE_S = 300;
