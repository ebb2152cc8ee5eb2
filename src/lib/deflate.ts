/**
 * DEFLATE (RFC 1951) compression and capped inflation, in both wrappings Satchel reads: raw
 * DEFLATE, as JWE's `"zip": "DEF"` asks (RFC 7516 §4.1.3), and ZLIB (RFC 1950), which Token Status
 * Lists use (draft-ietf-oauth-status-list §4.1). Uses the platform's (De)CompressionStream where it
 * exists (Chrome 103+ for 'deflate-raw', Node 21.2+), fflate otherwise (Chrome 87 has only
 * 'deflate'/'gzip'), loaded on demand.
 *
 * Inflation cannot be trusted to stop by itself: DEFLATE expands up to ~1032:1, so a 1 MiB "bomb"
 * becomes 1 GiB. Handing the whole input to the inflater in one piece lets it produce all of that
 * before anyone looks at the size (a platform transform inflates a whole chunk at once). So the
 * input is fed INFLATE_CHUNK_BYTES at a time, the output is read as it comes, and nothing more is
 * fed once the output passes `maxBytes`: memory stays below maxBytes + one chunk's output
 * (INFLATE_CHUNK_BYTES × 1032 ≈ 1 MiB).
 */
import { concatBytes } from './bytes';

export type DeflateFormat = 'deflate' | 'deflate-raw';

/** Compressed bytes fed to the inflater at a time: at most 1024 × 1032 B ≈ 1 MiB of output each. */
export const INFLATE_CHUNK_BYTES = 1024;

function hasStream(kind: 'CompressionStream' | 'DecompressionStream', format: DeflateFormat): boolean {
  const ctor = (globalThis as Record<string, unknown>)[kind] as (new (format: string) => unknown) | undefined;
  if (typeof ctor !== 'function') return false;
  try {
    new ctor(format);
    return true;
  } catch {
    return false;
  }
}

function tooLarge(maxBytes: number): RangeError {
  return new RangeError(`The inflated data is larger than ${maxBytes} bytes`);
}

/**
 * Inflates through the platform's DecompressionStream, one small chunk of input at a time; the
 * stream's backpressure keeps the next chunk from being inflated until the output so far is read.
 */
export async function inflateWithStream(data: Uint8Array, format: DeflateFormat, maxBytes: number): Promise<Uint8Array> {
  const stream = new DecompressionStream(format as CompressionFormat);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < data.length && !stopped; i += INFLATE_CHUNK_BYTES) {
      await writer.ready;
      if (stopped) return;
      await writer.write(data.slice(i, i + INFLATE_CHUNK_BYTES) as BufferSource);
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
    await feeding;
  } catch (e) {
    stopped = true;
    await Promise.all([reader.cancel().catch(() => undefined), writer.abort().catch(() => undefined)]);
    if (e instanceof RangeError) throw e;
    throw new Error('The compressed data is damaged or cut short');
  }
  return concatBytes(...chunks);
}

/** The same with fflate's streaming inflater (Inflate / Unzlib), pushed one small chunk at a time. */
export async function inflateWithFflate(data: Uint8Array, format: DeflateFormat, maxBytes: number): Promise<Uint8Array> {
  const { Inflate, Unzlib } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const ondata = (chunk: Uint8Array, final: boolean) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
    if (final) finished = true;
  };
  const inflater = format === 'deflate' ? new Unzlib(ondata) : new Inflate(ondata);
  try {
    for (let i = 0; i < data.length; i += INFLATE_CHUNK_BYTES) {
      const end = Math.min(i + INFLATE_CHUNK_BYTES, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    throw new Error('The compressed data is damaged');
  }
  if (!finished) throw new Error('The compressed data is cut short');
  return concatBytes(...chunks);
}

/** Inflates ZLIB or raw DEFLATE; throws RangeError past `maxBytes`, Error for damaged data. */
export function inflateCapped(data: Uint8Array, format: DeflateFormat, maxBytes: number): Promise<Uint8Array> {
  return hasStream('DecompressionStream', format) ? inflateWithStream(data, format, maxBytes) : inflateWithFflate(data, format, maxBytes);
}

/** Inflates raw DEFLATE (JWE `zip: DEF`, the in-person QR payloads); see inflateCapped. */
export function inflateRaw(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return inflateCapped(data, 'deflate-raw', maxBytes);
}

async function collect(readable: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

/** Compresses our own data (never untrusted input), so it needs no cap. */
export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (hasStream('CompressionStream', 'deflate-raw')) {
    const stream = new CompressionStream('deflate-raw' as CompressionFormat);
    const writer = stream.writable.getWriter();
    const written = writer.write(new Uint8Array(data) as BufferSource).then(() => writer.close());
    written.catch(() => undefined);
    const [out] = await Promise.all([collect(stream.readable), written]);
    return out;
  }
  const { deflateSync } = await import('fflate');
  return deflateSync(data, { level: 9 });
}
