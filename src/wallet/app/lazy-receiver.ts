/**
 * The app's Receiver, loaded on first use. Receiving and showing credentials pulls in the
 * credentials library and the OpenID4VCI client; the first screen (start or unlock) needs neither,
 * so they stay out of the entry bundle (README: size budget).
 */
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';

export function lazyAppReceiver(vault: SatchelVault): Receiver {
  let loading: Promise<Receiver> | undefined;
  const receiver = () => (loading ??= import('./app-receiver').then((m) => m.createAppReceiver(vault)));
  return {
    readOffer: async (input) => (await receiver()).readOffer(input),
    accept: async (offerId, txCode) => (await receiver()).accept(offerId, txCode),
    decline: async (offerId) => (await receiver()).decline(offerId),
    pendingOffers: async () => (await receiver()).pendingOffers(),
    resumePending: async () => (await receiver()).resumePending(),
    listCredentials: async () => (await receiver()).listCredentials(),
    credential: async (id) => (await receiver()).credential(id),
    deleteCredential: async (id) => (await receiver()).deleteCredential(id),
    refreshStatus: async () => (await receiver()).refreshStatus(),
    statusFreshness: async () => (await receiver()).statusFreshness(),
    onPendingChange(listener) {
      let stop: (() => void) | undefined;
      let stopped = false;
      void receiver().then((r) => {
        if (!stopped) stop = r.onPendingChange(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
