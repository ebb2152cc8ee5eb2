/**
 * ZLIB inflate (RFC 1950 wrapper around RFC 1951 DEFLATE) with an output cap, for status lists
 * (draft-ietf-oauth-status-list §4.1: `lst` is ZLIB-compressed). Uses the platform's
 * DecompressionStream('deflate') — which is the ZLIB format — where present, and fflate, loaded on
 * demand, where it is missing (Safari 15, Firefox 91).
 */
import { concatBytes } from '../lib/bytes';
import { DataError } from '../lib/errors';

/** Input fed to fflate per push, in bytes; bounds how far one push can overshoot the cap (~1032:1). */
const FFLATE_CHUNK_BYTES = 1024;

function tooLarge(maxBytes: number): DataError {
  return new DataError(`The status list inflates to more than ${maxBytes} bytes`);
}

export async function inflateWithStream(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError('The status list is not valid ZLIB-compressed data');
  }
  return concatBytes(...chunks);
}

export async function inflateWithFflate(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const { Unzlib } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length; i += FFLATE_CHUNK_BYTES) {
      const end = Math.min(i + FFLATE_CHUNK_BYTES, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError('The status list is not valid ZLIB-compressed data');
  }
  if (!ended) throw new DataError('The status list is not valid ZLIB-compressed data (it is cut short)');
  return concatBytes(...chunks);
}

export function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return typeof DecompressionStream === 'function' ? inflateWithStream(data, maxBytes) : inflateWithFflate(data, maxBytes);
}
