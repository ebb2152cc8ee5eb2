/**
 * Splitting a session message into BLE chunks and joining the holder's chunks again
 * (ISO/IEC 18013-5 §8.3.3.1.1.6): each chunk is one characteristic value whose first byte says
 * whether more follow (0x01) or it is the last (0x00), followed by part of the message.
 */

export const CHUNK_MORE = 0x01;
export const CHUNK_LAST = 0x00;

/**
 * What the reader writes per chunk, header included: 20 bytes, the value that fits the smallest
 * ATT MTU (23, minus 3 bytes of ATT header). Web Bluetooth does not say what MTU was negotiated,
 * and a write larger than it fails (or is cut) on some platforms, so the reader assumes the
 * minimum. Its messages are small (a SessionEstablishment with a DeviceRequest is a few hundred
 * bytes: some 15–30 writes), so this costs little; the holder's large reply comes the other way.
 */
export const READER_CHUNK_BYTES = 20;
/** The largest chunk accepted from the holder: an attribute value is at most 512 bytes (Bluetooth Core 5.3 Vol 3 Part F §3.2.9). */
export const MAX_INCOMING_CHUNK_BYTES = 512;
/** The largest whole message accepted: a DeviceResponse with a portrait is tens of KiB; 1 MiB leaves room and bounds memory. */
export const MAX_MESSAGE_BYTES = 1 << 20;

export class ChunkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkError';
  }
}

/** The chunks for one message, each at most `chunkBytes` long including its header byte. */
export function splitMessage(message: Uint8Array, chunkBytes = READER_CHUNK_BYTES): Uint8Array[] {
  if (!Number.isInteger(chunkBytes) || chunkBytes < 2) throw new RangeError(`A chunk needs at least 2 bytes (header and payload), not ${chunkBytes}`);
  if (message.byteLength === 0) throw new RangeError('A session message is never empty');
  if (message.byteLength > MAX_MESSAGE_BYTES) throw new RangeError(`A message of ${message.byteLength} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit`);
  const payload = chunkBytes - 1;
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < message.byteLength; offset += payload) {
    const part = message.subarray(offset, offset + payload);
    const chunk = new Uint8Array(part.byteLength + 1);
    chunk[0] = offset + payload >= message.byteLength ? CHUNK_LAST : CHUNK_MORE;
    chunk.set(part, 1);
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * Collects chunks into whole messages. `push` returns the message a last chunk completes, or
 * undefined while more are expected; it throws ChunkError for a chunk breaking the rules (then
 * the message is lost and the session must end: its counters can no longer line up).
 */
export class MessageAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly maxChunkBytes = MAX_INCOMING_CHUNK_BYTES,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES,
  ) {}

  /** True while part of a message has arrived and its last chunk has not. */
  get inProgress(): boolean {
    return this.parts.length > 0;
  }

  push(chunk: Uint8Array): Uint8Array | undefined {
    if (chunk.byteLength < 2) throw new ChunkError(`A chunk of ${chunk.byteLength} byte(s) carries no data (a header byte and at least one byte of message are needed)`);
    if (chunk.byteLength > this.maxChunkBytes) throw new ChunkError(`A chunk of ${chunk.byteLength} bytes is over the ${this.maxChunkBytes}-byte limit`);
    const header = chunk[0];
    if (header !== CHUNK_MORE && header !== CHUNK_LAST) throw new ChunkError(`A chunk starts with 0x${header!.toString(16).padStart(2, '0')}, not 0x00 (last) or 0x01 (more follow)`);
    this.size += chunk.byteLength - 1;
    if (this.size > this.maxMessageBytes) {
      this.reset();
      throw new ChunkError(`A message over the ${this.maxMessageBytes}-byte limit`);
    }
    this.parts.push(chunk.slice(1));
    if (header === CHUNK_MORE) return undefined;
    const message = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts) {
      message.set(part, offset);
      offset += part.byteLength;
    }
    this.reset();
    return message;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
  }
}
