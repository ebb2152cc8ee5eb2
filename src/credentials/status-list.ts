/**
 * The Status List itself, draft-ietf-oauth-status-list §4 ("Status List"): `bits` ∈ {1,2,4,8},
 * `lst` = base64url(ZLIB(byte array)); status i is the `bits`-wide value at byte ⌊i·bits/8⌋,
 * starting at bit (i mod 8/bits)·bits, least significant bit first (§4.1).
 */
import { base64urlDecode } from '../lib/base64url';
import { DataError } from '../lib/errors';
import { isJsonObject, type JsonValue } from '../lib/json-safe';
import { inflateZlib } from './inflate';
import { MAX_STATUS_LIST_BYTES } from './limits';

export type StatusBits = 1 | 2 | 4 | 8;

export interface StatusList {
  bits: StatusBits;
  bytes: Uint8Array;
  /** Number of entries the list holds: bytes·8/bits. */
  size: number;
}

/** §4.1: a Status List in JSON is `{ bits, lst }` (plus optional aggregation_uri). */
export async function decodeStatusList(value: JsonValue | undefined, inflate = inflateZlib): Promise<StatusList> {
  if (!isJsonObject(value)) throw new DataError('The status list token has no status_list object');
  const bits = value.bits;
  // §4.1: bits is 1, 2, 4 or 8.
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) throw new DataError(`The status list uses ${JSON.stringify(bits)} bits per entry; only 1, 2, 4 or 8 are defined`);
  if (typeof value.lst !== 'string') throw new DataError('The status list has no lst string');
  const compressed = base64urlDecode(value.lst);
  if (!compressed) throw new DataError('The status list lst is not valid base64url');
  const bytes = await inflate(compressed, MAX_STATUS_LIST_BYTES);
  return { bits, bytes, size: (bytes.length * 8) / bits };
}

/** §4.1: the status at `index`, or undefined when the index is outside the list. */
export function statusAt(list: StatusList, index: number): number | undefined {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.size) return undefined;
  const perByte = 8 / list.bits;
  const byte = list.bytes[Math.floor(index / perByte)]!;
  const shift = (index % perByte) * list.bits;
  return (byte >> shift) & ((1 << list.bits) - 1);
}
