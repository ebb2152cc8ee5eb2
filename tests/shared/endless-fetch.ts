/**
 * A server whose answer never ends (up to `limitBytes`): it repeats `chunk` for as long as it is
 * read. `pulled()` says how much was read, so a test can show that a size cap stopped reading
 * early instead of reading everything and then refusing it.
 */
export function endlessFetch(chunk: Uint8Array, options: { limitBytes: number; headers?: HeadersInit }): { fetch: typeof fetch; pulled: () => number } {
  let pulled = 0;
  const fetch: typeof globalThis.fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.length;
          controller.enqueue(chunk);
          if (pulled >= options.limitBytes) controller.close();
        },
      }),
      options.headers ? { headers: options.headers } : {},
    );
  return { fetch, pulled: () => pulled };
}
