/** The generic lazy stand-in (src/lib/lazy-proxy.ts) used by the app's lazily loaded use cases. */
import { describe, expect, it, vi } from 'vitest';
import { lazyProxy } from '../../../src/lib/lazy-proxy';

interface Counter {
  add(by: number, ...more: number[]): Promise<number>;
  total(): Promise<number>;
  reset(): void;
}

class RealCounter implements Counter {
  private sum = 0;
  async add(by: number, ...more: number[]): Promise<number> {
    this.sum += [by, ...more].reduce((a, b) => a + b, 0);
    return this.sum;
  }
  async total(): Promise<number> { return this.sum; }
  reset(): void { this.sum = 0; }
}

const resetWhenLoaded = { reset: (c: { current: Counter | undefined }) => () => c.current?.reset() };

describe('lazyProxy', () => {
  it('loads nothing until a method is called, then loads once and forwards every argument with the loaded object as this', async () => {
    const load = vi.fn(async () => new RealCounter());
    const counter = lazyProxy<Counter>(load, resetWhenLoaded);
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([counter.add(1), counter.add(2, 3, 4)]);
    expect([a, b]).toEqual([1, 10]);
    expect(await counter.total()).toBe(10);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs the stand-in of a synchronous method, which sees the object only once it is loaded', async () => {
    const counter = lazyProxy<Counter>(async () => new RealCounter(), resetWhenLoaded);
    expect(() => counter.reset()).not.toThrow();
    await counter.add(5);
    counter.reset();
    expect(await counter.total()).toBe(0);
  });

  it('hands out the same function for a name each time', () => {
    const counter = lazyProxy<Counter>(async () => new RealCounter(), resetWhenLoaded);
    expect(counter.add).toBe(counter.add);
    expect(counter.reset).toBe(counter.reset);
  });

  it('is not a thenable, so awaiting it gives it back without loading', async () => {
    const load = vi.fn(async () => new RealCounter());
    const counter = lazyProxy<Counter>(load, resetWhenLoaded);
    expect(await Promise.resolve(counter)).toBe(counter);
    expect(load).not.toHaveBeenCalled();
  });

  it('rejects every call with the load failure, and a missing method by name', async () => {
    const failing = lazyProxy<Counter>(async () => { throw new Error('chunk failed to load'); }, resetWhenLoaded);
    await expect(failing.total()).rejects.toThrow('chunk failed to load');
    const partial = lazyProxy<Counter>(async () => ({ reset: () => undefined }) as unknown as Counter, resetWhenLoaded);
    await expect(partial.total()).rejects.toThrow('lazyProxy: the loaded object has no method total');
  });

  it('makes the caller say what each synchronous method does (checked by the type checker)', () => {
    // @ts-expect-error reset() cannot wait for the load: its stand-in is required
    const missing = lazyProxy<Counter>(async () => new RealCounter(), {});
    expect(typeof missing.total).toBe('function');
  });
});
