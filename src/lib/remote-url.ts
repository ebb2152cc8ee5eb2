/**
 * Which URLs the wallet may contact or send a person's data to: https only. Loopback hosts
 * (localhost, 127.0.0.0/8, ::1) are never a real department or verifier, so a production build
 * refuses them whatever the scheme; the demo and test builds allow them explicitly, over http too
 * (`allowLoopback`, from VITE_SATCHEL_ALLOW_LOOPBACK — src/wallet/shared/config.ts).
 */

export interface RemoteUrlPolicy {
  /** Allow http and https on loopback hosts (reference servers, tests). Never in production. */
  allowLoopback: boolean;
}

export const PRODUCTION_POLICY: RemoteUrlPolicy = { allowLoopback: false };

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/** Why a URL may not be used, or undefined when it may. */
export function remoteUrlProblem(url: URL, policy: RemoteUrlPolicy): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} addresses cannot be used`;
  if (isLoopbackHost(url.hostname)) return policy.allowLoopback ? undefined : `${url.host} is an address on this device, not a service`;
  if (url.protocol !== 'https:') return `${url.origin} does not use https`;
  if (url.username || url.password) return 'Addresses with a user name or password cannot be used';
  return undefined;
}

export function isAllowedRemoteUrl(url: URL, policy: RemoteUrlPolicy): boolean {
  return remoteUrlProblem(url, policy) === undefined;
}
