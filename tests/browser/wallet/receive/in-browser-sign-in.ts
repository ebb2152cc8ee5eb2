/**
 * A minimal authorisation server in front of the in-browser issuer (in-browser-issuer.ts), for
 * browser tests of signing in (OpenID4VCI 1.0 §3.4, HAIP 1.0) with the real vault and crypto
 * worker: the issuer's metadata names this AS and gives `driving_licence` a scope; the AS takes
 * pushed requests (RFC 9126) with PKCE S256 (RFC 7636), lets the test play the person signing in
 * (signIn(url) → the redirect back, with `iss`, RFC 9207), and answers the token request only with
 * a DPoP proof (RFC 9449 §4.3: typ, ES256, the signature with its jwk, htm, htu, its own nonce,
 * §8) — a DPoP token. The credential endpoint then wants `Authorization: DPoP`, a proof by the same
 * key with `ath` and the resource nonce (§9), and passes the request on to the issuer with a
 * pre-authorised Bearer token of its own.
 */
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { ISSUER, TX_CODE, type InBrowserIssuer } from './in-browser-issuer';

export const AS = 'https://login.example.gov.uk';
const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

export interface InBrowserSignIn {
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** An offer with only the authorization_code grant and an issuer_state (§4.1.1). */
  offer(): string;
  /** The person at the authorisation URL: the redirect back to the wallet (or access_denied). */
  signIn(url: string, options?: { deny?: boolean }): Promise<string>;
  /** The public keys of the DPoP proofs the token endpoint accepted. */
  dpopKeys: JsonWebKey[];
}

interface Pushed {
  params: URLSearchParams;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const decode = (part: string) => JSON.parse(new TextDecoder().decode(base64urlDecode(part)!)) as Record<string, unknown>;
const sha256 = async (text: string) => base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
const random = () => base64urlEncode(crypto.getRandomValues(new Uint8Array(12)));

/** RFC 9449 §4.3: the proof's header, signature, htm and htu; its claims for the caller's further checks. */
async function checkProof(proof: string | null, method: string, url: string): Promise<{ jwk: JsonWebKey; claims: Record<string, unknown> } | undefined> {
  if (!proof) return undefined;
  const [h, p, s] = proof.split('.');
  const header = decode(h!);
  const claims = decode(p!);
  if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256') return undefined;
  const jwk = header.jwk as JsonWebKey;
  if ('d' in jwk) return undefined;
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, base64urlDecode(s!)! as Uint8Array<ArrayBuffer>, new TextEncoder().encode(`${h}.${p}`));
  if (!ok || claims.htm !== method || claims.htu !== url || typeof claims.jti !== 'string') return undefined;
  return { jwk, claims };
}

