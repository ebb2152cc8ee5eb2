/**
 * Loads the noble script (noble-fallback.ts) into the crypto worker, once, when first needed
 * (issue 18: @noble/curves only where WebAssembly is unavailable). The build makes the worker a
 * classic script (vite.config.ts), so the noble script is a classic script too, loaded with
 * importScripts; the dev server (and the browser tests) run module workers, where a module import
 * does the same. Vite builds the file given with `?worker&url` on its own and answers its address.
 */
import nobleUrl from './noble-fallback.ts?worker&url';
import type { NobleFallback } from './noble-fallback';

let loading: Promise<NobleFallback> | undefined;

export function loadNobleFallback(): Promise<NobleFallback> {
  return (loading ??= load().catch((error: unknown) => {
    loading = undefined; // a later call tries again
    throw error;
  }));
}

/** Whether the noble script is loaded in this worker (status(); tests: not when WASM works). */
export function isNobleLoaded(): boolean {
  return scope().satchelNoble !== undefined;
}

function scope(): { satchelNoble?: NobleFallback; importScripts?: (...urls: string[]) => void } {
  return globalThis as ReturnType<typeof scope>;
}

async function load(): Promise<NobleFallback> {
  const s = scope();
  if (!s.satchelNoble) {
    if (import.meta.env.DEV) await import(/* @vite-ignore */ nobleUrl);
    else s.importScripts!(nobleUrl);
  }
  if (!s.satchelNoble) throw new Error('the noble fallback script did not load');
  return s.satchelNoble;
}
