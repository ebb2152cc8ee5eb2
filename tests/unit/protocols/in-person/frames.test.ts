/** In-person QR frames: split, collect in any order, duplicates ignored, missing named, mixed-up and foreign codes refused. */
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { FRAME_MAX_CHARS, FrameCollector, FrameError, parseFrame, splitIntoFrames } from '../../../../src/protocols/in-person/frames';

const payload = Array.from({ length: 2000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789-_.~'[(i * 7) % 40]).join('');

describe('frames', () => {
  it('splits into frames of at most FRAME_MAX_CHARS that each fit a version ≤ 19 QR code at level M', () => {
    const frames = splitIntoFrames('response', payload);
    expect(frames.length).toBe(Math.ceil(2000 / (FRAME_MAX_CHARS - 19)));
    for (const f of frames) {
      expect(f.length).toBeLessThanOrEqual(FRAME_MAX_CHARS);
      const qr = qrcode(0, 'M');
      qr.addData(f, 'Byte');
      qr.make();
      expect((qr.getModuleCount() - 17) / 4).toBeLessThanOrEqual(19);
    }
  });

  it('reassembles out of order with duplicates ignored', () => {
    const frames = splitIntoFrames('response', payload);
    const c = new FrameCollector();
    const order = [2, 0, 2, 3, 0, 1];
    let last;
    for (const i of order) last = c.add(frames[i]!);
    expect(last).toEqual({ received: 4, total: 4, complete: true });
    expect(c.assemble()).toBe(payload);
    expect(c.kind).toBe('response');
  });

  it('names the missing frames', () => {
    const frames = splitIntoFrames('quick-show', payload);
    const c = new FrameCollector();
    c.add(frames[3]!);
    c.add(frames[1]!);
    expect(c.progress()).toEqual({ received: 2, total: 4, complete: false });
    expect(c.missing()).toEqual([1, 3]);
    try {
      c.assemble();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FrameError);
      expect((e as FrameError).code).toBe('missing');
      expect((e as FrameError).missing).toEqual([1, 3]);
      expect((e as FrameError).message).toContain('1, 3 of 4');
    }
  });

  it('refuses a frame from another response, and two different chunks at one index', () => {
    const a = splitIntoFrames('response', payload, 'AAAAAAAA');
    const b = splitIntoFrames('response', payload.split('').reverse().join(''), 'BBBBBBBB');
    const c = new FrameCollector();
    c.add(a[0]!);
    expect(() => c.add(b[1]!)).toThrow(expect.objectContaining({ code: 'mismatch' }));
    const forged = a[1]!.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a'));
    c.add(a[1]!);
    expect(() => c.add(forged)).toThrow(expect.objectContaining({ code: 'mismatch' }));
    expect(() => c.add(splitIntoFrames('quick-show', payload, 'AAAAAAAA')[2]!)).toThrow(expect.objectContaining({ code: 'mismatch' }));
  });

  it.each([
    'https://example.com/',
    'openid-credential-offer://?credential_offer=x',
    'SVQ1.abc',
    'SR1.AAAAAAAA.3.2.abc',
    'SR1.AAAAAAAA.0.2.abc',
    'SR1.AAAA.1.2.abc',
    'SR1.AAAAAAAA.1.2.<script>',
    '',
    'x'.repeat(5000),
  ])('refuses other text: %s', (text) => {
    expect(parseFrame(text)).toBeUndefined();
    expect(() => new FrameCollector().add(text)).toThrow(expect.objectContaining({ code: 'not-a-frame' }));
  });

  it('refuses a payload that would need more than 99 frames', () => {
    expect(() => splitIntoFrames('response', 'a'.repeat(100 * FRAME_MAX_CHARS))).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
