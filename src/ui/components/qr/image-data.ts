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

/** Decodes a picture file into pixels (createImageBitmap where present, an <img> otherwise). */
export async function imageDataOfFile(file: Blob): Promise<ImageData> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file);
    try {
      return imageDataOf(bitmap, bitmap.width, bitmap.height, 2048);
    } finally {
      bitmap.close();
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return imageDataOf(img, img.naturalWidth, img.naturalHeight, 2048);
  } finally {
    URL.revokeObjectURL(url);
  }
}
