import { render } from 'preact';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import { QrCode } from '../../../src/ui/components/qr/QrCode';
import { I18nProvider } from '../../../src/ui/i18n/context';

const host = document.body.appendChild(document.createElement('div'));
afterEach(() => render(null, host));

/** Rasterises the rendered SVG and reads it back with an independent decoder (jsQR). */
async function readBack(svg: SVGSVGElement): Promise<string | null> {
  const size = 600;
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, size, size);
  const { data } = context.getImageData(0, 0, size, size);
  return jsQR(data, size, size)?.data ?? null;
}

describe('QrCode', () => {
  for (const text of ['SVQ1.short', `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ credential_issuer: 'http://localhost:5174', grants: {} }))}`, 'Cymraeg: ŵ ŷ â — UTF-8', 'x'.repeat(600)]) {
    it(`draws a code that reads back as the same text (${text.length} characters)`, async () => {
      render(<I18nProvider initial="en"><QrCode text={text} label="test code" /></I18nProvider>, host);
      const svg = host.querySelector('svg')!;
      expect(svg.getAttribute('aria-label')).toBe('test code');
      expect(await readBack(svg)).toBe(text);
    });
  }
});
