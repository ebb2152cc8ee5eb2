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
/** Partial responses collected side by side (a stray frame of another response must not wedge a check). */
export const MAX_RESPONSES = 3;

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

interface PartialResponse {
  kind: FrameKind;
  total: number;
  chunks: Map<number, string>;
}

/**
 * Collects the frames of a response: any order, duplicates ignored, missing ones named.
 *
 * A frame of another response id does not wedge the check (the previous person's code
 * still looping in view used to fix the response id, and every genuine frame then failed). Response
 * ids are random, so "newer" cannot be read from them; instead the response of the latest frame
 * scanned is the current one (its progress is reported, it is what assemble() returns), and up to
 * MAX_RESPONSES partial responses are kept side by side, least recently scanned dropped first, so
 * two codes in view scanned alternately both still complete and memory stays bounded.
 */
export class FrameCollector {
  private readonly responses = new Map<string, PartialResponse>();
  private current?: PartialResponse;

  /** Adds a frame; throws FrameError('not-a-frame') for other text, ('mismatch') for a frame that contradicts its response. */
  add(text: string): { received: number; total: number; complete: boolean } {
    const frame = parseFrame(text);
    if (!frame) throw new FrameError('not-a-frame', 'This QR code is not a Satchel response');
    const known = this.responses.get(frame.id);
    // 48 random bits make a genuine id collision negligible: a frame that contradicts its response is damaged or forged.
    if (known && (frame.total !== known.total || frame.kind !== known.kind)) {
      throw new FrameError('mismatch', 'This QR code does not fit the response it names: ask the person to start again');
    }
    const seen = known?.chunks.get(frame.index);
    // A duplicate is ignored; a different chunk under the same index means the frames are mixed up.
    if (seen !== undefined && seen !== frame.chunk) throw new FrameError('mismatch', 'Two different QR codes claim the same place in the response');
    const response = known ?? { kind: frame.kind, total: frame.total, chunks: new Map<number, string>() };
    response.chunks.set(frame.index, frame.chunk);
    // Most recently scanned last (Map keeps insertion order); the least recent goes first.
    this.responses.delete(frame.id);
    this.responses.set(frame.id, response);
    for (const id of this.responses.keys()) {
      if (this.responses.size <= MAX_RESPONSES) break;
      this.responses.delete(id);
    }
    this.current = response;
    return this.progress();
  }

  /** Progress of the current response (the latest frame's). */
  progress(): { received: number; total: number; complete: boolean } {
    const total = this.current?.total ?? 0;
    const received = this.current?.chunks.size ?? 0;
    return { received, total, complete: total > 0 && received === total };
  }

  get kind(): FrameKind | undefined {
    return this.current?.kind;
  }

  /** 1-based indexes the current response still needs. */
  missing(): number[] {
    const total = this.current?.total ?? 0;
    const out: number[] = [];
    for (let i = 1; i <= total; i++) if (!this.current!.chunks.has(i)) out.push(i);
    return out;
  }

  /** The current response reassembled; throws FrameError('missing') naming the frames still needed. */
  assemble(): string {
    const response = this.current;
    if (!response) throw new FrameError('missing', 'No QR code has been scanned yet', []);
    const missing = this.missing();
    if (missing.length > 0) throw new FrameError('missing', `Still needed: QR code${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${response.total}`, missing);
    let out = '';
    for (let i = 1; i <= response.total; i++) out += response.chunks.get(i)!;
    return out;
  }

  /**
   * assemble(), then forgets that response (one attempt per response) while other partial ones
   * stay: a stale code that completes first must not throw away the genuine one's frames.
   */
  take(): string {
    const payload = this.assemble();
    for (const [id, response] of this.responses) if (response === this.current) this.responses.delete(id);
    this.current = undefined;
    return payload;
  }
}
