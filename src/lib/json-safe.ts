/**
 * JSON parsing for untrusted input (RFC 8259). Checks nesting depth *before* handing the
 * text to JSON.parse, so deeply nested input is refused cheaply and cannot exhaust the
 * stack; copies objects with own-property definitions so names such as `__proto__` stay data.
 */
import { DataError } from './errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Deepest nesting of objects/arrays accepted anywhere in a credential. */
export const MAX_JSON_DEPTH = 32;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maximum bracket depth of a JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Parses JSON text; throws DataError (never SyntaxError/RangeError) with a message naming `what`. */
export function parseJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): JsonValue {
  if (jsonDepth(text) > maxDepth) throw new DataError(`${what} is nested more than ${maxDepth} levels deep`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new DataError(`${what} is not valid JSON`);
  }
}

export function parseJsonObject(text: string, what: string, maxDepth = MAX_JSON_DEPTH): JsonObject {
  const value = parseJson(text, what, maxDepth);
  if (!isJsonObject(value)) throw new DataError(`${what} must be a JSON object`);
  return value;
}

/** Sets an own, enumerable property even for names like `__proto__` (no prototype change). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}