export function inBrowserSignIn(issuer: InBrowserIssuer): InBrowserSignIn {
  const pushed = new Map<string, Pushed>();
  const codes = new Map<string, Pushed>();
  /** DPoP token → the key it is bound to and the issuer's own Bearer token. */
  const tokens = new Map<string, { jwk: JsonWebKey; bearer: string }>();
  const issuerStates = new Set<string>();
  const nonce = { as: random(), rs: random() };

  /** A pre-authorised Bearer token from the issuer behind, for the person who signed in. */
  async function issuerToken(): Promise<string> {
    const offer = JSON.parse(new URL(issuer.offer()).searchParams.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> };
    const form = new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': offer.grants[PRE_AUTH]!['pre-authorized_code'], tx_code: TX_CODE });
    const answer = (await (await issuer.fetch(`${ISSUER}/token`, { method: 'POST', body: form.toString() })).json()) as { access_token: string };
    return answer.access_token;
  }

  const state: InBrowserSignIn = {
    dpopKeys: [],
    offer() {
      const issuerState = random();
      issuerStates.add(issuerState);
      const offer = { credential_issuer: ISSUER, credential_configuration_ids: ['driving_licence'], grants: { authorization_code: { issuer_state: issuerState } } };
      return `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    },
    async signIn(url, options = {}) {
      const request = pushed.get(new URL(url).searchParams.get('request_uri') ?? '');
      if (!request) throw new Error('no pushed request for this URL');
      const back = new URL(request.params.get('redirect_uri')!);
      back.searchParams.set('state', request.params.get('state')!);
      back.searchParams.set('iss', AS);
      if (options.deny) back.searchParams.set('error', 'access_denied');
      else {
        const code = random();
        codes.set(code, request);
        back.searchParams.set('code', code);
      }
      return back.toString();
    },
    async fetch(url, init = {}) {
      const method = init.method ?? 'GET';
      const headers = new Headers(init.headers);
      const route = `${method} ${url}`;
      if (route === `GET ${ISSUER}/.well-known/openid-credential-issuer`) {
        const metadata = (await (await issuer.fetch(url, init)).json()) as { authorization_servers?: string[]; credential_configurations_supported: Record<string, { scope?: string }> };
        metadata.authorization_servers = [AS];
        metadata.credential_configurations_supported.driving_licence!.scope = 'driving_licence';
        return json(metadata);
      }
      if (route === `GET ${AS}/.well-known/oauth-authorization-server`) {
        return json({
          issuer: AS,
          authorization_endpoint: `${AS}/authorize`,
          token_endpoint: `${AS}/token`,
          pushed_authorization_request_endpoint: `${AS}/par`,
          require_pushed_authorization_requests: true,
          code_challenge_methods_supported: ['S256'],
          dpop_signing_alg_values_supported: ['ES256'],
          grant_types_supported: ['authorization_code'],
          authorization_response_iss_parameter_supported: true,
        });
      }
      if (route === `POST ${AS}/par`) {
        const params = new URLSearchParams(String(init.body));
        const issuerState = params.get('issuer_state');
        if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge') || !params.get('state') || params.get('scope') !== 'driving_licence') return json({ error: 'invalid_request' }, 400);
        if (issuerState !== null && !issuerStates.has(issuerState)) return json({ error: 'invalid_request' }, 400);
        const requestUri = `urn:ietf:params:oauth:request_uri:${random()}`;
        pushed.set(requestUri, { params });
        return json({ request_uri: requestUri, expires_in: 60 }, 201);
      }
      if (route === `POST ${AS}/token`) {
        const form = new URLSearchParams(String(init.body));
        const proof = await checkProof(headers.get('DPoP'), 'POST', `${AS}/token`);
        if (!proof) return json({ error: 'invalid_dpop_proof' }, 400);
        // RFC 9449 §8: this server always wants its nonce.
        if (proof.claims.nonce !== nonce.as) return json({ error: 'use_dpop_nonce' }, 400, { 'DPoP-Nonce': nonce.as });
        const request = codes.get(form.get('code') ?? '');
        if (!request) return json({ error: 'invalid_grant' }, 400);
        codes.delete(form.get('code')!);
        if ((await sha256(form.get('code_verifier') ?? '')) !== request.params.get('code_challenge')) return json({ error: 'invalid_grant' }, 400);
        if (form.get('redirect_uri') !== request.params.get('redirect_uri') || form.get('client_id') !== request.params.get('client_id')) return json({ error: 'invalid_grant' }, 400);
        const token = random();
        tokens.set(token, { jwk: proof.jwk, bearer: await issuerToken() });
        state.dpopKeys.push(proof.jwk);
        return json({ access_token: token, token_type: 'DPoP', expires_in: 600 });
      }
      if (route === `POST ${ISSUER}/credential`) {
        const auth = headers.get('Authorization') ?? '';
        const bound = auth.startsWith('DPoP ') ? tokens.get(auth.slice(5)) : undefined;
        const proof = await checkProof(headers.get('DPoP'), 'POST', `${ISSUER}/credential`);
        const unauthorised = (error: string) => json({ error }, 401, { 'WWW-Authenticate': `DPoP error="${error}"`, 'DPoP-Nonce': nonce.rs });
        if (!bound || !proof || proof.jwk.x !== bound.jwk.x || proof.jwk.y !== bound.jwk.y || proof.claims.ath !== (await sha256(auth.slice(5)))) return unauthorised('invalid_token');
        // RFC 9449 §9: the resource server's own nonce.
        if (proof.claims.nonce !== nonce.rs) return unauthorised('use_dpop_nonce');
        const forwarded = new Headers(init.headers);
        forwarded.set('Authorization', `Bearer ${bound.bearer}`);
        forwarded.delete('DPoP');
        return issuer.fetch(url, { ...init, headers: forwarded });
      }
      return issuer.fetch(url, init);
    },
  };
  return state;
}
