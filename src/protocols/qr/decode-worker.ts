/**
 * QR decoding off the main thread, for browsers without BarcodeDetector (most desktop browsers,
 * Firefox, Safari). jsQR (ISO/IEC 18004 reader) is loaded only when a scanner first opens.
 */
import jsQR from 'jsqr';

export interface DecodeRequest {
  id: number;
  width: number;
  height: number;
  /** RGBA pixels, transferred (not copied) from the page. */
  pixels: ArrayBuffer;
}

export interface DecodeResponse {
  id: number;
  text: string | null;
}

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, width, height, pixels } = event.data;
  // attemptBoth: codes shown on a phone screen are sometimes light-on-dark.
  const code = jsQR(new Uint8ClampedArray(pixels), width, height, { inversionAttempts: 'attemptBoth' });
  postMessage({ id, text: code ? code.data : null } satisfies DecodeResponse);
});
