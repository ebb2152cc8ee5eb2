/**
 * Keeping a checking phone ready for offline checks (docs/sharing.md) without the check screen open: a
 * phone that has checked before (it holds status lists it fetched as a checker) prepares whenever
 * it is unlocked and online — on unlock, when the connection comes back, and every
 * CHECKER_REFRESH_MS — so each trusted issuer's status lists are fresh before any check needs
 * them. Small on purpose: it lives in the entry bundle and loads the checker only when needed.
 */
import { CHECK_STATUS_KIND } from '../shared';
import type { SatchelVault } from '../vault';

/** How often an unlocked, online checking phone looks for lists that are due. */
export const CHECKER_REFRESH_MS = 5 * 60_000;

export function keepCheckerReady(
  vault: Pick<SatchelVault, 'state' | 'onStateChange' | 'listRecords'>,
  prepare: () => Promise<unknown>,
  options: { online?: () => boolean; intervalMs?: number } = {},
): () => void {
  const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  let running = false;
  const run = async () => {
    if (running || !online() || (await vault.state().catch(() => 'locked')) !== 'unlocked') return;
    running = true;
    try {
      // Only a phone used for checking: a holder's phone does not fetch every issuer's lists.
      const used = await vault.listRecords(CHECK_STATUS_KIND).catch(() => []);
      if (used.length > 0) await prepare();
    } catch {
      // Offline again, or a list refused: the check screen says what is ready.
    } finally {
      running = false;
    }
  };
  const wake = () => void run();
  const cleanups = [vault.onStateChange((state) => state === 'unlocked' && wake())];
  if (typeof window !== 'undefined') {
    window.addEventListener('online', wake);
    const timer = setInterval(wake, options.intervalMs ?? CHECKER_REFRESH_MS);
    cleanups.push(() => window.removeEventListener('online', wake), () => clearInterval(timer));
  }
  return () => cleanups.forEach((c) => c());
}
