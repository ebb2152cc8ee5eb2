/**
 * The build-time environment that points a Satchel build at the reference servers: the CSP
 * connect-src origins (security-headers.ts reads SATCHEL_CONNECT_ORIGINS) and the trust-list URL
 * and pinned operator key (src/wallet/shared/config.ts reads the VITE_SATCHEL_TRUST_LIST_* variables,
 * which Vite exposes to the app as import.meta.env).
 */
import type { ReferenceServers } from './reference-servers';

export function buildEnvironment(servers: Pick<ReferenceServers, 'origins' | 'trustListUrl' | 'trustListKeys'>): Record<string, string> {
  return {
    SATCHEL_CONNECT_ORIGINS: servers.origins.join(' '),
    VITE_SATCHEL_TRUST_LIST_URL: servers.trustListUrl,
    VITE_SATCHEL_TRUST_LIST_KEYS: JSON.stringify(servers.trustListKeys),
    // The reference servers run on localhost; only such demo and test builds may contact it.
    VITE_SATCHEL_ALLOW_LOOPBACK: 'true',
  };
}
