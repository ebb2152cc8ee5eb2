/**
 * The app's Receiver, loaded on first use. Receiving and showing credentials pulls in the
 * credentials library and the OpenID4VCI client; the first screen (start or unlock) needs neither,
 * so they stay out of the entry bundle (README: size budget).
 */
import { lazyProxy } from '../../lib/lazy-proxy';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';

export function lazyAppReceiver(vault: SatchelVault): Receiver {
  return lazyProxy<Receiver>(() => import('./app-receiver').then((m) => m.createAppReceiver(vault)), {
    // A listener added before the receiver is loaded is subscribed once it is (unless removed first).
    onPendingChange: (receiver) => (listener) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      void receiver.load().then((r) => {
        if (!stopped) stop = r.onPendingChange(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  });
}
