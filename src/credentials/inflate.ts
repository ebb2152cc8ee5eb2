/**
 * ZLIB inflate (RFC 1950 wrapper around RFC 1951 DEFLATE) with an output cap, for status lists
 * (draft-ietf-oauth-status-list §4.1: `lst` is ZLIB-compressed). The capped, chunked inflation
 * itself is lib/deflate.ts's (the platform's DecompressionStream('deflate') — which is the ZLIB
 * format — where present, fflate where it is missing: Safari 15, Firefox 91); here its failures
 * become DataErrors that say what was wrong with the status list.
 */
import { inflateWithFflate as fflateInflate, inflateWithStream as streamInflate } from '../lib/deflate';
import { DataError } from '../lib/errors';

type Inflater = (data: Uint8Array, format: 'deflate', maxBytes: number) => Promise<Uint8Array>;

async function asStatusList(inflater: Inflater, data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await inflater(data, 'deflate', maxBytes);
  } catch (e) {
    if (e instanceof RangeError) throw new DataError(`The status list inflates to more than ${maxBytes} bytes`);
    const detail = e instanceof Error && /cut short/.test(e.message) ? ' (it is cut short)' : '';
    throw new DataError(`The status list is not valid ZLIB-compressed data${detail}`);
  }
}

export function inflateWithStream(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return asStatusList(streamInflate, data, maxBytes);
}

export function inflateWithFflate(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return asStatusList(fflateInflate, data, maxBytes);
}

export function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return typeof DecompressionStream === 'function' ? inflateWithStream(data, maxBytes) : inflateWithFflate(data, maxBytes);
}
