/**
 * Reads QR codes from camera frames or pictures. Uses the platform's BarcodeDetector where it
 * reads QR codes (Chrome on Android), otherwise jsQR in a worker started on first use.
 */
import type { DecodeRequest, DecodeResponse } from './decode-worker';

interface BarcodeDetectorLike {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

export interface QrReader {
  /** The text of the first QR code in the image, or null when none can be read. */
  decode(image: ImageData): Promise<string | null>;
  close(): void;
}

async function platformDetector(): Promise<BarcodeDetectorLike | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : undefined;
  } catch {
    return undefined;
  }
}

function workerReader(): QrReader {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'satchel-qr' });
  const waiting = new Map<number, (text: string | null) => void>();
  let nextId = 0;
  worker.addEventListener('message', (event: MessageEvent<DecodeResponse>) => {
    waiting.get(event.data.id)?.(event.data.text);
    waiting.delete(event.data.id);
  });
  return {
    decode(image) {
      const id = nextId++;
      // Copy into a buffer we own, then transfer it: the ImageData stays usable by the caller.
      const pixels = image.data.slice().buffer;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, width: image.width, height: image.height, pixels } satisfies DecodeRequest, [pixels]);
      });
    },
    close() {
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}

export async function createQrReader(): Promise<QrReader> {
  const detector = await platformDetector();
  if (!detector) return workerReader();
  return {
    async decode(image) {
      const [code] = await detector.detect(image);
      return code?.rawValue ?? null;
    },
    close() {},
  };
}
