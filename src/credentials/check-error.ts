/** A data problem tied to the report check it fails (VerificationReport.checks[].name). */
import { DataError } from '../lib/errors';

export type CheckName = 'format' | 'signature' | 'disclosures' | 'issuer-trusted' | 'validity' | 'status' | 'key-binding';

export class CheckError extends DataError {
  readonly check: CheckName;
  constructor(check: CheckName, message: string) {
    super(message);
    this.name = 'CheckError';
    this.check = check;
  }
}

/** The check an error belongs to: a CheckError's own, `fallback` for any other DataError. */
export function checkOf(error: unknown, fallback: CheckName): CheckName {
  return error instanceof CheckError ? error.check : fallback;
}
