/** The benchmark page: the cold-start measurement, then the main benchmark worker. */
import { p256Key, signItem } from './inputs';

declare global { interface Window { benchDone?: unknown; benchError?: string; benchLog: string[] } }
window.benchLog = [];

function runWorker(url: URL, message?: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const w = new Worker(url, { type: 'module' });
    w.onmessage = (e: MessageEvent<Record<string, unknown>>) => {
      if (e.data.progress) { window.benchLog.push(String(e.data.progress)); return; }
      w.terminate();
      if (e.data.error) reject(new Error(String(e.data.error))); else resolve(e.data);
    };
    w.onerror = (e) => reject(new Error(e.message));
    if (message) w.postMessage(message);
  });
}

async function main(): Promise<void> {
  // bench/run.mjs --only PREFIX / --wasm FILE: a subset of the cases (no cold starts), another core
  const params = new URLSearchParams(location.search);
  const only = params.get('only') ?? '';
  const item = signItem(p256Key(4242), 1);
  const cold: Record<string, unknown>[] = [];
  for (let i = 0; i < (only ? 0 : 3); i++) {
    const t = performance.now();
    const r = await runWorker(new URL('./cold-worker.ts', import.meta.url), { key: item.publicKey, msg: item.message, sig: item.signature });
    cold.push({ ...r, totalMs: performance.now() - t });
  }
  const main = await runWorker(new URL('./bench-worker.ts', import.meta.url), { only, wasm: params.get('wasm') ?? undefined });
  window.benchDone = { ...(main.done as object), cold };
}

main().catch((e: unknown) => { window.benchError = e instanceof Error ? e.message : String(e); });
