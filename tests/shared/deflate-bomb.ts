/**
 * A DEFLATE "bomb" (RFC 1951) for inflation-cap tests, built without ever holding what it inflates
 * to: fflate compresses 1 MiB of zeros and sync-flushes to a byte boundary (an empty stored block,
 * so the segment ends a block and refers to nothing before it); the ~1 KiB segment is then
 * repeated. `segments` MiB of output per ~1 KiB of input; no final block and no checksum, which an
 * inflater only notices at the end — a capped one never gets there.
 */
import { Deflate } from 'fflate';
import { concatBytes } from '../../src/lib/bytes';

/** Bytes of output each segment inflates to. */
export const BOMB_SEGMENT_OUTPUT_BYTES = 1 << 20;

export function deflateBomb(format: 'deflate' | 'deflate-raw', segments: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9 }, (chunk) => void parts.push(chunk));
  deflater.push(new Uint8Array(BOMB_SEGMENT_OUTPUT_BYTES));
  deflater.flush(true);
  const segment = concatBytes(...parts);
  // RFC 1950 §2.2: CMF 0x78 (deflate, 32 KiB window), FLG 0xDA (level 9, FCHECK so that CMF·256+FLG ≡ 0 mod 31).
  const header = format === 'deflate' ? [Uint8Array.of(0x78, 0xda)] : [];
  return concatBytes(...header, ...Array.from({ length: segments }, () => segment));
}

export interface InflateMeter {
  /** Compressed bytes the platform inflater was given. */
  consumed: number;
  /** Inflated bytes it handed out. */
  produced: number;
  restore(): void;
}

/** Replaces globalThis.DecompressionStream with one that counts what goes in and comes out. */
export function meterDecompressionStream(): InflateMeter {
  const g = globalThis as Record<string, unknown>;
  const Real = g.DecompressionStream as typeof DecompressionStream;
  const meter: InflateMeter = { consumed: 0, produced: 0, restore: () => void (g.DecompressionStream = Real) };
  g.DecompressionStream = class {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<BufferSource>;
    constructor(format: CompressionFormat) {
      const inner = new Real(format);
      const writer = inner.writable.getWriter();
      this.writable = new WritableStream<BufferSource>({
        write: (chunk) => {
          meter.consumed += chunk.byteLength;
          return writer.write(chunk);
        },
        close: () => writer.close(),
        abort: (reason) => writer.abort(reason),
      });
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform: (chunk, controller) => {
            meter.produced += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  };
  return meter;
}
