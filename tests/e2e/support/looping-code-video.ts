/**
 * A video of a phone's looping QR codes, for Chromium's fake camera
 * (--use-file-for-fake-video-capture): each code of the loop, as the screen showed it, held for
 * the time the app holds it (FRAME_MS), in the app's order. The file is Y4M (YUV4MPEG2, 4:2:0):
 * a header line, then per frame "FRAME\n" and the Y, U and V planes; the codes are black and
 * white, so the chroma planes are neutral and only the luma plane carries the picture.
 */
import type { Locator, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { expect } from '../demo-fixtures';

export interface LumaPicture {
  width: number;
  height: number;
  /** One byte per pixel, studio-range luma (16 black … 235 white), row after row. */
  luma: Buffer;
}

const VIDEO_WIDTH = 640;
const VIDEO_HEIGHT = 480;
/** Frames per second of the video; FRAME_MS must be a whole number of video frames at this rate. */
const VIDEO_FPS = 10;
const NEUTRAL_CHROMA = 128;

/**
 * Every code of a looping QR view (QrFramesView: data-frame-index / data-frame-total), in the
 * order it loops. The loop is paused and stepped with "Next code", so each screenshot is of one
 * whole code, never of a code caught mid-change on a busy machine.
 */
export async function screenshotEveryCode(holder: Page, view: Locator, code: Locator): Promise<Buffer[]> {
  await expect(view).toBeVisible({ timeout: 30_000 });
  const total = Number(await view.getAttribute('data-frame-total'));
  if (total < 2) return [await code.screenshot()];
  await holder.getByRole('button', { name: 'Pause' }).click();
  const frames: Buffer[] = [];
  let index = Number(await view.getAttribute('data-frame-index'));
  for (let i = 0; i < total; i++) {
    frames[index] = await code.screenshot();
    await holder.getByRole('button', { name: 'Next code' }).click();
    index = (index + 1) % total;
    await expect(view).toHaveAttribute('data-frame-index', String(index));
  }
  expect(frames.filter(Boolean)).toHaveLength(total);
  // Playing again, as the holder's phone would be when the checker raises the camera.
  await holder.getByRole('button', { name: 'Play' }).click();
  return frames;
}

/**
 * A PNG screenshot as a VIDEO_WIDTH × VIDEO_HEIGHT luma picture: the image centred on white at
 * its own size (every QR module keeps its whole number of pixels), scaled down only if it does
 * not fit. Decoded by Chromium itself (createImageBitmap + OffscreenCanvas in a blank page), as
 * no PNG decoder is among the project's packages.
 */
export async function pngToLuma(scratch: Page, png: Buffer): Promise<LumaPicture> {
  const base64 = await scratch.evaluate(
    async ({ pngBase64, width, height }) => {
      const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const scale = Math.min(1, width / bitmap.width, height / bitmap.height);
      const w = Math.floor(bitmap.width * scale);
      const h = Math.floor(bitmap.height * scale);
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.imageSmoothingEnabled = false;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(bitmap, Math.floor((width - w) / 2), Math.floor((height - h) / 2), w, h);
      const rgba = context.getImageData(0, 0, width, height).data;
      // ITU-R BT.601 luma, scaled to the studio range Y4M's C420jpeg players expect (16–235).
      let binary = '';
      for (let i = 0; i < rgba.length; i += 4) {
        const y = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
        binary += String.fromCharCode(Math.round(16 + (y * 219) / 255));
      }
      return btoa(binary);
    },
    { pngBase64: png.toString('base64'), width: VIDEO_WIDTH, height: VIDEO_HEIGHT },
  );
  return { width: VIDEO_WIDTH, height: VIDEO_HEIGHT, luma: Buffer.from(base64, 'base64') };
}

/** Writes the loop as a Y4M video: each picture held for `holdMs`, in order; the fake camera replays the file from the start when it ends, as the phone's loop does. */
export async function writeLoopVideo(path: string, pictures: LumaPicture[], holdMs: number): Promise<void> {
  const framesPerPicture = (holdMs * VIDEO_FPS) / 1000;
  if (!Number.isInteger(framesPerPicture) || framesPerPicture < 1) throw new Error(`${holdMs} ms is not a whole number of frames at ${VIDEO_FPS} fps`);
  const chroma = Buffer.alloc((VIDEO_WIDTH / 2) * (VIDEO_HEIGHT / 2) * 2, NEUTRAL_CHROMA);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${VIDEO_WIDTH} H${VIDEO_HEIGHT} F${VIDEO_FPS}:1 Ip A1:1 C420jpeg\n`)];
  for (const picture of pictures) {
    if (picture.width !== VIDEO_WIDTH || picture.height !== VIDEO_HEIGHT) throw new Error('every picture must be the video’s size');
    const frame = Buffer.concat([Buffer.from('FRAME\n'), picture.luma, chroma]);
    for (let i = 0; i < framesPerPicture; i++) parts.push(frame);
  }
  await writeFile(path, Buffer.concat(parts));
}
