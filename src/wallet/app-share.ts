/**
 * The app's Sharer, Checker and ActivityLog (for src/ui/share/ShareContext): signatures checked in
 * the crypto worker (WASM core, noble fallback), the trust list and status lists read from the
 * receive use case's encrypted cache, claim labels from the receiver's credential views.
 */
import { workerSignatureVerifier } from '../crypto/client';
import { createActivityLog } from './activity';
import { createChecker } from './check';
import { receiveCacheTrust } from './check-trust';
import { walletConfig } from './config';
import type { Receiver } from './receive-api';
import type { SatchelVault } from './satchel-vault';
import { createSharer } from './share';
import type { ActivityLog, Checker, Sharer } from './share-api';

export function createAppShareServices(vault: SatchelVault, receiver?: Pick<Receiver, 'credential'>): { sharer: Sharer; checker: Checker; activity: ActivityLog } {
  const verifier = workerSignatureVerifier();
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  return {
    sharer: createSharer({ vault, ...(receiver ? { views: receiver } : {}), fetch: fetchFn }),
    checker: createChecker({ verifier, vault, trust: receiveCacheTrust({ vault, config: walletConfig(), verifier, fetch: fetchFn }) }),
    activity: createActivityLog(vault),
  };
}
