/**
 * The app's Sharer, Checker and ActivityLog, loaded on first use (like lazy-receiver.ts): sharing
 * and checking pull in the credentials library, DCQL, JWE and the QR transport, which the first
 * screen does not need, so they stay out of the entry bundle (README: size budget).
 */
import { lazyProxy } from '../../lib/lazy-proxy';
import { keepCheckerReady } from '../check';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';
import type { Sharer } from '../share';
import type { ActivityLog } from '../activity';
import type { Checker } from '../check';

export function lazyAppShareServices(vault: SatchelVault, receiver?: Pick<Receiver, 'credential'> & Partial<Pick<Receiver, 'refreshStatus' | 'listCredentials'>>): { sharer: Sharer; checker: Checker; activity: ActivityLog } {
  let loading: ReturnType<typeof load> | undefined;
  function load() {
    return import('./app-share').then((m) => m.createAppShareServices(vault, receiver));
  }
  const services = () => (loading ??= load());
  const sharer = lazyProxy<Sharer>(async () => (await services()).sharer, {});
  const checker = lazyProxy<Checker>(async () => (await services()).checker, {
    // Synchronous: they forget checks once the checker is loaded. Before that no check can exist
    // (every check starts with a call that loads it), so there is nothing to forget.
    discard: (checker) => (requestId) => checker.current?.discard(requestId),
    discardAll: (checker) => () => checker.current?.discardAll(),
  });
  const activity = lazyProxy<ActivityLog>(async () => (await services()).activity, {});
  // A phone that has checked before keeps every trusted issuer's status lists fresh while unlocked
  // and online, with the check screen closed too, so it can check once the signal goes (docs/sharing.md: status lists on a checking phone).
  keepCheckerReady(vault, () => checker.offlineReadiness({ refresh: true }));
  return { sharer, checker, activity };
}
