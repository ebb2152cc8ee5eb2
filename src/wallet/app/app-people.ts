/**
 * The app's People: the people document in the vault, authorities read from the receiver's
 * credential views, and issuers told of credentials removed with a person (§11.1, under the
 * build's remote-URL policy, as the receiver tells them of one deleted).
 */
import { PRODUCTION_POLICY } from '../../lib/remote-url';
import { sendNotification } from '../../protocols/openid4vci/index';
import { walletConfig } from '../shared';
import { createPeople, type People } from '../people';
import type { Receiver } from '../receive';
import type { SatchelVault } from '../vault';

export function createAppPeople(vault: SatchelVault, receiver: Pick<Receiver, 'listCredentials'>): People {
  const remoteUrls = walletConfig().remoteUrls ?? PRODUCTION_POLICY;
  const http = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init), remoteUrls };
  return createPeople({
    vault,
    views: () => receiver.listCredentials(),
    notifyDeleted: (n) => sendNotification(n.endpoint, n.accessToken, n.notificationId, 'credential_deleted', http),
  });
}
