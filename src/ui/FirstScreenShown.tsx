/**
 * Runs work the first screen does not need (registering the service worker, warming the crypto
 * worker) once that screen is on the page: the vault's state is known, so the screen shown is the
 * real one, not "Opening…"; it has been painted (effects run after paint); the page's load event
 * has passed; and the browser is idle (issue 18). Started earlier, their requests had delayed the
 * first screen's largest paint on a slow phone.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useVault } from './vault/VaultContext';

/** Generous: on a slow phone the first screen can keep the main thread busy for a while. */
const IDLE_TIMEOUT_MS = 2000;

export function FirstScreenShown({ run }: { run: () => void }) {
  const { state, failure } = useVault();
  const shown = state !== undefined || failure !== undefined;
  const done = useRef(false);
  useEffect(() => {
    if (!shown || done.current) return;
    done.current = true;
    return afterLoadWhenIdle(run);
  }, [shown]);
  return null;
}

function afterLoadWhenIdle(task: () => void): () => void {
  let cancel = (): void => undefined;
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(task, 0); // Safari before 18
      cancel = () => clearTimeout(id);
    }
  };
  if (document.readyState === 'complete') idle();
  else {
    const onLoad = (): void => idle();
    window.addEventListener('load', onLoad, { once: true });
    cancel = () => window.removeEventListener('load', onLoad);
  }
  return () => cancel();
}
