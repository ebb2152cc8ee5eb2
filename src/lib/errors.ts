/** Errors shared across layers. Misuse (wrong argument types) throws; bad data is reported. */

/** Throws a TypeError that names the parameter (docs/architecture.md, convention 2). */
export function argumentError(parameter: string, expected: string, got: unknown): TypeError {
  const kind = got === null ? 'null' : Array.isArray(got) ? 'array' : typeof got;
  return new TypeError(`${parameter} must be ${expected} (got ${kind})`);
}

export function requireString(parameter: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw argumentError(parameter, 'a string', value);
}

export function requireObject(parameter: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw argumentError(parameter, 'an object', value);
}

/** A problem with data (not with how a function was called); carries a person-readable message. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
