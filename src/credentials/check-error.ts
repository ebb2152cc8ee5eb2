/** A data problem tied to the report check it fails (VerificationReport.checks[].name). */
import { DataError } from '../lib/errors';

export type CheckName = 'format' | 'signature' | 'disclosures' | 'issuer-trusted' | 'validity' | 'status' | 'key-binding';

/**
 * A stable reason code beside each check's English message, so the UI can say what happened in
 * English and Welsh (docs/architecture.md, convention 8). Listed in docs/credentials.md.
 */
export type CheckCode =
  | 'ok'
  | 'damaged'
  | 'too-large'
  | 'mismatch'
  | 'not-checked'
  | 'key-mismatch'
  | 'unknown-issuer'
  | 'unknown-key'
  | 'type-not-allowed'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'revoked'
  | 'suspended'
  | 'unknown'
  | 'wrong-audience'
  | 'wrong-nonce'
  | 'stale'
  | 'from-future'
  | 'missing'
  | 'altered'
  | 'not-holder'
  | 'not-bound'
  /** An mdoc's issuer certificates break the ISO/IEC 18013-5 Annex B profile or cannot be read (x509/). */
  | 'bad-certificate';

export class CheckError extends DataError {
  readonly check: CheckName;
  readonly code: CheckCode;
  constructor(check: CheckName, message: string, code: CheckCode = 'damaged') {
    super(message);
    this.name = 'CheckError';
    this.check = check;
    this.code = code;
  }
}

export function codeOf(error: unknown, fallback: CheckCode): CheckCode {
  return error instanceof CheckError ? error.code : fallback;
}

/** The check an error belongs to: a CheckError's own, `fallback` for any other DataError. */
export function checkOf(error: unknown, fallback: CheckName): CheckName {
  return error instanceof CheckError ? error.check : fallback;
}
