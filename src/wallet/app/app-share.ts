/**
 * The app's Sharer, Checker and ActivityLog (for src/ui/share/ShareContext): signatures checked in
 * the crypto worker (WASM core, noble fallback), the trust list and status lists read from the
 * trust folder's encrypted cache, claim labels from the receiver's credential views. The sharer
 * checks a signed request's certificate against the register of verifiers on that trust list,
 * refreshed first when due (a verifier registered since the last refresh is then recognised).
 * The checker forgets every check (claims, portraits) as soon as the vault locks: checked people's
 * data must not outlive the unlocked session any more than the holder's own does.
 */
import { workerSignatureVerifier } from '../../crypto/client';
import { createActivityLog } from '../activity';
import { createChecker } from '../check';
import { cachedTrust, TrustCache } from '../trust';
import { walletConfig, type WalletConfig } from '../shared';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';
import { createSharer } from '../share';
import { createAppPeople } from './app-people';
import type { Sharer } from '../share';
import type { ActivityLog } from '../activity';
import type { Checker } from '../check';

/** Defaults: the build's configuration, the browser's fetch and clock (tests pass their own). */
export interface AppShareOptions {
  config?: WalletConfig;
  fetch?: typeof fetch;
  now?: () => number;
}

export function createAppShareServices(vault: SatchelVault, receiver?: Pick<Receiver, 'credential'> & Partial<Pick<Receiver, 'refreshStatus' | 'listCredentials'>>, options: AppShareOptions = {}): { sharer: Sharer; checker: Checker; activity: ActivityLog } {
  const verifier = workerSignatureVerifier();
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ? { now: options.now } : {};
  const config = options.config ?? walletConfig();
  // Before preparing for offline checks, the receiver refreshes the cached trust list when due.
  const refresh = receiver?.refreshStatus ? { refreshTrustList: () => receiver.refreshStatus!() } : {};
  const trust = cachedTrust({ vault, config, verifier, fetch: fetchFn, ...now, ...refresh });
  const checker = createChecker({ verifier, vault, trust, ...now });
  // Vault.lock drops the keys and emits 'locked' synchronously (src/wallet/vault/vault.ts): drop the checks with them.
  vault.onStateChange((state) => {
    if (state !== 'unlocked') checker.discardAll();
  });
  // The same trust document as the receiver's and the checker's (one store per vault, trust-store.ts).
  const registerCache = new TrustCache({ vault, config, verifier, fetch: fetchFn, ...now });
  const shareTrust = { trustList: () => registerCache.trustList() };
  // Whom the holder helps, and the authorities they hold for them: answers on someone's behalf (docs/sharing.md).
  const listCredentials = receiver?.listCredentials?.bind(receiver);
  const people = listCredentials ? { people: createAppPeople(vault, { listCredentials }) } : {};
  return {
    sharer: createSharer({ vault, ...(receiver ? { views: receiver } : {}), fetch: fetchFn, ...now, trust: shareTrust, verifier, ...people, ...(config.remoteUrls ? { remoteUrls: config.remoteUrls } : {}) }),
    checker,
    activity: createActivityLog(vault),
  };
}
