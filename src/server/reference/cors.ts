/**
 * CORS for the wallet's origin (Fetch standard §3.2): the wallet is a static web app on another
 * origin, so the departments and the trust-list operator must allow it explicitly. Configured
 * origins, plus any http://localhost / 127.0.0.1 port (these are local demo servers).
 */
import { cors } from 'hono/cors';

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

export function walletCors(walletOrigins: readonly string[]) {
  return cors({
    origin: (origin) => (walletOrigins.includes(origin) || LOCAL_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    // RFC 9449: the wallet sends DPoP proofs and reads the servers' DPoP-Nonce (and the reason in WWW-Authenticate).
    allowHeaders: ['Content-Type', 'Authorization', 'DPoP'],
    exposeHeaders: ['DPoP-Nonce', 'WWW-Authenticate'],
    maxAge: 600,
  });
}
