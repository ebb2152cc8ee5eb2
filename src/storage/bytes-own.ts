/** WebCrypto wants ArrayBuffer-backed views (TypeScript's BufferSource); lib helpers return ArrayBufferLike. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** The same view when it is ArrayBuffer-backed, else a copy (exactly byteOffset..byteLength, convention 9). */
export function own(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes);
}
