/**
 * Shared set-up for OpenID4VP interop tests in Node: Satchel's Sharer is the wallet; the verifier
 * is an implementation we did not write, the OpenWallet Foundation's oid4vc-ts
 * (`@openid4vc/openid4vp` 0.4.6, `Openid4vpVerifier`), with its crypto callbacks done by `jose`;
 * credentials are issued by `@sd-jwt/sd-jwt-vc` and presentations verified by it too.
 *
 *   const { verifier, vault, sharer } = await startInteropWallet();   // holding RIGHT_TO_WORK_HELD
 *   await issueHeldCredential(vault, { id: 'licence', vct: DRIVING_LICENCE_VCT, claims: {...} });
 *   const { link, payload } = await verifier.createRequest({ by: 'parameters', dcqlQuery, responseMode: 'direct_post.jwt' });
 *   const request = await sharer.readRequest(link);  … respondOnline(…)
 *   const parsed = await verifier.parseLastAnswer(payload);        // oid4vc-ts's own parsing/decryption
 *   await verifier.verifyPresentation(presentation, payload);       // @sd-jwt/sd-jwt-vc: issuer signature, KB-JWT
 *
 * The verifier lives at https://verifier.example (no network: `verifier.fetch` answers the
 * wallet's requests in-process), with the `redirect_uri:` Client Identifier Prefix (OpenID4VP 1.0
 * §5.9.3: unsigned requests, client id = response_uri).
 */
import { Openid4vpVerifier, type Openid4vpAuthorizationRequest, type ParsedOpenid4vpAuthorizationResponse } from '@openid4vc/openid4vp';
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createHash } from 'node:crypto';
import { base64url, calculateJwkThumbprint, compactDecrypt, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createSharer, type Sharer } from '../../../src/wallet/share';
import type { ShareVault } from '../../../src/wallet/share/share';
import type { StoredCredential, VaultState } from '../../../src/wallet/vault/vault-api';
import type { ActivityInput, ActivityStamp } from '../../../src/wallet/vault/satchel-vault';

export const VERIFIER_ORIGIN = 'https://verifier.example';
export const RESPONSE_URI = `${VERIFIER_ORIGIN}/response`;
export const CLIENT_ID = `redirect_uri:${RESPONSE_URI}`;
export const ISSUER = 'https://home-office.example.gov.uk';
export const RIGHT_TO_WORK_VCT = 'https://home-office.example.gov.uk/right-to-work';
export const DRIVING_LICENCE_VCT = 'https://dvla.example.gov.uk/driving-licence';

// ---------------------------------------------------------------- the wallet's vault

