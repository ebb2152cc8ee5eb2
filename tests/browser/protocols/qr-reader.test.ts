/**
 * The QR reader's worker, in Chromium: a picture is decoded off the main thread, and a worker that
 * never starts (its script missing from an incomplete offline cache, or throwing) fails the decode
 * with a reason instead of leaving the screen waiting for ever (a paper card check once did).
 */
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { readerOnWorker } from '../../../src/protocols/qr/qr-reader';

function pictureOf(text: string): ImageData {
  const qr = qrcode(0, 'Q');
  qr.addData(text);
  qr.make();
  const cell = 4;
  const margin = 4 * cell;
  const side = qr.getModuleCount() * cell + 2 * margin;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = side;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000';
  for (let row = 0; row < qr.getModuleCount(); row++) {
    for (let col = 0; col < qr.getModuleCount(); col++) {
      if (qr.isDark(row, col)) context.fillRect(margin + col * cell, margin + row * cell, cell, cell);
    }
  }
  return context.getImageData(0, 0, side, side);
}

function workerFrom(source: string): Worker {
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
}

describe('the QR reader worker', () => {
  it('reads the text of a QR code in a picture', async () => {
    const reader = readerOnWorker(new Worker(new URL('../../../src/protocols/qr/decode-worker.ts', import.meta.url), { type: 'module' }));
    try {
      await expect(reader.decode(pictureOf('SC1:HELLO-SATCHEL'))).resolves.toBe('SC1:HELLO-SATCHEL');
    } finally {
      reader.close();
    }
  });

  it('fails the decode, and every later one, when the worker throws as it starts', async () => {
    const reader = readerOnWorker(workerFrom('throw new Error("no jsQR here");'));
    await expect(reader.decode(pictureOf('A'))).rejects.toThrow(/The QR code reader did not start/);
    await expect(reader.decode(pictureOf('B'))).rejects.toThrow(/The QR code reader did not start/);
    reader.close();
  });

  it('fails the decode when the worker script cannot be loaded', async () => {
    const reader = readerOnWorker(new Worker(new URL('/no-such-decode-worker.js', location.href), { type: 'module' }));
    await expect(reader.decode(pictureOf('A'))).rejects.toThrow(/The QR code reader did not start/);
    reader.close();
  });
});
