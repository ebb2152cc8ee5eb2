/**
 * The app's Sharer, Checker and ActivityLog, loaded on first use (like lazy-receiver.ts): sharing
 * and checking pull in the credentials library, DCQL, JWE and the QR transport, which the first
 * screen does not need, so they stay out of the entry bundle (README: size budget).
 */
import { keepCheckerReady } from '../check';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';
import type { Sharer } from '../share';
import type { ActivityLog } from '../activity';
import type { Checker } from '../check';

export function lazyAppShareServices(vault: SatchelVault, receiver?: Pick<Receiver, 'credential'> & Partial<Pick<Receiver, 'refreshStatus'>>): { sharer: Sharer; checker: Checker; activity: ActivityLog } {
  let loading: ReturnType<typeof load> | undefined;
  function load() {
    return import('./app-share').then((m) => m.createAppShareServices(vault, receiver));
  }
  const services = () => (loading ??= load());
  const sharer: Sharer = {
    readRequest: async (input) => (await services()).sharer.readRequest(input),
    claimsForPurpose: async (id, purpose) => (await services()).sharer.claimsForPurpose(id, purpose),
    shareableClaims: async (id) => (await services()).sharer.shareableClaims(id),
    respond: async (requestId, ...answer) => (await services()).sharer.respond(requestId, ...answer),
    respondOnline: async (requestId, ...answer) => (await services()).sharer.respondOnline(requestId, ...answer),
    decline: async (requestId) => (await services()).sharer.decline(requestId),
    quickShow: async (id, claims) => (await services()).sharer.quickShow(id, claims),
  };
  // discard is synchronous: it forgets the check once the module is loaded (it always is, by then).
  let loaded: Checker | undefined;
  const checkerNow = async () => (loaded = (await services()).checker);
  const checker: Checker = {
    createRequest: async (options) => (await checkerNow()).createRequest(options),
    acceptQuickShow: async () => (await checkerNow()).acceptQuickShow(),
    addFrame: async (requestId, frame) => (await checkerNow()).addFrame(requestId, frame),
    verify: async (requestId) => (await checkerNow()).verify(requestId),
    offlineReadiness: async (options) => (await checkerNow()).offlineReadiness(options),
    keepRecord: async (requestId) => (await checkerNow()).keepRecord(requestId),
    discard: (requestId) => loaded?.discard(requestId),
    // Nothing to forget before the module is loaded: no check can exist yet.
    discardAll: () => loaded?.discardAll(),
  };
  const activity: ActivityLog = {
    list: async (filter) => (await services()).activity.list(filter),
    remove: async (id) => (await services()).activity.remove(id),
    export: async () => (await services()).activity.export(),
  };
  // A phone that has checked before keeps every trusted issuer's status lists fresh while unlocked
  // and online, with the check screen closed too, so it can check once the signal goes (issue 11).
  keepCheckerReady(vault, async () => (await checkerNow()).offlineReadiness({ refresh: true }));
  return { sharer, checker, activity };
}
