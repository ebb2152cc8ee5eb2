/**
 * One department's Token Status List (draft-ietf-oauth-status-list): 2 bits per credential
 * (§4.1: 0 VALID, 1 INVALID = revoked, 2 SUSPENDED), compressed and encoded by the OpenWallet
 * Foundation's @sd-jwt/jwt-status-list, served as a Status List Token (§5.1, `typ`
 * statuslist+jwt) signed by the department's key, with `ttl` so wallets know when to refresh.
 */
import { StatusList, createHeaderAndPayload } from '@sd-jwt/jwt-status-list';
import { signJws } from './credential-signer';
import type { KeyPair } from './keys';

export const STATUS_BITS = 2;
/** Entries per list (a real issuer would shuffle indexes over a much larger list for herd privacy). */
export const STATUS_LIST_SIZE = 1024;
/** How long a wallet may rely on a fetched list before refreshing it (§5.1 ttl), in seconds. */
export const STATUS_LIST_TTL_S = 60;
/** How long the token itself stays valid (§5.1 exp), in seconds. */
export const STATUS_LIST_LIFETIME_S = 24 * 3600;

export const STATUS = { valid: 0, revoked: 1, suspended: 2 } as const;
export type StatusName = keyof typeof STATUS;

export function statusName(value: number): StatusName | 'unknown' {
  const entry = Object.entries(STATUS).find(([, v]) => v === value);
  return entry ? (entry[0] as StatusName) : 'unknown';
}

/** A signed Status List Token for `statuses` (one number per index) published at `uri`. */
export async function statusListToken(key: KeyPair, uri: string, statuses: readonly number[], now: Date, ttlS: number = STATUS_LIST_TTL_S): Promise<string> {
  const values = Array.from({ length: STATUS_LIST_SIZE }, (_, i) => statuses[i] ?? STATUS.valid);
  const list = new StatusList(values, STATUS_BITS);
  const iat = Math.floor(now.getTime() / 1000);
  // §5.1: sub is the list's URI; iat, exp and ttl.
  const { header, payload } = createHeaderAndPayload(list, { sub: uri, iat, exp: iat + STATUS_LIST_LIFETIME_S, ttl: ttlS }, { alg: 'ES256', typ: 'statuslist+jwt' });
  return signJws(key, header, payload as Record<string, unknown>);
}
