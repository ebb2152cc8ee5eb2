/**
 * Reading the code in a picture (ScanFromImage), in Chromium with jsQR in its worker. The picture
 * is a printed DVLA card's code as an e2e test cropped it from the wallet's printed sheet, with the
 * card's dashed cut line beside it: jsQR misses it at full size, which once failed a check.
 */
import { describe, expect, it } from 'vitest';
import { readerOnWorker } from '../../../../src/protocols/qr/qr-reader';
import { readCodeInPicture } from '../../../../src/ui/components/qr/image-data';
import cardPictureUrl from './card-code-beside-cut-line.png?url';

const worker = () => readerOnWorker(new Worker(new URL('../../../../src/protocols/qr/decode-worker.ts', import.meta.url), { type: 'module' }));
const cardPicture = async () => (await fetch(cardPictureUrl)).blob();

describe('reading the code in a picture', () => {
  it('reads a printed card code that jsQR misses at full size, by trying it smaller', async () => {
    const reader = worker();
    try {
      const sizes: number[] = [];
      const text = await readCodeInPicture(await cardPicture(), (image) => {
        sizes.push(image.width);
        return reader.decode(image);
      });
      expect(text).toMatch(/^SC1:/);
      // Why the smaller tries exist: the first, at full size, read nothing.
      expect(sizes).toEqual([546, 410]);
    } finally {
      reader.close();
    }
  });

  it('says null when no size has a code, after trying each', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 300;
    const blank = await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'));
    const sizes: number[] = [];
    const text = await readCodeInPicture(blank, async (image) => {
      sizes.push(image.width);
      return null;
    });
    expect(text).toBeNull();
    expect(sizes).toEqual([300, 225, 150]);
  });
});
