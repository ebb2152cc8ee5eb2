/**
 * Portrait.tsx: a photo's bytes become an image only when they are a JPEG or PNG the browser can
 * decode; anything else (other magic, too short, a JPEG header over garbage) says the photo cannot
 * be shown, in English and Welsh.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { cy, en } from '../../shared/catalogues';
import { photoType, Portrait } from '../../../src/ui/receive/Portrait';
import { TINY_JPEG } from '../support/mdoc-fixture';

const host = document.body.appendChild(document.createElement('div'));
afterEach(async () => act(() => render(null, host)));

/** A real 3×2 PNG, made here with the browser's canvas. */
async function pngBytes(): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 3;
  canvas.height = 2;
  canvas.getContext('2d')!.fillRect(0, 0, 3, 2);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

async function show(bytes: Uint8Array, language: 'en' | 'cy' = 'en'): Promise<void> {
  await act(() => render(<I18nProvider initial={language}><Portrait bytes={bytes} alt="Photo" /></I18nProvider>, host));
}

describe('photoType', () => {
  it('reads JPEG and PNG by their magic, nothing else', async () => {
    expect(photoType(TINY_JPEG)).toBe('image/jpeg');
    expect(photoType(await pngBytes())).toBe('image/png');
    expect(photoType(Uint8Array.of(0xff, 0xd8, 0xff))).toBeUndefined(); // the magic alone is no picture
    expect(photoType(new TextEncoder().encode('GIF89a......'))).toBeUndefined();
    // JPEG 2000 (ISO/IEC 18013-5 allows it for a portrait; most browsers cannot show it).
    expect(photoType(Uint8Array.of(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a))).toBeUndefined();
  });
});

describe('Portrait', () => {
  it('shows a PNG as an image of its own size', async () => {
    await show(await pngBytes());
    await expect.poll(() => host.querySelector('img')?.naturalWidth, { timeout: 30_000 }).toBe(3);
    expect(host.querySelector('img')!.alt).toBe('Photo');
  });

  it.each(['en', 'cy'] as const)('a JPEG header over bytes the browser cannot decode says the photo cannot be shown (%s)', async (language) => {
    await show(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('not really a picture')]), language);
    await expect.poll(() => host.textContent, { timeout: 30_000 }).toBe((language === 'en' ? en : cy)['claim.photoUnavailable']);
    expect(host.querySelector('img')).toBeNull();
  });
});
