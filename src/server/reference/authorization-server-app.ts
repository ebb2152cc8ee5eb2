/**
 * The HTTP face of the reference authorisation server (Hono): RFC 8414 metadata, its JWK Set, PAR,
 * the sign-in page (authorisation endpoint) and the token endpoint. The logic is in
 * authorization-server.ts, the pages in sign-in-page.ts.
 *
 * The wallet calls /par and /token with fetch (CORS for its origin, the DPoP header allowed, the
 * DPoP-Nonce header exposed); the person's browser navigates to /authorize. The page's form posts
 * are checked against cross-site request forgery (hono/csrf), and its Content Security Policy lets
 * the form post to itself and follow the redirect to the wallet's origin only (CSP3 form-action
 * applies to redirects after a form submission).
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { AuthorizeError, type PendingRequest, type ReferenceAuthorizationServer } from './authorization-server';
import { walletCors } from './cors';
import { IssuerError } from './issuer-error';
import { SIGN_IN_CSS, cannotSignInPage, signInPage, type Lang } from './sign-in-page';

const NO_STORE = { 'Cache-Control': 'no-store' };

function pageHeaders(formTarget?: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; form-action 'self'${formTarget ? ` ${formTarget}` : ''}; base-uri 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function oauthError(c: Context, e: unknown): Response {
  if (e instanceof IssuerError) return c.json(e.body(), e.status as 400, { ...NO_STORE, ...e.headers });
  console.error(e);
  return c.json({ error: 'server_error', error_description: 'Something went wrong at the sign-in service' }, 500, NO_STORE);
}

/** The raw form body, so a parameter sent twice can be refused (RFC 6749 §3.1). */
async function formBody(c: Context): Promise<URLSearchParams> {
  if (!(c.req.header('Content-Type') ?? '').startsWith('application/x-www-form-urlencoded')) throw new IssuerError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  return new URLSearchParams(await c.req.text());
}

const langOf = (value: unknown): Lang => (value === 'cy' ? 'cy' : 'en');

function credentialName(request: PendingRequest) {
  return request.resource.signInConfigurations().find((x) => x.id === request.configurationId)!.name;
}

export function authorizationServerApp(as: ReferenceAuthorizationServer, walletOrigins: readonly string[]): Hono {
  const app = new Hono();
  app.use('*', walletCors(walletOrigins));
  app.use('/authorize/*', csrf());
  app.use('/authorize', csrf());

  app.get('/.well-known/oauth-authorization-server', (c) => c.json(as.metadata()));
  app.get('/jwks.json', (c) => c.json(as.jwks()));
  app.get('/sign-in.css', (c) => c.body(SIGN_IN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  // RFC 9126 §2.2: 201 Created with request_uri and expires_in.
  app.post('/par', async (c) => {
    try {
      const pushed = as.push(await formBody(c));
      return c.json({ request_uri: pushed.requestUri, expires_in: pushed.expiresIn }, 201, NO_STORE);
    } catch (e) {
      return oauthError(c, e);
    }
  });

  // RFC 9126 §4: client_id + request_uri only. Errors are shown, never redirected: without a
  // pushed request there is no redirect_uri this server has checked.
  app.get('/authorize', (c) => {
    let lang = langOf(c.req.query('lang'));
    try {
      const request = as.pendingRequest(c.req.query('client_id'), c.req.query('request_uri'));
      // The page's own language link wins; otherwise the language the wallet asked for (ui_locales).
      if (c.req.query('lang') === undefined && request.welsh) lang = 'cy';
      return c.html(signInPage({ lang, clientId: request.clientId, requestUri: request.requestUri, department: request.resource.name, credential: credentialName(request) }), 200, pageHeaders(new URL(request.redirectUri).origin));
    } catch (e) {
      if (e instanceof AuthorizeError) return c.html(cannotSignInPage(lang, e.reason, c.req.url), 400, pageHeaders());
      throw e;
    }
  });

  app.post('/authorize', async (c) => {
    const form = await c.req.parseBody();
    const lang = langOf(form.lang);
    const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
    try {
      const request = as.pendingRequest(undefined, s(form.request_uri));
      const outcome = as.signIn(s(form.request_uri), s(form.email), s(form.password));
      if ('problem' in outcome) {
        return c.html(signInPage({ lang, clientId: request.clientId, requestUri: request.requestUri, department: request.resource.name, credential: credentialName(request), problem: outcome.problem, email: s(form.email) }), 400, pageHeaders(new URL(request.redirectUri).origin));
      }
      return c.redirect(outcome.redirect, 303);
    } catch (e) {
      if (e instanceof AuthorizeError) return c.html(cannotSignInPage(lang, e.reason, '/authorize'), 400, pageHeaders());
      throw e;
    }
  });

  app.post('/authorize/cancel', async (c) => {
    const form = await c.req.parseBody();
    try {
      return c.redirect(as.cancel(typeof form.request_uri === 'string' ? form.request_uri : undefined), 303);
    } catch (e) {
      if (e instanceof AuthorizeError) return c.html(cannotSignInPage(langOf(form.lang), e.reason, '/authorize'), 400, pageHeaders());
      throw e;
    }
  });

  // RFC 6749 §4.1.3 / §5.1; RFC 9449 §5: the answer carries a fresh DPoP-Nonce for the next proof.
  app.post('/token', async (c) => {
    try {
      const body = await as.token(await formBody(c), c.req.header('DPoP'));
      return c.json(body, 200, { ...NO_STORE, 'DPoP-Nonce': as.dpop.nonce() });
    } catch (e) {
      return oauthError(c, e);
    }
  });

  return app;
}
