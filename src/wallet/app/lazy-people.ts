/**
 * The app's People (src/wallet/people), loaded on first use like lazy-receiver.ts: the first
 * screen (start or unlock) needs none of it. The UI is given it as the App's `people` (main.tsx).
 */
import { lazyProxy } from '../../lib/lazy-proxy';
import type { People } from '../people';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';

export function lazyAppPeople(vault: SatchelVault, receiver: Pick<Receiver, 'listCredentials'>): People {
  return lazyProxy<People>(() => import('./app-people').then((m) => m.createAppPeople(vault, receiver)), {});
}
