/**
 * boot.ts renders the app after the next frame, so that index.html's app shell is painted first
 * (issue 18): the task waits for a frame and runs after that frame's callbacks, not before.
 */
import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../../src/ui/after-next-paint';

describe('afterNextPaint', () => {
  it('runs the task after the next frame, not at once', async () => {
    const order: string[] = [];
    const ran = new Promise<void>((resolve) => afterNextPaint(() => {
      order.push('task');
      resolve();
    }));
    // Asked for after afterNextPaint's own: runs in the same frame, before the task queued from it.
    requestAnimationFrame(() => order.push('frame'));
    order.push('sync');
    await ran;
    expect(order).toEqual(['sync', 'frame', 'task']);
  });

  it('runs the task at once on a hidden page, which renders no frames', () => {
    let ran = false;
    afterNextPaint(() => (ran = true), { visibilityState: 'hidden' });
    expect(ran).toBe(true);
  });
});
