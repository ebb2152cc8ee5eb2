/**
 * A desk for pictures of printed paper, for the paper card e2e (issue 17): a PDF that Chromium
 * printed (`page.pdf`) is rasterised by pdf.js (pdfjs-dist, Mozilla's renderer, none of Satchel's
 * code) onto a canvas in a page of its own context, as a scanner or a phone's camera would see the
 * sheet; and the sheet can then be cut, covered or pasted over, as a person with scissors, a thumb
 * or a photocopier would.
 *
 * jsQR (not the app's reader: the same library, loaded here from node_modules) only *finds* where
 * the QR codes are on the sheet, so that a test can cut out a code (the app reads pictures scaled
 * to 1024 px, where a 35 mm code on a whole A4 page would be too small) or cover part of it. The
 * evidence is always the checker reading the resulting picture.
 *
 * The desk's page is served from a made-up origin by route handlers (no server, no network).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const DESK = 'http://paper-desk.test';
const FILES: Record<string, { path: string; type: string }> = {
  '/pdf.mjs': { path: require.resolve('pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript' },
  '/pdf.worker.mjs': { path: require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), type: 'text/javascript' },
  '/jsQR.js': { path: require.resolve('jsqr/dist/jsQR.js'), type: 'text/javascript' },
};
const DESK_PAGE = '<!doctype html><meta charset="utf-8"><title>Paper desk</title><script src="/jsQR.js"></script>';

/** A rectangle in a picture's pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A QR code found on a picture: its text and the box around its symbol (without the quiet zone). */
export interface FoundCode {
  text: string;
  box: Box;
}

