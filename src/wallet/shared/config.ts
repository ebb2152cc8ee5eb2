/**
 * Build-time configuration of the wallet: where the trust list is published and the
 * trust-list operator's public key(s) the wallet pins (docs/credentials.md "Trust list format").
 * Set at build time through Vite's environment (import.meta.env):
 *
 *   VITE_SATCHEL_TRUST_LIST_URL   https URL of the signed trust list (http only for localhost)
 *   VITE_SATCHEL_TRUST_LIST_KEYS  JSON array of the operator's public JWKs (EC P-256 or OKP Ed25519)
 *   VITE_SATCHEL_ALLOW_LOOPBACK   "true" only in demo and test builds: issuers, trust list and
 *                                 verifiers on localhost (http too) are allowed (src/lib/remote-url.ts).
 *                                 Vite's dev server allows them as well; a production build never.
 *
 * `npm start` sets both from the reference trust-list operator (src/server/reference/build-env.ts);
 * a real deployment sets them to the production operator. See docs/issuers.md.
 */
import type { PublicJwk } from '../../credentials/index';
import type { RemoteUrlPolicy } from '../../lib/remote-url';

export interface WalletConfig {
  /** Empty when the build has no trust list configured: nothing can then be received. */
  trustListUrl: string;
  trustListKeys: PublicJwk[];
  /** Where the wallet may connect to and send data to (src/lib/remote-url.ts); absent = production rules. */
  remoteUrls?: RemoteUrlPolicy;
}

function parseKeys(text: string | undefined): PublicJwk[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    // Public keys only: a key with a private member is a configuration mistake and is dropped.
    return value.filter((k): k is PublicJwk => typeof k === 'object' && k !== null && !('d' in k));
  } catch {
    return [];
  }
}

type Env = Record<string, string | boolean | undefined>;
/** Vite's import.meta.env in the app; absent in plain Node. */
const buildEnv = (): Env => (import.meta as unknown as { env?: Env }).env ?? {};

export function walletConfig(env: Env = buildEnv()): WalletConfig {
  return {
    trustListUrl: String(env.VITE_SATCHEL_TRUST_LIST_URL ?? ''),
    trustListKeys: parseKeys(env.VITE_SATCHEL_TRUST_LIST_KEYS?.toString()),
    remoteUrls: { allowLoopback: env.VITE_SATCHEL_ALLOW_LOOPBACK === 'true' || env.DEV === true || env.DEV === 'true' },
  };
}
