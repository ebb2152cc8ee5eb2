/** BLE chunking (ISO/IEC 18013-5 §8.3.3.1.1.6): 0x01 = more follow, 0x00 = last; limits on chunks and messages. */
import { describe, expect, it } from 'vitest';
import {
  CHUNK_LAST, CHUNK_MORE, ChunkError, MAX_INCOMING_CHUNK_BYTES, MAX_MESSAGE_BYTES, MessageAssembler, READER_CHUNK_BYTES, splitMessage,
} from '../../../../../src/protocols/iso18013-5/ble/chunks';

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('splitMessage', () => {
  it('writes 20-byte chunks (the smallest ATT MTU, 23, less its 3-byte header): 19 bytes of message after each header', () => {
    expect(READER_CHUNK_BYTES).toBe(20);
    const message = bytes(50);
    const chunks = splitMessage(message);
    expect(chunks.map((c) => c.byteLength)).toEqual([20, 20, 13]);
    expect(chunks.map((c) => c[0])).toEqual([CHUNK_MORE, CHUNK_MORE, CHUNK_LAST]);
    expect(Buffer.concat(chunks.map((c) => c.subarray(1)))).toEqual(Buffer.from(message));
  });

  it('sends a message that fills its chunks exactly without an empty last chunk', () => {
    const chunks = splitMessage(bytes(38));
    expect(chunks.map((c) => [c[0], c.byteLength])).toEqual([[CHUNK_MORE, 20], [CHUNK_LAST, 20]]);
  });

  it('sends a short message as one last chunk', () => {
    expect(splitMessage(Uint8Array.of(0xa1, 0x01))).toEqual([Uint8Array.of(CHUNK_LAST, 0xa1, 0x01)]);
  });

  it('refuses an empty message, a message over the cap and a chunk size with no room for data', () => {
    expect(() => splitMessage(new Uint8Array(0))).toThrow(/never empty/);
    expect(() => splitMessage(new Uint8Array(MAX_MESSAGE_BYTES + 1))).toThrow(/over the 1048576-byte limit/);
    expect(() => splitMessage(bytes(4), 1)).toThrow(/at least 2 bytes/);
  });
});

describe('MessageAssembler', () => {
  it('joins what splitMessage split, for any chunk size, and starts afresh for the next message', () => {
    const assembler = new MessageAssembler();
    for (const size of [2, 20, 185, 512]) {
      const message = bytes(1000, size);
      const chunks = splitMessage(message, size);
      const results = chunks.map((c) => assembler.push(c));
      expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
      expect(results.at(-1)).toEqual(message);
      expect(assembler.inProgress).toBe(false);
    }
  });

  it('says a message is in progress between its first and last chunk', () => {
    const assembler = new MessageAssembler();
    assembler.push(Uint8Array.of(CHUNK_MORE, 1));
    expect(assembler.inProgress).toBe(true);
    expect(assembler.push(Uint8Array.of(CHUNK_LAST, 2))).toEqual(Uint8Array.of(1, 2));
  });

  it('refuses a header other than 0x00 or 0x01, naming it', () => {
    expect(() => new MessageAssembler().push(Uint8Array.of(0x02, 1, 2))).toThrow(new ChunkError('A chunk starts with 0x02, not 0x00 (last) or 0x01 (more follow)'));
  });

  it('refuses an empty chunk and a header with no data', () => {
    expect(() => new MessageAssembler().push(new Uint8Array(0))).toThrow(/0 byte\(s\) carries no data/);
    expect(() => new MessageAssembler().push(Uint8Array.of(CHUNK_LAST))).toThrow(/1 byte\(s\) carries no data/);
  });

  it('refuses a chunk over 512 bytes (an attribute value cannot be longer)', () => {
    expect(MAX_INCOMING_CHUNK_BYTES).toBe(512);
    expect(() => new MessageAssembler().push(new Uint8Array(513))).toThrow(/513 bytes is over the 512-byte limit/);
  });

  it('refuses a message growing over the cap, and forgets its parts', () => {
    const assembler = new MessageAssembler(512, 1000);
    for (let i = 0; i < 3; i++) assembler.push(Uint8Array.of(CHUNK_MORE, ...bytes(300)));
    expect(() => assembler.push(Uint8Array.of(CHUNK_MORE, ...bytes(300)))).toThrow(/over the 1000-byte limit/);
    expect(assembler.inProgress).toBe(false);
  });
});
