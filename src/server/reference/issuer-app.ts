/**
 * The HTTP face of one reference department (OpenID4VCI 1.0, served with Hono): well-known
 * metadata, offers by reference, token, nonce, credential, deferred credential, notification
 * and the Status List Token. The logic is in issuer.ts; this file maps it to HTTP.
 */
import { Hono, type Context } from 'hono';
import { walletCors } from './cors';
import { IssuerError, type CredentialResult, type ReferenceIssuer, type ResourceRequest } from './issuer';
import { authorizationServerMetadata, credentialIssuerMetadata } from './issuer-metadata';

const NO_STORE = { 'Cache-Control': 'no-store' };

function errorResponse(c: Context, e: unknown): Response {
  if (e instanceof IssuerError) {
    const headers: Record<string, string> = { ...NO_STORE, ...e.headers };
    // RFC 6750 §3: a bad bearer token is answered with WWW-Authenticate (RFC 9449 §7.1: DPoP ones bring their own).
    if (e.status === 401 && !headers['WWW-Authenticate']) headers['WWW-Authenticate'] = `Bearer error="${e.error}"`;
    return c.json(e.body(), e.status as 400, headers);
  }
  console.error(e);
  return c.json({ error: 'server_error', error_description: 'Something went wrong at the issuer' }, 500);
}

async function jsonBody(c: Context): Promise<unknown> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('application/json')) throw new IssuerError(400, 'invalid_request', 'The body must be application/json');
  try {
    return await c.req.json();
  } catch {
    throw new IssuerError(400, 'invalid_request', 'The body is not JSON');
  }
}

function credentialResponse(c: Context, result: CredentialResult): Response {
  // §8.3 immediate: credentials[] + notification_id; §8.3 / §9.2 deferred: 202 with transaction_id and interval.
  if ('transactionId' in result) return c.json({ transaction_id: result.transactionId, interval: result.interval }, 202, NO_STORE);
  return c.json({ credentials: [{ credential: result.credential }], notification_id: result.notificationId }, 200, NO_STORE);
}

/** The protected request as the issuer checks it: its Authorization and DPoP headers, method and path. */
const resourceRequest = (c: Context, path: string): ResourceRequest => ({ authorization: c.req.header('Authorization'), dpop: c.req.header('DPoP'), method: c.req.method, path });

export function issuerApp(issuer: ReferenceIssuer, walletOrigins: readonly string[]): Hono {
  const app = new Hono();
  app.use('*', walletCors(walletOrigins));
  if (issuer.signsIn) {
    // RFC 9449 §9: a resource server may hand out its next DPoP nonce on any answer.
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('DPoP-Nonce', issuer.dpop.nonce());
    });
  }

  // §12.2.2: the issuer identifier has no path, so the well-known URL is plain.
  app.get('/.well-known/openid-credential-issuer', (c) => c.json(credentialIssuerMetadata(issuer)));
  // RFC 8414 §3.1, for the co-located AS; a sign-in department has none (its metadata names the reference AS).
  if (!issuer.signsIn) app.get('/.well-known/oauth-authorization-server', (c) => c.json(authorizationServerMetadata(issuer)));

  // §4.1.3: credential_offer_uri answers with the offer as application/json. An offer that was
  // used or has expired answers 410 Gone (RFC 9110 §15.5.11), so a wallet can say so before the
  // person reviews it and types the code (docs/issuers.md, "Is the offer still open?").
  app.get('/offers/:id', (c) => {
    const offer = issuer.offer(c.req.param('id'));
    if (!offer) return c.json({ error: 'not_found' }, 404);
    if (!issuer.isOpen(offer)) return c.json({ error: 'offer_gone', error_description: 'This offer has been used or has expired' }, 410, NO_STORE);
    return c.json(issuer.offerJson(offer), 200, NO_STORE);
  });

  // §6.1: application/x-www-form-urlencoded token request (not for a sign-in department: its AS has the token endpoint).
  if (!issuer.signsIn) app.post('/token', async (c) => {
    try {
      const form = await c.req.parseBody();
      const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const result = issuer.redeem(s(form.grant_type), s(form['pre-authorized_code']), s(form.tx_code));
      return c.json({ access_token: result.accessToken, token_type: 'Bearer', expires_in: result.expiresIn }, 200, NO_STORE);
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  // §7.2: a fresh c_nonce, never cached.
  app.post('/nonce', async (c) => {
    try {
      return c.json({ c_nonce: await issuer.nonceRequest(resourceRequest(c, '/nonce')) }, 200, NO_STORE);
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  app.post('/credential', async (c) => {
    try {
      return credentialResponse(c, await issuer.credentialRequest(resourceRequest(c, '/credential'), await jsonBody(c)));
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  app.post('/deferred_credential', async (c) => {
    try {
      return credentialResponse(c, await issuer.deferredRequest(resourceRequest(c, '/deferred_credential'), await jsonBody(c)));
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  // §11.2: 204 No Content on success.
  app.post('/notification', async (c) => {
    try {
      await issuer.notify(resourceRequest(c, '/notification'), await jsonBody(c));
      return c.body(null, 204);
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  // draft-ietf-oauth-status-list §8.1: the token as application/statuslist+jwt.
  app.get('/status/1', async (c) => c.body(await issuer.statusListToken(), 200, { 'Content-Type': 'application/statuslist+jwt', 'Cache-Control': 'no-cache' }));

  return app;
}
