/**
 * Use case: "the first signature check is not kept waiting for the crypto worker to start" (issue
 * 18). Starting the worker costs its script, compiling the WASM core and a self-test (docs/crypto-core.md);
 * done here in idle time after the page's load event (its script, client and WASM then never compete
 * with the first screen's own bytes and work: on a slow phone they had delayed its largest paint), and
 * again when the vault unlocks
 * (the worker stops after a minute with nothing to do, and choosing or typing a PIN can take longer;
 * unlocking is followed by the home screen's re-verification). The worker's client is fetched only
 * then, by a dynamic import: the first screen's script neither carries it nor the credentials library.
 */
import type { VaultState } from '../vault';

/** Generous: on a slow phone the first screen can keep the main thread busy for a while. */
export const WARM_IDLE_TIMEOUT_MS = 2000;

interface Unlocks {
  onStateChange(listener: (state: VaultState) => void): () => void;
}

/** The page's loading: document.readyState and the window's load event (tests pass a stand-in). */
interface Loading {
  readonly readyState: DocumentReadyState;
  addEventListener(type: 'load', listener: () => void): void;
  removeEventListener(type: 'load', listener: () => void): void;
}

const thisPage: Loading = {
  get readyState() {
    return document.readyState;
  },
  addEventListener: (type, listener) => window.addEventListener(type, listener),
  removeEventListener: (type, listener) => window.removeEventListener(type, listener),
};

/** Warms the worker when the page is idle after its load event, and whenever the vault unlocks; returns a stop. */
export function warmSignatureChecking(vault: Unlocks, page: Loading = thisPage): () => void {
  let cancelIdle = afterLoad(page, () => whenIdle(warm));
  const stopListening = vault.onStateChange((state) => {
    if (state !== 'unlocked') return;
    cancelIdle();
    cancelIdle = whenIdle(warm);
  });
  return () => {
    cancelIdle();
    stopListening();
  };
}

function warm(): void {
  import('../../crypto/client').then((client) => client.warmCryptoWorker(), () => undefined);
}

/** Runs `schedule` once the page has loaded (at once if it has); returns what cancels either. */
function afterLoad(page: Loading, schedule: () => () => void): () => void {
  if (page.readyState === 'complete') return schedule();
  let cancel = (): void => page.removeEventListener('load', onLoad);
  function onLoad(): void {
    page.removeEventListener('load', onLoad);
    cancel = schedule();
  }
  page.addEventListener('load', onLoad);
  return () => cancel();
}

/** requestIdleCallback with a deadline; Safari before 18 has none, so a timer stands in. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: WARM_IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
