import { describe, expect, it } from 'vitest';
import { fetchBounded, FetchError, readBodyCapped } from '../../../src/lib/bounded-fetch';

/** A body that yields `chunks` pieces of `size` bytes and records how many were pulled. */
function countingStream(chunks: number, size: number) {
  const pulled = { count: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('readBodyCapped', () => {
  it('reads a body at the cap whole', async () => {
    const { stream } = countingStream(4, 256);
    const body = await readBodyCapped(new Response(stream), 1024, 'https://a.example');
    expect(body.byteLength).toBe(1024);
  });

  it('stops reading one chunk past the cap and cancels the stream', async () => {
    const { stream, pulled } = countingStream(10_000, 1024);
    await expect(readBodyCapped(new Response(stream), 4096, 'https://a.example')).rejects.toMatchObject({ kind: 'too-large' });
    // 5 chunks of 1 KiB pass a 4 KiB cap; the other 9,995 (≈10 MiB) are never pulled.
    expect(pulled.count).toBeLessThanOrEqual(6);
    expect(pulled.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const { stream, pulled } = countingStream(10, 1024);
    const response = new Response(stream, { headers: { 'Content-Length': String(10 * 1024) } });
    await expect(readBodyCapped(response, 1024, 'https://a.example')).rejects.toBeInstanceOf(FetchError);
    expect(pulled.count).toBeLessThanOrEqual(1);
  });
});

describe('fetchBounded', () => {
  const url = 'https://issuer.example/thing';
  /** For the tests that are not about the time limit: far beyond any pause of a busy machine. */
  const NOT_REACHED_MS = 60_000;

  it('returns status, type and text, and sends no cookies and follows no redirects', async () => {
    let seen: RequestInit | undefined;
    const result = await fetchBounded(url, { method: 'GET' }, {
      timeoutMs: NOT_REACHED_MS,
      maxBytes: 100,
      fetch: async (_u, init) => {
        seen = init;
        return new Response('{"a":1}', { status: 201, headers: { 'Content-Type': 'Application/JSON' } });
      },
    });
    expect(result).toMatchObject({ status: 201, ok: true, contentType: 'application/json', text: '{"a":1}' });
    expect(seen).toMatchObject({ credentials: 'omit', redirect: 'error' });
  });

  it('names a network failure', async () => {
    const failing = fetchBounded(url, {}, { timeoutMs: NOT_REACHED_MS, maxBytes: 10, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(failing).rejects.toMatchObject({ kind: 'network', url });
  });

  it('times out a body that never ends, covering the body as well as the headers', async () => {
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const fetch = async () => new Response(endless);
    await expect(fetchBounded(url, {}, { timeoutMs: 20, maxBytes: 10, fetch })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('readBodyCapped on a cloned response', () => {
  it('refuses an oversized body without waiting for the unread twin to be cancelled', async () => {
    const original = new Response(new Uint8Array(8192));
    const clone = original.clone();
    // The original is never read, so cancelling the clone's stream cannot complete.
    await expect(readBodyCapped(clone, 1024, 'https://a.example')).rejects.toMatchObject({ kind: 'too-large' });
    void original;
  });
});
