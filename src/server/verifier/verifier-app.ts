/**
 * A reference OpenID4VP 1.0 verifier site (sites.ts: the job application site, the corner shop):
 * it asks with a DCQL query (§6) in a request object fetched by `request_uri` (§5.10), answered by
 * `direct_post.jwt` (§8.3, encrypted to a per-transaction key; HAIP), and shows what it received
 * and whether it verified. With a `signer` (the reference register's certificate for the site,
 * verifier-register.ts) the request object is signed (RFC 9101; request-signing.ts) under the
 * site's Client Identifier Prefix, `x509_san_dns:localhost` or `x509_hash:` (§5.9.3); without one
 * (tests of unsigned requests) it is unsigned under `redirect_uri:` and the client id is the
 * response_uri.
 *
 *   GET  /                 the site          POST /start        new transaction → /tx/:id
 *   GET  /tx/:id           QR + link, then the result
 *   GET  /request/:id      the request object (application/oauth-authz-req+jwt)
 *   POST /response         the wallet's response (form: response=<JWE>), or its error response
 *                          (form: error, state — §8.5, e.g. access_denied when the person declines)
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { base64urlEncode } from '../../lib/base64url';
import { jweHeader, JWE_ALG, JWE_ENC } from '../../lib/jwe';
import { walletCors } from '../reference/cors';
import type { VerifierSigner } from '../reference/verifier-register';
import { expiredPage, homePage, resultPage, STYLE, waitingPage } from './pages';
import { REQUEST_OBJECT_TYP, signRequestObject, x509ClientId } from './request-signing';
import { JOB_SITE, type VerifierSite } from './sites';
import { Transactions } from './transactions';
import { verifyResponse, type VerifyContext } from './verify-response';

/** The job application site's name and queries (sites.ts JOB_SITE). */
export const VERIFIER_NAME = JOB_SITE.name;
export const QUERIES = JOB_SITE.queries;
/** OpenID4VP 1.0 §5.8: the `aud` of a signed request object when the wallet's metadata is static. */
export const STATIC_WALLET_AUDIENCE = 'https://self-issued.me/v2';
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface VerifierAppOptions {
  url: string;
  walletUrl: string;
  walletOrigins: readonly string[];
  trustList: VerifyContext['trustList'];
  fetchStatusList: VerifyContext['fetchStatusList'];
  now?: () => number;
  /** The signature verifier (default: nodeSignatureVerifier). */
  verifier?: VerifyContext['verifier'];
  /** Which site (default: the job application site). */
  site?: VerifierSite;
  /** The site's certificate and key from the register: its requests are signed. Absent: unsigned (redirect_uri:). */
  signer?: VerifierSigner;
}

const segment = (value: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(value)));

