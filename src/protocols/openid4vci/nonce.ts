/** Nonce endpoint, OpenID4VCI 1.0 §7: POST with no body (§7.1), answered with `c_nonce` (§7.2). */
import { expectJson, requireString, send, type HttpOptions } from './http';

export async function requestNonce(nonceEndpoint: string, options: HttpOptions): Promise<string> {
  const result = await send(nonceEndpoint, { method: 'POST', headers: { Accept: 'application/json' } }, options);
  return requireString(expectJson(result, nonceEndpoint), 'c_nonce', nonceEndpoint);
}
