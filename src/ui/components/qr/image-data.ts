/** Pixels of a video frame or picture, scaled so the longer side is at most `maxSide` (fast decoding). */
export function imageDataOf(source: CanvasImageSource, width: number, height: number, maxSide = 1024): ImageData {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2D canvas is not available');
  context.drawImage(source, 0, 0, w, h);
  return context.getImageData(0, 0, w, h);
}

/** The longest side a picture is read at: a phone photo is larger than a code needs. */
const PICTURE_MAX_SIDE = 2048;

/**
 * jsQR's finder-pattern search misses some codes at one size and finds them at another: a printed
 * card's code photographed with its dashed cut line beside it was not read at full size and was
 * at three quarters. A picture is read once, so it is tried at each size in turn (a camera just
 * takes another frame instead).
 */
const PICTURE_SCALES = [1, 0.75, 0.5];

/** A picture file decoded once (createImageBitmap where present, an <img> otherwise). */
async function openPicture(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The text of the first code `decode` reads in the picture at any of PICTURE_SCALES, or null. */
export async function readCodeInPicture(file: Blob, decode: (image: ImageData) => Promise<string | null>): Promise<string | null> {
  const picture = await openPicture(file);
  try {
    const longest = Math.min(PICTURE_MAX_SIDE, Math.max(picture.width, picture.height));
    for (const scale of PICTURE_SCALES) {
      const text = await decode(imageDataOf(picture.source, picture.width, picture.height, Math.round(longest * scale)));
      if (text) return text;
    }
    return null;
  } finally {
    picture.close();
  }
}