export function verifierApp(options: VerifierAppOptions): { app: Hono; transactions: Transactions; clientId: string } {
  const now = options.now ?? (() => Date.now());
  const transactions = new Transactions(now);
  const site = options.site ?? JOB_SITE;
  const signer = options.signer;
  const responseUri = `${options.url}/response`;
  // §5.9.3: signed, the client id names the certificate (its DNS name is this site's host); unsigned, it is the response_uri.
  const clientId = signer ? x509ClientId(site.clientIdPrefix, signer, new URL(options.url).hostname) : `redirect_uri:${responseUri}`;
  const app = new Hono();
  app.use('/request/*', walletCors(options.walletOrigins));
  app.use('/response', walletCors(options.walletOrigins));
  app.use('/start', csrf({ origin: options.url }));

  app.get('/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css' }));
  app.get('/', (c) => c.html(homePage(site), 200, PAGE_HEADERS));

  app.post('/start', async (c) => {
    const form = await c.req.parseBody();
    const purpose = typeof form.purpose === 'string' && Object.prototype.hasOwnProperty.call(site.queries, form.purpose) ? form.purpose : site.defaultPurpose;
    const tx = await transactions.create(purpose, site.queries[purpose]!);
    return c.redirect(`/tx/${tx.id}`, 303);
  });

  app.get('/tx/:id', (c) => {
    const tx = transactions.get(c.req.param('id'));
    if (!tx) return c.html(expiredPage(), 404, PAGE_HEADERS);
    if (tx.outcome) return c.html(resultPage(tx), 200, PAGE_HEADERS);
    const query = `client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(`${options.url}/request/${tx.id}`)}`;
    return c.html(waitingPage(tx, { crossDevice: `openid4vp://?${query}`, sameDevice: `${options.walletUrl}/share?${query}` }), 200, PAGE_HEADERS);
  });

  // §5.10: the request object, by reference: signed (RFC 9101) under x509_san_dns: / x509_hash:, unsigned (alg none) under redirect_uri: (§5.9.3).
  app.get('/request/:id', async (c) => {
    const tx = transactions.get(c.req.param('id'));
    if (!tx || tx.outcome) return c.text('This request has expired or was answered', 404);
    const payload = {
      response_type: 'vp_token',
      response_mode: 'direct_post.jwt',
      client_id: clientId,
      response_uri: responseUri,
      nonce: tx.nonce,
      state: tx.state,
      dcql_query: tx.dcql,
      iat: Math.floor(tx.createdAt / 1000),
      exp: Math.floor(tx.expiresAt / 1000),
      // §5.8: a signed request's audience when the wallet's metadata is static (RFC 9101 §4).
      ...(signer ? { aud: STATIC_WALLET_AUDIENCE } : {}),
      client_metadata: {
        client_name: site.name,
        jwks: { keys: [{ ...tx.publicJwk, use: 'enc', alg: JWE_ALG }] },
        encrypted_response_enc_values_supported: [JWE_ENC],
        // §11.1 / B.2.2: COSE algorithm ids for mdocs (-7 ES256, -35 ES384, -8 EdDSA).
        vp_formats_supported: {
          'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256', 'EdDSA'], 'kb-jwt_alg_values': ['ES256'] },
          mso_mdoc: { issuerauth_alg_values: [-7, -35, -8], deviceauth_alg_values: [-7, -8] },
        },
      },
    };
    const jwt = signer ? await signRequestObject(payload, signer) : `${segment({ alg: 'none', typ: REQUEST_OBJECT_TYP })}.${segment(payload)}.`;
    return c.body(jwt, 200, { 'Content-Type': 'application/oauth-authz-req+jwt', 'Cache-Control': 'no-store' });
  });

  // §8.2/§8.3: the wallet POSTs the (encrypted) response; the kid names the transaction.
  app.post('/response', async (c) => {
    const form = await c.req.parseBody();
    // §8.5 / §8.2: an error response names its transaction by state; it ends the wait, nothing more.
    if (typeof form.error === 'string') {
      const tx = typeof form.state === 'string' ? transactions.byState(form.state) : undefined;
      if (!tx || tx.outcome) return c.json({ error: 'invalid_request', error_description: 'Unknown, expired or already answered transaction' }, 400);
      tx.outcome = { ok: false, reasons: [], claims: {}, declined: form.error };
      return c.json({ redirect_uri: `${options.url}/tx/${tx.id}` });
    }
    const response = typeof form.response === 'string' ? form.response : undefined;
    let kid: unknown;
    try {
      kid = response ? jweHeader(response).kid : undefined;
    } catch {
      kid = undefined;
    }
    const tx = typeof kid === 'string' ? transactions.get(kid) : undefined;
    if (!tx) return c.json({ error: 'invalid_request', error_description: 'Unknown or expired transaction' }, 400);
    // One response per transaction: a second one is a replay.
    if (tx.outcome) return c.json({ error: 'invalid_request', error_description: 'This request was already answered' }, 400);
    tx.outcome = await verifyResponse(tx, { response }, { clientId, responseUri, trustList: options.trustList, fetchStatusList: options.fetchStatusList, now, ...(options.verifier ? { verifier: options.verifier } : {}) });
    return c.json({ redirect_uri: `${options.url}/tx/${tx.id}` });
  });

  return { app, transactions, clientId };
}
