/**
 * A fake camera for Chromium (--use-file-for-fake-video-capture): a Y4M video (YUV4MPEG2, 4:2:0)
 * whose frames show one QR code, as a phone camera pointed at a letter would.
 */
import qrcode from 'qrcode-generator';
import { writeFileSync } from 'node:fs';

const BLACK_LUMA = 16;
const WHITE_LUMA = 235;
const NEUTRAL_CHROMA = 128;

export function writeQrVideo(path: string, text: string, { width = 640, height = 480, frames = 5 } = {}): void {
  qrcode.stringToBytes = (text: string) => Array.from(new TextEncoder().encode(text));
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const quiet = 4;
  const cell = Math.floor(Math.min(width, height) / (modules + 2 * quiet));
  const left = Math.floor((width - cell * modules) / 2);
  const top = Math.floor((height - cell * modules) / 2);

  const luma = Buffer.alloc(width * height, WHITE_LUMA);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < cell; y++) luma.fill(BLACK_LUMA, (top + row * cell + y) * width + left + col * cell, (top + row * cell + y) * width + left + (col + 1) * cell);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, NEUTRAL_CHROMA);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
