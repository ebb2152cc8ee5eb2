/** In-person QR frames: split, collect in any order, duplicates ignored, missing named, mixed-up and foreign codes refused. */
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { FRAME_MAX_CHARS, FrameCollector, FrameError, MAX_RESPONSES, parseFrame, splitIntoFrames } from '../../../../src/protocols/in-person/frames';

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

  it('refuses two different chunks at one index, and a frame that does not fit its response id', () => {
    const a = splitIntoFrames('response', payload, 'AAAAAAAA');
    const c = new FrameCollector();
    c.add(a[0]!);
    const forged = a[1]!.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a'));
    c.add(a[1]!);
    expect(() => c.add(forged)).toThrow(expect.objectContaining({ code: 'mismatch' }));
    expect(() => c.add(splitIntoFrames('quick-show', payload, 'AAAAAAAA')[2]!)).toThrow(expect.objectContaining({ code: 'mismatch' }));
    expect(() => c.add(splitIntoFrames('response', payload + payload, 'AAAAAAAA')[2]!)).toThrow(expect.objectContaining({ code: 'mismatch' }));
    // A refused frame changes nothing: the response still completes.
    for (const f of a) c.add(f);
    expect(c.assemble()).toBe(payload);
  });

  it('a stray frame of another response (the previous person\'s looping code) does not wedge the next one', () => {
    const previous = splitIntoFrames('response', payload.split('').reverse().join(''), 'BBBBBBBB');
    const genuine = splitIntoFrames('response', payload, 'AAAAAAAA');
    const c = new FrameCollector();
    expect(c.add(previous[2]!)).toEqual({ received: 1, total: 4, complete: false });
    // The latest response seen is the one reported; the stray one's frame is kept aside.
    expect(c.add(genuine[0]!)).toEqual({ received: 1, total: 4, complete: false });
    let last;
    for (const f of genuine.slice(1)) last = c.add(f);
    expect(last).toEqual({ received: 4, total: 4, complete: true });
    expect(c.assemble()).toBe(payload);
  });

  it('two responses scanned alternately both complete; only a bounded number are kept side by side', () => {
    const a = splitIntoFrames('response', payload, 'AAAAAAAA');
    const b = splitIntoFrames('response', payload.split('').reverse().join(''), 'BBBBBBBB');
    const c = new FrameCollector();
    for (let i = 0; i < 3; i++) {
      c.add(a[i]!);
      c.add(b[i]!);
    }
    expect(c.add(a[3]!)).toEqual({ received: 4, total: 4, complete: true });
    expect(c.assemble()).toBe(payload);
    expect(c.add(b[3]!)).toMatchObject({ complete: true });
    expect(c.assemble()).toBe(payload.split('').reverse().join(''));
    // take() forgets only the response it returns.
    const e = new FrameCollector();
    e.add(b[0]!);
    for (const f of a) e.add(f);
    expect(e.take()).toBe(payload);
    expect(e.progress()).toEqual({ received: 0, total: 0, complete: false });
    expect(e.add(b[1]!)).toEqual({ received: 2, total: 4, complete: false });
    expect(e.add(a[1]!)).toEqual({ received: 1, total: 4, complete: false });
    // Frames of many other responses push the oldest partial one out (memory stays bounded).
    const d = new FrameCollector();
    d.add(a[0]!);
    for (let i = 0; i < MAX_RESPONSES; i++) d.add(splitIntoFrames('response', payload, `CCCCCCC${i}`)[0]!);
    expect(d.add(a[1]!)).toEqual({ received: 1, total: 4, complete: false });
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
