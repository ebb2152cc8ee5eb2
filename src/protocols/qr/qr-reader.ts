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
  return readerOnWorker(new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'satchel-qr' }));
}

/**
 * Decodes on `worker` (decode-worker.ts's protocol). A worker whose script cannot load or throws
 * (say, its file missing from an incomplete offline cache) fails every decode, waiting and later,
 * so the screen can say the picture could not be read instead of waiting for ever.
 */
export function readerOnWorker(worker: Worker): QrReader {
  const waiting = new Map<number, { resolve(text: string | null): void; reject(error: Error): void }>();
  let broken: Error | undefined;
  let nextId = 0;
  worker.addEventListener('message', (event: MessageEvent<DecodeResponse>) => {
    waiting.get(event.data.id)?.resolve(event.data.text);
    waiting.delete(event.data.id);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = new Error(`The QR code reader did not start: ${event.message || 'its script could not be loaded'}`);
    for (const { reject } of waiting.values()) reject(broken);
    waiting.clear();
  });
  return {
    decode(image) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      // Copy into a buffer we own, then transfer it: the ImageData stays usable by the caller.
      const pixels = image.data.slice().buffer;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, width: image.width, height: image.height, pixels } satisfies DecodeRequest, [pixels]);
      });
    },
    close() {
      worker.terminate();
      for (const { resolve } of waiting.values()) resolve(null);
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
