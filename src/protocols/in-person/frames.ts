/**
 * Splitting a response into QR frames and collecting them again, in any order (Satchel's own
 * in-person transport; the payload inside is an OpenID4VP 1.0 §8.3 JWE, or a quick-show
 * presentation). One frame is one QR code's text:
 *
 *     SR1.<response id>.<index>.<total>.<chunk>      (request/response: chunk of a compact JWE)
 *     SQ1.<response id>.<index>.<total>.<chunk>      (quick show: chunk of base64url(deflate-raw(presentation)))
 *
 * `response id` is 8 base64url characters (48 random bits), `index` is 1-based, `total` ≤ 99.
 * A frame is at most FRAME_MAX_CHARS characters, which fits a version-19 QR code (93×93 modules)
 * at error-correction level M in byte mode — large enough to carry a typical SD-JWT VC
 * presentation in 2–4 frames, small enough for a cheap phone camera at arm's length.
 */

/** Characters per frame (QR version 19-M holds 702 bytes; we leave headroom). */
export const FRAME_MAX_CHARS = 600;
export const MAX_FRAMES = 99;
/** How long each frame stays on screen in the animated loop (3–4 frames per second). */
export const FRAME_MS = 300;
export const RESPONSE_ID_CHARS = 8;

export type FrameKind = 'response' | 'quick-show';
const PREFIX: Record<FrameKind, string> = { response: 'SR1', 'quick-show': 'SQ1' };
const FRAME = /^(SR1|SQ1)\.([A-Za-z0-9_-]{8})\.([1-9][0-9]?)\.([1-9][0-9]?)\.([A-Za-z0-9_.~-]+)$/;

export class FrameError extends Error {
  constructor(
    readonly code: 'not-a-frame' | 'mismatch' | 'missing' | 'too-large',
    message: string,
    readonly missing: number[] = [],
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

function randomId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(RESPONSE_ID_CHARS));
  return Array.from(bytes, (b) => alphabet[b & 63]).join('');
}

/** Splits `payload` (base64url, dots and tildes only) into frames; throws FrameError('too-large'). */
export function splitIntoFrames(kind: FrameKind, payload: string, id: string = randomId()): string[] {
  if (!/^[A-Za-z0-9_.~-]+$/.test(payload)) throw new TypeError('payload must be non-empty base64url text (with . and ~)');
  // Header "SR1.<8>.<nn>.<nn>." is at most 19 characters.
  const chunkChars = FRAME_MAX_CHARS - 19;
  const total = Math.ceil(payload.length / chunkChars);
  if (total > MAX_FRAMES) throw new FrameError('too-large', `The response needs ${total} QR codes; at most ${MAX_FRAMES} are allowed`);
  const frames: string[] = [];
  for (let i = 0; i < total; i++) frames.push(`${PREFIX[kind]}.${id}.${i + 1}.${total}.${payload.slice(i * chunkChars, (i + 1) * chunkChars)}`);
  return frames;
}

export interface ParsedFrame {
  kind: FrameKind;
  id: string;
  index: number;
  total: number;
  chunk: string;
}

export function parseFrame(text: string): ParsedFrame | undefined {
  if (typeof text !== 'string' || text.length > FRAME_MAX_CHARS) return undefined;
  const m = FRAME.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[3]);
  const total = Number(m[4]);
  if (index > total) return undefined;
  return { kind: m[1] === 'SR1' ? 'response' : 'quick-show', id: m[2]!, index, total, chunk: m[5]! };
}

/** Collects the frames of one response: any order, duplicates ignored, missing ones named. */
export class FrameCollector {
  private readonly chunks = new Map<number, string>();
  private first?: ParsedFrame;

  /** Adds a frame; throws FrameError('not-a-frame') for other text, ('mismatch') for another response's frame. */
  add(text: string): { received: number; total: number; complete: boolean } {
    const frame = parseFrame(text);
    if (!frame) throw new FrameError('not-a-frame', 'This QR code is not a Satchel response');
    if (this.first && (frame.id !== this.first.id || frame.total !== this.first.total || frame.kind !== this.first.kind)) {
      throw new FrameError('mismatch', 'This QR code belongs to another response: ask the person to start again');
    }
    this.first ??= frame;
    const seen = this.chunks.get(frame.index);
    // A duplicate is ignored; a different chunk under the same index means the frames are mixed up.
    if (seen !== undefined && seen !== frame.chunk) throw new FrameError('mismatch', 'Two different QR codes claim the same place in the response');
    this.chunks.set(frame.index, frame.chunk);
    return this.progress();
  }

  progress(): { received: number; total: number; complete: boolean } {
    const total = this.first?.total ?? 0;
    return { received: this.chunks.size, total, complete: total > 0 && this.chunks.size === total };
  }

  get kind(): FrameKind | undefined {
    return this.first?.kind;
  }

  /** 1-based indexes still needed. */
  missing(): number[] {
    const total = this.first?.total ?? 0;
    const out: number[] = [];
    for (let i = 1; i <= total; i++) if (!this.chunks.has(i)) out.push(i);
    return out;
  }

  /** The reassembled payload; throws FrameError('missing') naming the frames still needed. */
  assemble(): string {
    if (!this.first) throw new FrameError('missing', 'No QR code has been scanned yet', []);
    const missing = this.missing();
    if (missing.length > 0) throw new FrameError('missing', `Still needed: QR code${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${this.first.total}`, missing);
    let out = '';
    for (let i = 1; i <= this.first.total; i++) out += this.chunks.get(i)!;
    return out;
  }
}
