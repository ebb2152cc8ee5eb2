/**
 * Raw DEFLATE (RFC 1951), as JWE's `"zip": "DEF"` asks (RFC 7516 §4.1.3). Uses the platform's
 * CompressionStream('deflate-raw') where it exists (Chrome 103+, Node 21.2+), fflate otherwise
 * (Chrome 87 has only 'deflate'/'gzip'), loaded on demand. Inflation stops as soon as the output passes `maxBytes`,
 * so a small "deflate bomb" cannot fill memory.
 */
import { concatBytes } from './bytes';

function hasStream(kind: 'CompressionStream' | 'DecompressionStream'): boolean {
  const ctor = (globalThis as Record<string, unknown>)[kind] as (new (format: string) => unknown) | undefined;
  if (typeof ctor !== 'function') return false;
  try {
    new ctor('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

async function collect(readable: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel();
      throw new RangeError(`The inflated data is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

async function throughStream(data: Uint8Array, stream: { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> }, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(new Uint8Array(data) as BufferSource).then(() => writer.close());
  written.catch(() => undefined);
  const [out] = await Promise.all([collect(stream.readable, maxBytes), written]);
  return out;
}

export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (hasStream('CompressionStream')) return throughStream(data, new CompressionStream('deflate-raw' as CompressionFormat), Number.MAX_SAFE_INTEGER);
  const { deflateSync } = await import('fflate');
  return deflateSync(data, { level: 9 });
}

/** Inflates raw DEFLATE; throws RangeError past `maxBytes`, Error for damaged data. */
export async function inflateRaw(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (hasStream('DecompressionStream')) return throughStream(data, new DecompressionStream('deflate-raw' as CompressionFormat), maxBytes);
  const { Inflate } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw new RangeError(`The inflated data is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
    if (final) finished = true;
  });
  inflater.push(data, true);
  if (!finished) throw new Error('The compressed data is truncated');
  return concatBytes(...chunks);
}
