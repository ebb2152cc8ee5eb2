/** The app's People: the people document in the vault, and authorities read from the receiver's credential views. */
import { createPeople, type People } from '../people';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';

export function createAppPeople(vault: SatchelVault, receiver: Pick<Receiver, 'listCredentials'>): People {
  return createPeople({ vault, views: () => receiver.listCredentials() });
}