/** The part of the vault a Sharer uses, in memory; device keys are non-extractable WebCrypto keys. */
export class InteropVault implements ShareVault {
  locked = false;
  readonly credentials: StoredCredential[] = [];
  readonly keys = new Map<string, CryptoKey>();
  readonly activity: (ActivityInput & ActivityStamp)[] = [];
  async state(): Promise<VaultState> {
    return this.locked ? 'locked' : 'unlocked';
  }
  async listCredentials(): Promise<StoredCredential[]> {
    return this.credentials.map((c) => ({ ...c }));
  }
  async getCredential(id: string): Promise<StoredCredential | undefined> {
    const c = this.credentials.find((x) => x.id === id);
    return c && { ...c };
  }
  async deviceSigningKey(id: string): Promise<CryptoKey> {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no device key for ${id}`);
    return key;
  }
  async recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
    const full = { ...entry, id: `a${this.activity.length + 1}`, at: entry.at ?? new Date().toISOString() };
    this.activity.unshift(full);
    return full;
  }
}

// ---------------------------------------------------------------- the issuer (@sd-jwt/sd-jwt-vc)

const issuerKeys = ES256.generateKeyPair();

/** The issuer's public key, for verifying presentations. */
export async function issuerPublicJwk(): Promise<JsonWebKey> {
  return (await issuerKeys).publicKey;
}

/**
 * Issues an SD-JWT VC with @sd-jwt/sd-jwt-vc (every claim selectively disclosable, the holder's
 * key in `cnf.jwk`), and puts it with its device key into the vault, as Satchel stores what it receives.
 */
export async function issueHeldCredential(vault: InteropVault, o: { id: string; vct: string; claims: Record<string, unknown>; iss?: string }): Promise<string> {
  const { privateKey } = await issuerKeys;
  const holder = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', holder.publicKey);
  const sdjwt = new SDJwtVcInstance({ signer: await ES256.getSigner(privateKey), signAlg: ES256.alg, hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt });
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: o.iss ?? ISSUER, vct: o.vct, iat: now, exp: now + 365 * 86400, cnf: { jwk: { kty, crv, x, y } }, ...o.claims };
  const raw = await sdjwt.issue(payload, { _sd: Object.keys(o.claims) } as never);
  vault.credentials.push({ id: o.id, raw, format: 'dc+sd-jwt', issuerName: o.iss ?? ISSUER, type: o.vct, receivedAt: new Date().toISOString() });
  vault.keys.set(o.id, holder.privateKey);
  return raw;
}

/** The right-to-work credential the interop tests hold: every claim a verifier asks them for. */
export const RIGHT_TO_WORK_HELD = {
  id: 'rtw',
  vct: RIGHT_TO_WORK_VCT,
  claims: { given_name: 'Ada', family_name: 'Lovelace', right_to_work: 'Unlimited', share_code: 'W7X-2KQ-9PL' },
};

/**
 * A fresh verifier, and Satchel's Sharer over an empty InteropVault that then receives
 * RIGHT_TO_WORK_HELD. The production rules for remote URLs apply: the verifier is at an https origin.
 */
export async function startInteropWallet(): Promise<{ verifier: InteropVerifier; vault: InteropVault; sharer: Sharer }> {
  const verifier = await createInteropVerifier();
  const vault = new InteropVault();
  const sharer = createSharer({ vault, fetch: verifier.fetch });
  await issueHeldCredential(vault, RIGHT_TO_WORK_HELD);
  return { verifier, vault, sharer };
}

/** A DCQL query (OpenID4VP 1.0 §6) for one SD-JWT VC of `vct` with these top-level claims. */
export function dcqlFor(id: string, vct: string, claims: string[]): { id: string; format: 'dc+sd-jwt'; meta: { vct_values: string[] }; claims: { path: string[] }[] } {
  return { id, format: 'dc+sd-jwt', meta: { vct_values: [vct] }, claims: claims.map((c) => ({ path: [c] })) };
}

// ---------------------------------------------------------------- the verifier (oid4vc-ts + jose)

export type RequestDelivery = 'parameters' | 'request-object' | 'request-uri';

export interface InteropRequestOptions {
  /** (a) §5 URL parameters; (b) §5 `request` by value (unsigned, `alg` none, §5.9.3); (c) §5.10 `request_uri`. */
  by: RequestDelivery;
  responseMode: 'direct_post' | 'direct_post.jwt';
  dcqlQuery: Record<string, unknown>;
  /** `client_metadata.encrypted_response_enc_values_supported` (§5.1); absent = the verifier expects A128GCM (§8.3). */
  encValues?: string[];
  /** Extra `client_metadata` members (e.g. `client_name`). */
  clientMetadata?: Record<string, unknown>;
  state?: string;
}

/** What the wallet POSTed to the response_uri, as form fields. */
export type PostedForm = Record<string, string>;

export interface InteropVerifier {
  verifier: Openid4vpVerifier;
  /** Fetch for the wallet: serves request_uri and receives posts to response_uri, in-process. */
  fetch: typeof fetch;
  /** Every form the wallet posted to the response_uri, oldest first. */
  posted: PostedForm[];
  /** Every request object the wallet fetched by request_uri (path → count). */
  requestFetches: Map<string, number>;
  /** The verifier's public encryption key (as put in client_metadata.jwks). */
  encryptionJwk: JWK;
  createRequest(options: InteropRequestOptions): Promise<{ link: string; payload: Openid4vpAuthorizationRequest; nonce: string }>;
  /** oid4vc-ts parses (and, for direct_post.jwt, decrypts with jose) the last answer posted. */
  parseLastAnswer(payload: Openid4vpAuthorizationRequest): Promise<ParsedOpenid4vpAuthorizationResponse>;
  /** The protected header of the last encrypted answer (alg, enc, zip, kid). */
  lastJweHeader(): Record<string, unknown>;
  /** @sd-jwt/sd-jwt-vc verifies the issuer signature and the KB-JWT (nonce; aud checked here). */
  verifyPresentation(presentation: string, payload: Openid4vpAuthorizationRequest): Promise<{ claims: Record<string, unknown>; kb: { aud: string; nonce: string } }>;
}

function unsignedJwt(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const part = (o: Record<string, unknown>) => base64url.encode(JSON.stringify(o));
  return `${part(header)}.${part(payload)}.`;
}

async function readForm(init: RequestInit | undefined): Promise<PostedForm> {
  const body = init?.body;
  const text = typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : '';
  return Object.fromEntries(new URLSearchParams(text));
}

export async function createInteropVerifier(): Promise<InteropVerifier> {
  const { publicKey, privateKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256' });
  const encryptionJwk: JWK = { ...(await exportJWK(publicKey)), use: 'enc', alg: 'ECDH-ES' };
  encryptionJwk.kid = await calculateJwkThumbprint(encryptionJwk);
  const requestObjects = new Map<string, string>();
  const requestFetches = new Map<string, number>();
  const posted: PostedForm[] = [];
  let counter = 0;

  const callbacks = {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()),
    // §5.9.3: requests under the redirect_uri: prefix are not signed (alg none).
    signJwt: async (signer, jwt) => {
      if (signer.method !== 'custom' || signer.alg !== 'none') throw new Error('this verifier only makes unsigned (redirect_uri:) request objects');
      return { jwt: unsignedJwt({ ...jwt.header, alg: 'none' }, jwt.payload), signerJwk: encryptionJwk as never };
    },
    verifyJwt: async () => ({ verified: false }),
    encryptJwe: async () => {
      throw new Error('not used by this verifier');
    },
    // §8.3: the verifier opens the wallet's JWE with its own key (jose), whatever enc/zip it uses.
    decryptJwe: async (jwe) => {
      try {
        const { plaintext } = await compactDecrypt(jwe, privateKey);
        return { decrypted: true, decryptionJwk: encryptionJwk as never, payload: new TextDecoder().decode(plaintext) };
      } catch {
        return { decrypted: false as const };
      }
    },
  } satisfies ConstructorParameters<typeof Openid4vpVerifier>[0]['callbacks'];
  const verifier = new Openid4vpVerifier({ callbacks });

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    if (url.origin !== VERIFIER_ORIGIN) return new Response('not found', { status: 404 });
    if (url.pathname === '/response' && init?.method === 'POST') {
      posted.push(await readForm(init));
      return Response.json({});
    }
    const jwt = requestObjects.get(url.pathname);
    if (jwt !== undefined) {
      requestFetches.set(url.pathname, (requestFetches.get(url.pathname) ?? 0) + 1);
      return new Response(jwt, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });
    }
    return new Response('not found', { status: 404 });
  };

  return {
    verifier,
    fetch: fetchImpl,
    posted,
    requestFetches,
    encryptionJwk,
    async createRequest(o) {
      const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
      const clientMetadata: Record<string, unknown> = { vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] } }, ...o.clientMetadata };
      if (o.responseMode === 'direct_post.jwt') {
        clientMetadata.jwks = { keys: [encryptionJwk] };
        if (o.encValues) clientMetadata.encrypted_response_enc_values_supported = o.encValues;
      }
      const authorizationRequestPayload = {
        response_type: 'vp_token' as const,
        client_id: CLIENT_ID,
        response_uri: RESPONSE_URI,
        response_mode: o.responseMode,
        nonce,
        dcql_query: o.dcqlQuery,
        client_metadata: clientMetadata,
        ...(o.state !== undefined ? { state: o.state } : {}),
      };
      const requestPath = `/request/${++counter}`;
      const jar =
        o.by === 'parameters'
          ? undefined
          : { jwtSigner: { method: 'custom' as const, alg: 'none' }, expiresInSeconds: 300, ...(o.by === 'request-uri' ? { requestUri: `${VERIFIER_ORIGIN}${requestPath}` } : {}) };
      const created = await verifier.createOpenId4vpAuthorizationRequest({ authorizationRequestPayload, ...(jar ? { jar } : {}) });
      if (o.by === 'request-uri') requestObjects.set(requestPath, created.jar!.authorizationRequestJwt);
      return { link: created.authorizationRequest, payload: created.authorizationRequestPayload as Openid4vpAuthorizationRequest, nonce };
    },
    async parseLastAnswer(payload) {
      const last = posted.at(-1);
      if (!last) throw new Error('the wallet posted nothing');
      // 0.4.6's Openid4vpVerifier does not pass its own callbacks on here: give them.
      return verifier.parseOpenid4vpAuthorizationResponse({ authorizationResponse: last, authorizationRequestPayload: payload, callbacks });
    },
    lastJweHeader() {
      const response = posted.at(-1)?.response;
      if (!response) throw new Error('the last answer was not encrypted');
      return decodeProtectedHeader(response) as Record<string, unknown>;
    },
    async verifyPresentation(presentation, payload) {
      const sdjwt = new SDJwtVcInstance({
        hasher: digest,
        verifier: async (data, sig) => ES256.getVerifier((await issuerKeys).publicKey).then((v) => v(data, sig)),
        // RFC 9901 §4.3: the KB-JWT is signed by the key in the credential's cnf.jwk.
        kbVerifier: async (data, sig, cnfPayload) => {
          const jwk = cnfPayload.cnf?.jwk;
          if (!jwk) return false;
          return ES256.getVerifier(jwk).then((v) => v(data, sig));
        },
      });
      const result = await sdjwt.verify(presentation, { keyBindingNonce: payload.nonce });
      if (!result.kb) throw new Error('the presentation has no key binding JWT');
      // OpenID4VP 1.0 B.3.6: aud is the client_id (with its prefix).
      if (result.kb.payload.aud !== payload.client_id) throw new Error(`KB-JWT aud ${result.kb.payload.aud} is not ${payload.client_id}`);
      const claims = (await sdjwt.getClaims(presentation)) as Record<string, unknown>;
      return { claims, kb: { aud: result.kb.payload.aud, nonce: result.kb.payload.nonce } };
    },
  };
}
