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
    allowHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
}