export interface PaperDesk {
  /** One page of a PDF drawn at `dpi` dots per inch, as a PNG (white paper behind it). */
  rasterise(pdf: Buffer, options?: { page?: number; dpi?: number }): Promise<Buffer>;
  /** The text pdf.js reads on one page of a PDF (what the printed sheet says, as one string). */
  pageText(pdf: Buffer, page?: number): Promise<string>;
  /** Up to `max` QR codes jsQR finds on the picture (each found one is blanked before looking again), top to bottom. */
  findCodes(png: Buffer, max?: number): Promise<FoundCode[]>;
  /** The part of the picture inside `box`, grown by `margin` pixels on every side (clipped to the picture). */
  crop(png: Buffer, box: Box, margin?: number): Promise<Buffer>;
  /** The picture with `box` painted white, as a sticker or a thumb over the code. */
  cover(png: Buffer, box: Box): Promise<Buffer>;
  /** `base` with the part `from` of `source` pasted (scaled) over the part `to`: a photocopy with a piece swapped. */
  paste(base: Buffer, to: Box, source: Buffer, from: Box): Promise<Buffer>;
  close(): Promise<void>;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const fromDataUrl = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');

async function openDeskPage(context: BrowserContext): Promise<Page> {
  await context.route(`${DESK}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = FILES[pathname];
    if (file) return route.fulfill({ status: 200, contentType: file.type, body: await readFile(file.path) });
    if (pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: DESK_PAGE });
    return route.fulfill({ status: 404, body: `the paper desk has no ${pathname}` });
  });
  const page = await context.newPage();
  await page.goto(`${DESK}/`);
  await page.waitForFunction(() => typeof (window as { jsQR?: unknown }).jsQR === 'function');
  return page;
}

/** A desk in its own browser context (it never shares storage or network state with the phones). */
export async function openPaperDesk(browser: Browser): Promise<PaperDesk> {
  const context = await browser.newContext();
  const page = await openDeskPage(context);

  return {
    async rasterise(pdf, { page: pageNumber = 1, dpi = 200 } = {}) {
      const url = await page.evaluate(
        async ({ base64, pageNumber, dpi }) => {
          const pdfjs = await import(/* @vite-ignore */ `${location.origin}/pdf.mjs`);
          pdfjs.GlobalWorkerOptions.workerSrc = `${location.origin}/pdf.worker.mjs`;
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const doc = await pdfjs.getDocument({ data }).promise;
          const sheet = await doc.getPage(pageNumber);
          // PDF user space is 72 units to the inch.
          const viewport = sheet.getViewport({ scale: dpi / 72 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          const context = canvas.getContext('2d')!;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          await sheet.render({ canvas, canvasContext: context, viewport }).promise;
          await doc.destroy();
          return canvas.toDataURL('image/png');
        },
        { base64: pdf.toString('base64'), pageNumber, dpi },
      );
      return fromDataUrl(url);
    },

    async pageText(pdf, pageNumber = 1) {
      return page.evaluate(
        async ({ base64, pageNumber }) => {
          const pdfjs = await import(/* @vite-ignore */ `${location.origin}/pdf.mjs`);
          pdfjs.GlobalWorkerOptions.workerSrc = `${location.origin}/pdf.worker.mjs`;
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const doc = await pdfjs.getDocument({ data }).promise;
          const content = await (await doc.getPage(pageNumber)).getTextContent();
          await doc.destroy();
          return content.items.map((item: { str?: string }) => item.str ?? '').join(' ').replace(/\s+/g, ' ');
        },
        { base64: pdf.toString('base64'), pageNumber },
      );
    },

    async findCodes(png, max = 8) {
      return page.evaluate(async ({ url, max }) => {
        type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string; location: Record<string, { x: number; y: number }> } | null;
        const jsQR = (window as unknown as { jsQR: JsQr }).jsQR;
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(image, 0, 0);
        // jsQR's finder-pattern search misses some codes at one size and finds them at another, or
        // on the whole sheet and not on a part of it: look at the sheet as it is, then smaller, then
        // part by part (overlapping halves across, thirds down). Locations are mapped back to the sheet.
        const views: { x: number; y: number; width: number; height: number; scale: number }[] = [];
        for (const scale of [1, 0.75, 0.5, 0.35]) views.push({ x: 0, y: 0, width: canvas.width, height: canvas.height, scale });
        const tileWidth = Math.ceil(canvas.width / 2);
        const tileHeight = Math.ceil(canvas.height / 3);
        for (let y = 0; y + tileHeight <= canvas.height + tileHeight / 2; y += tileHeight / 2) {
          for (let x = 0; x + tileWidth <= canvas.width + tileWidth / 2; x += tileWidth / 2) views.push({ x, y, width: tileWidth, height: tileHeight, scale: 1 });
        }
        const look = () => {
          for (const view of views) {
            const small = document.createElement('canvas');
            small.width = Math.round(view.width * view.scale);
            small.height = Math.round(view.height * view.scale);
            const smallContext = small.getContext('2d', { willReadFrequently: true })!;
            smallContext.fillStyle = '#fff';
            smallContext.fillRect(0, 0, small.width, small.height);
            smallContext.drawImage(canvas, view.x, view.y, view.width, view.height, 0, 0, small.width, small.height);
            const code = jsQR(smallContext.getImageData(0, 0, small.width, small.height).data, small.width, small.height);
            if (code) return { code, view };
          }
          return undefined;
        };
        const found: { text: string; box: { x: number; y: number; width: number; height: number } }[] = [];
        for (let i = 0; i < max; i++) {
          const seen = look();
          if (!seen) break;
          const { code, view } = seen;
          const corners = ['topLeftCorner', 'topRightCorner', 'bottomLeftCorner', 'bottomRightCorner'].map((name) => code.location[name]!);
          const xs = corners.map((p) => view.x + p.x / view.scale);
          const ys = corners.map((p) => view.y + p.y / view.scale);
          const box = { x: Math.floor(Math.min(...xs)), y: Math.floor(Math.min(...ys)), width: Math.ceil(Math.max(...xs) - Math.min(...xs)), height: Math.ceil(Math.max(...ys) - Math.min(...ys)) };
          found.push({ text: code.data, box });
          // Blank it (and a little around it) so that the next look finds another code.
          context.fillStyle = '#fff';
          context.fillRect(box.x - box.width * 0.1, box.y - box.height * 0.1, box.width * 1.2, box.height * 1.2);
        }
        return found.sort((a, b) => a.box.y - b.box.y);
      }, { url: dataUrl(png), max });
    },

    async crop(png, box, margin = 0) {
      const url = await page.evaluate(
        async ({ url, box, margin }) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          const x = Math.max(0, Math.floor(box.x - margin));
          const y = Math.max(0, Math.floor(box.y - margin));
          const width = Math.min(image.naturalWidth, Math.ceil(box.x + box.width + margin)) - x;
          const height = Math.min(image.naturalHeight, Math.ceil(box.y + box.height + margin)) - y;
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          canvas.getContext('2d')!.drawImage(image, x, y, width, height, 0, 0, width, height);
          return canvas.toDataURL('image/png');
        },
        { url: dataUrl(png), box, margin },
      );
      return fromDataUrl(url);
    },

    async cover(png, box) {
      const url = await page.evaluate(
        async ({ url, box }) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          context.fillStyle = '#fff';
          context.fillRect(box.x, box.y, box.width, box.height);
          return canvas.toDataURL('image/png');
        },
        { url: dataUrl(png), box },
      );
      return fromDataUrl(url);
    },

    async paste(base, to, source, from) {
      const url = await page.evaluate(
        async ({ baseUrl, to, sourceUrl, from }) => {
          const load = async (src: string) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            return image;
          };
          const [under, over] = await Promise.all([load(baseUrl), load(sourceUrl)]);
          const canvas = document.createElement('canvas');
          canvas.width = under.naturalWidth;
          canvas.height = under.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.drawImage(under, 0, 0);
          context.fillStyle = '#fff';
          context.fillRect(to.x, to.y, to.width, to.height);
          context.drawImage(over, from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height);
          return canvas.toDataURL('image/png');
        },
        { baseUrl: dataUrl(base), to, sourceUrl: dataUrl(source), from },
      );
      return fromDataUrl(url);
    },

    close: () => context.close(),
  };
}

/** Grows a box by `fraction` of its size on every side (a QR's quiet zone is 4 modules). */
export function grow(box: Box, fraction: number): Box {
  const dx = box.width * fraction;
  const dy = box.height * fraction;
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}
