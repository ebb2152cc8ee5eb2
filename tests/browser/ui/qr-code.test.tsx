import { render } from 'preact';
import { act } from 'preact/test-utils';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrCode, QrFramesView } from '../../../src/ui/components/qr/QrCode';
import { I18nProvider } from '../../../src/ui/i18n/context';

const host = document.body.appendChild(document.createElement('div'));
afterEach(() => {
  vi.useRealTimers();
  render(null, host);
});

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

describe('QrFramesView', () => {
  const button = (text: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === text)!;
  const shownIndex = () => host.querySelector('[data-frame-index]')!.getAttribute('data-frame-index');
  /** Lets Preact re-render (it renders in a microtask) without running its after-paint effects. */
  const rerender = async () => {
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };

  it('"Pause" stops the loop at once: no step lands between the press and the next paint', async () => {
    // Only the loop's timer is faked; Preact's after-paint effects would run on real frames, and
    // none comes before the checks below. This is the moment a busy phone (or test machine) stretches.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const qr = { frames: ['SVQ1.a', 'SVQ1.b', 'SVQ1.c'], frameMs: 300 };
    await act(() => render(<I18nProvider initial="en"><QrFramesView qr={qr} label="answer" testId="answer" /></I18nProvider>, host));
    vi.advanceTimersByTime(300);
    await rerender();
    expect(shownIndex()).toBe('1');

    button('Pause').click();
    await rerender();
    expect(button('Play')).toBeDefined();
    vi.advanceTimersByTime(300); // the loop's next step falls due before the paint
    await rerender();
    expect(shownIndex()).toBe('1');

    // Stepping by hand moves one code at a time, and the loop stays paused.
    button('Next code').click();
    await rerender();
    expect(shownIndex()).toBe('2');
    await act(() => {
      vi.advanceTimersByTime(900);
    });
    expect(shownIndex()).toBe('2');
  });
});
