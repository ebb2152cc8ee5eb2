/**
 * Disclosures, RFC 9901 §4.2: base64url of a UTF-8 JSON array — `[salt, name, value]` for an
 * object property (§4.2.1) or `[salt, value]` for an array element (§4.2.2).
 */
import { base64urlDecode } from '../../../lib/base64url';
import { utf8Decode } from '../../../lib/bytes';
import { CheckError } from '../../check-error';
import { parseJson, type JsonValue } from '../../../lib/json-safe';
import { disclosureDigest } from './digest';

export type Disclosure =
  | { kind: 'property'; encoded: string; digest: string; salt: string; name: string; value: JsonValue }
  | { kind: 'element'; encoded: string; digest: string; salt: string; value: JsonValue };

export function parseDisclosure(encoded: string, position: number): Disclosure {
  const what = `Disclosure ${position}`;
  const bytes = base64urlDecode(encoded);
  if (!bytes) throw new CheckError('disclosures', `${what} is not valid base64url (it may be cut short or padded)`);
  const text = utf8Decode(bytes);
  if (text === undefined) throw new CheckError('disclosures', `${what} is not valid UTF-8 text`);
  let array: JsonValue;
  try {
    array = parseJson(text, what);
  } catch (e) {
    throw new CheckError('disclosures', (e as Error).message);
  }
  if (!Array.isArray(array)) throw new CheckError('disclosures', `${what} must be a JSON array`);
  const digest = disclosureDigest(encoded);
  // §4.2.1/§4.2.2: the salt is a string in both forms.
  if (typeof array[0] !== 'string') throw new CheckError('disclosures', `${what} has no salt string`);
  const salt = array[0];
  if (array.length === 3) {
    const name = array[1];
    // §4.2.1: the claim name is a string and must not be `_sd` or `...`.
    if (typeof name !== 'string') throw new CheckError('disclosures', `${what} has a claim name that is not a string`);
    if (name === '_sd' || name === '...') throw new CheckError('disclosures', `${what} uses the reserved name "${name}" as a claim name`);
    return { kind: 'property', encoded, digest, salt, name, value: array[2] as JsonValue };
  }
  if (array.length === 2) return { kind: 'element', encoded, digest, salt, value: array[1] as JsonValue };
  throw new CheckError('disclosures', `${what} has ${array.length} elements; it must have 2 or 3`);
}
