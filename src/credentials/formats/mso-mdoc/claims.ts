/**
 * An mdoc's data element values (ISO/IEC 18013-5 §8.3.2.1.2.2 elementValue, any CBOR) as the claim
 * values the rest of Satchel reads: text, numbers, booleans, null, byte strings as Uint8Array,
 * full-date (tag 1004) as 'YYYY-MM-DD', tdate (tag 0) as its ISO 8601 text, arrays, and maps with
 * text keys as plain objects. Anything else is refused rather than shown some other way.
 */
import { DataError } from '../../../lib/errors';
import { setOwn } from '../../../lib/json-safe';
import { CborDateTime, CborFullDate, EmbeddedCbor, Tagged } from './cbor';

/** One element value as a claim value; throws DataError naming `where` (e.g. "org.iso.18013.5.1/driving_privileges"). */
export function claimValue(value: unknown, where: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // Integers beyond 2^53 never reach here: the decoder refuses them (cbor.ts).
  if (typeof value === 'number') return value;
  if (value instanceof Uint8Array) return value;
  if (value instanceof CborFullDate || value instanceof CborDateTime) return value.text;
  if (Array.isArray(value)) return value.map((item, i) => claimValue(item, `${where}[${i}]`));
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) {
      if (typeof key !== 'string') throw new DataError(`The value of ${where} has a map key that is not text (${typeof key}).`);
      // setOwn: a key such as "__proto__" stays an ordinary own property.
      setOwn(out, key, claimValue(item, `${where}.${key}`));
    }
    return out;
  }
  if (value instanceof EmbeddedCbor) throw new DataError(`The value of ${where} is embedded CBOR, which Satchel does not show.`);
  if (value instanceof Tagged) throw new DataError(`The value of ${where} has CBOR tag ${value.tag}, which Satchel does not show.`);
  throw new DataError(`The value of ${where} is of a kind Satchel does not show.`);
}
