/**
 * A minimal OpenID4VCI issuer and trust-list operator inside the browser, answering an injected
 * fetch, for browser tests of the receive use case with the real vault and crypto worker. It signs
 * with WebCrypto (ES256) and builds tokens with src/credentials' issuer helpers; the full
 * reference issuers (src/server/reference, @sd-jwt) are exercised from Node. It also offers the
 * licence as an ISO mdoc (OpenID4VCI 1.0 Appendix A.2, `mobile_driving_licence`), built by the
 * reference DVLA's mdoc-issuer.ts (cborg and WebCrypto, so it runs here too) under an IACA root
 * (P-384) and Document Signer (P-256) made with @peculiar/x509, the IACA on the trust list for the
 * mDL doctype.
 */
import { prepareSdJwtVc, prepareTrustList, type PublicJwk } from '../../../../src/credentials/index';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { issueMdoc } from '../../../../src/server/reference/mdoc-issuer';
import { preparePaperCard } from '../../../../src/credentials/formats/paper-card/prepare';
import { makeMdocPki } from '../../../shared/credentials/mdoc-pki';

export const ISSUER = 'https://dvla.example.gov.uk';
export const TRUST_LIST_URL = 'https://trust.example.gov.uk/trust-list.jwt';
export const VCT = 'https://satchel.example/credentials/driving-licence';
const STATUS_URI = `${ISSUER}/status/1`;
const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
export const TX_CODE = '24680';
export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';
/** A real JPEG's first bytes (SOI, APP0 JFIF): enough for the wallet to take it as a JPEG portrait. */
const PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00);
export const STATUS_TTL_S = 60;

interface Key {
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

async function newKey(kid: string): Promise<Key> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: { kty, crv, x, y, kid } };
}

async function sign(key: Key, signingInput: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, new TextEncoder().encode(signingInput)));
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const segment = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));
const decode = (part: string) => JSON.parse(new TextDecoder().decode(base64urlDecode(part)!)) as Record<string, unknown>;

async function zlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface InBrowserIssuer {
  fetch(url: string, init?: RequestInit): Promise<Response>;
  config: { trustListUrl: string; trustListKeys: PublicJwk[] };
  /** A new offer (by value) with its own pre-authorised code: the SD-JWT licence, or the mdoc one. */
  offer(configuration?: 'driving_licence' | 'mobile_driving_licence'): string;
  setStatus(idx: number, value: number): void;
  now: number;
  issued: number;
  /** Paper cards signed (options.card 'issue'). */
  cardsIssued: number;
}

export interface InBrowserIssuerOptions {
  /**
   * Send the `tx_code_tries_left` extension with a wrong code (default). A standard issuer
   * (OpenID4VCI 1.0 §6.3) answers only `invalid_grant`.
   */
  triesLeft?: boolean;
  /**
   * Offer the licence's paper card (`driving_licence_card`, `satchel_card_of`, issue 17): 'issue'
   * signs it (the licence's status entry, no proof asked), 'refuse' answers 500 when it is asked
   * for. Absent: no card is offered.
   */
  card?: 'issue' | 'refuse';
}

/** ISO/IEC 18013-5 Annex B.1: an IACA root (P-384, ecdsa-with-SHA384) and a Document Signer (P-256) it issued. */
async function mdocCertificates(now: number): Promise<{ iacaDer: Uint8Array; dsDer: Uint8Array; dsKey: CryptoKey }> {
  const pki = await makeMdocPki({
    iacaName: 'C=GB, CN=Test DVLA IACA',
    documentSignerName: 'C=GB, CN=Test DVLA Document Signer',
    notBefore: new Date(now - 86400_000),
    notAfter: new Date(now + 400 * 86400_000),
  });
  return { iacaDer: pki.iacaDer, dsDer: pki.documentSignerDer, dsKey: pki.documentSignerKeys.privateKey };
}

/** A small grey head-and-shoulders PNG, drawn here (a data URL), for the card's printed photo. */
function portraitPng(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 60;
  canvas.height = 80;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#dddddd';
  g.fillRect(0, 0, 60, 80);
  g.fillStyle = '#555555';
  g.beginPath();
  g.arc(30, 30, 14, 0, 2 * Math.PI);
  g.fill();
  g.fillRect(10, 50, 40, 30);
  return canvas.toDataURL('image/png');
}

export async function inBrowserIssuer(options: InBrowserIssuerOptions = {}): Promise<InBrowserIssuer> {
  const issuerKey = await newKey('dvla-1');
  const operatorKey = await newKey('operator-1');
  const mdocPki = await mdocCertificates(Date.now());
  const codes = new Set<string>();
  const tokens = new Set<string>();
  const nonces = new Set<string>();
  const statuses: number[] = [];
  /** The status entry of the credential each token was last used for: its card shares it. */
  const entryOfToken = new Map<string, number>();
  let serial = 0;

  const state: InBrowserIssuer = {
    now: Date.now(),
    issued: 0,
    cardsIssued: 0,
    config: { trustListUrl: TRUST_LIST_URL, trustListKeys: [operatorKey.publicJwk] },
    offer(configuration = 'driving_licence') {
      const code = `code-${serial++}`;
      codes.add(code);
      const offer = { credential_issuer: ISSUER, credential_configuration_ids: [configuration], grants: { [PRE_AUTH]: { 'pre-authorized_code': code, tx_code: { input_mode: 'numeric', length: 5 } } } };
      return `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    },
    setStatus(idx, value) {
      statuses[idx] = value;
    },
    async fetch(url, init = {}) {
      const method = init.method ?? 'GET';
      const nowS = Math.floor(state.now / 1000);
      const route = `${method} ${url}`;
      if (route === `GET ${TRUST_LIST_URL}`) {
        const unsigned = prepareTrustList({
          alg: 'ES256',
          kid: operatorKey.publicJwk.kid,
          operator: 'https://trust.example.gov.uk',
          issuedAt: new Date(state.now),
          expiresAt: new Date(state.now + 30 * 86400_000),
          issuers: [
            {
              id: ISSUER,
              name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' },
              keys: [issuerKey.publicJwk],
              types: [VCT, MDL_DOCTYPE],
              iaca: [{ certificate: btoa(String.fromCharCode(...mdocPki.iacaDer)), doctypes: [MDL_DOCTYPE] }],
            },
          ],
        });
        return new Response(unsigned.finish(await sign(operatorKey, unsigned.signingInput)), { headers: { 'Content-Type': 'application/jwt', 'Cache-Control': 'max-age=3600' } });
      }
      if (route === `GET ${ISSUER}/.well-known/openid-credential-issuer`) {
        return json({
          credential_issuer: ISSUER,
          credential_endpoint: `${ISSUER}/credential`,
          nonce_endpoint: `${ISSUER}/nonce`,
          display: [{ name: 'Driver and Vehicle Licensing Agency', locale: 'en-GB' }],
          credential_configurations_supported: {
            driving_licence: {
              format: 'dc+sd-jwt',
              vct: VCT,
              credential_metadata: {
                display: [{ name: 'Driving licence', locale: 'en-GB' }, { name: 'Trwydded yrru', locale: 'cy-GB' }],
                claims: [{ path: ['given_name'], display: [{ name: 'Given name', locale: 'en-GB' }, { name: 'Enw cyntaf', locale: 'cy-GB' }] }],
              },
            },
            ...(options.card
              ? {
                  // Satchel's paper card of the licence: no binding, no proof types (docs/issuers.md "Paper cards").
                  driving_licence_card: {
                    format: 'satchel_card',
                    vct: VCT,
                    satchel_card_of: 'driving_licence',
                    credential_metadata: { display: [{ name: 'Driving licence (paper card)', locale: 'en-GB' }] },
                  },
                }
              : {}),
            // OpenID4VCI 1.0 Appendix A.2.2.
            mobile_driving_licence: {
              format: 'mso_mdoc',
              doctype: MDL_DOCTYPE,
              cryptographic_binding_methods_supported: ['cose_key'],
              credential_signing_alg_values_supported: [-7],
              credential_metadata: {
                display: [{ name: 'Mobile driving licence', locale: 'en-GB' }, { name: 'Trwydded yrru symudol', locale: 'cy-GB' }],
                claims: [{ path: [MDL_NAMESPACE, 'given_name'], display: [{ name: 'Given name', locale: 'en-GB' }, { name: 'Enw cyntaf', locale: 'cy-GB' }] }],
              },
            },
          },
        });
      }
      if (route === `GET ${ISSUER}/.well-known/oauth-authorization-server`) return json({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` });
      if (route === `POST ${ISSUER}/token`) {
        const form = new URLSearchParams(String(init.body));
        const code = form.get('pre-authorized_code') ?? '';
        if (!codes.has(code)) return json({ error: 'invalid_grant' }, 400);
        if (form.get('tx_code') !== TX_CODE) return json(options.triesLeft === false ? { error: 'invalid_grant' } : { error: 'invalid_grant', tx_code_tries_left: 2 }, 400);
        codes.delete(code);
        const token = `token-${serial++}`;
        tokens.add(token);
        return json({ access_token: token, token_type: 'Bearer', expires_in: 600 });
      }
      if (route === `POST ${ISSUER}/nonce`) {
        const nonce = `nonce-${serial++}`;
        nonces.add(nonce);
        return json({ c_nonce: nonce });
      }
      if (route === `POST ${ISSUER}/credential`) {
        const bearer = new Headers(init.headers).get('Authorization')?.replace('Bearer ', '') ?? '';
        if (!tokens.has(bearer)) return json({ error: 'invalid_token' }, 401);
        const asked = JSON.parse(String(init.body)) as { credential_configuration_id?: string; proofs?: unknown };
        if (asked.credential_configuration_id === 'driving_licence_card' && options.card) {
          if (options.card === 'refuse' || asked.proofs !== undefined || !entryOfToken.has(bearer)) return json({ error: 'server_error' }, 500);
          const card = preparePaperCard({ iss: ISSUER, kid: issuerKey.publicJwk.kid!, vct: VCT, iat: nowS, exp: nowS + 365 * 86400, claims: { given_name: 'Ada', family_name: 'Jones', birth_date: '1990-05-01', driving_privileges: 'B, C1' }, status: { idx: entryOfToken.get(bearer)!, uri: STATUS_URI } });
          state.cardsIssued++;
          return json({ credentials: [{ credential: base64urlEncode(card.finish(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, issuerKey.privateKey, card.toBeSigned as Uint8Array<ArrayBuffer>).then((s) => new Uint8Array(s)))) }] });
        }
        const proof = (JSON.parse(String(init.body)) as { proofs: { jwt: string[] } }).proofs.jwt[0]!;
        const [h, p, s] = proof.split('.');
        const header = decode(h!);
        const payload = decode(p!);
        const jwk = header.jwk as JsonWebKey;
        const publicKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, base64urlDecode(s!)! as Uint8Array<ArrayBuffer>, new TextEncoder().encode(`${h}.${p}`));
        if (!ok || header.typ !== 'openid4vci-proof+jwt' || payload.aud !== ISSUER || !nonces.delete(String(payload.nonce))) return json({ error: 'invalid_proof' }, 400);
        const idx = state.issued++;
        statuses[idx] = 0;
        entryOfToken.set(bearer, idx);
        const requested = (JSON.parse(String(init.body)) as { credential_configuration_id: string }).credential_configuration_id;
        if (requested === 'mobile_driving_licence') {
          const credential = await issueMdoc({
            docType: MDL_DOCTYPE,
            nameSpaces: { [MDL_NAMESPACE]: { given_name: 'Ada', family_name: 'Jones', age_over_18: true, portrait: PORTRAIT } },
            deviceJwk: jwk,
            signed: new Date(nowS * 1000),
            validFrom: new Date(nowS * 1000),
            validUntil: new Date((nowS + 365 * 86400) * 1000),
            status: { idx, uri: STATUS_URI },
            x5chain: [mdocPki.dsDer],
            sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, mdocPki.dsKey, data as Uint8Array<ArrayBuffer>)),
          });
          return json({ credentials: [{ credential }] });
        }
        const unsigned = prepareSdJwtVc({
          alg: 'ES256',
          kid: issuerKey.publicJwk.kid,
          claims: { iss: ISSUER, vct: VCT, iat: nowS, exp: nowS + 365 * 86400, cnf: { jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } }, status: { status_list: { idx, uri: STATUS_URI } } },
          // With a card, a photo to print on it (a PNG data URL, as the reference licence's portrait).
          disclosable: { given_name: 'Ada', family_name: 'Jones', age_over_18: true, ...(options.card ? { portrait: portraitPng() } : {}) },
        });
        return json({ credentials: [{ credential: unsigned.finish(await sign(issuerKey, unsigned.signingInput)) }] });
      }
      if (route === `GET ${STATUS_URI}`) {
        // draft-ietf-oauth-status-list §4.1: 1 bit per entry here, LSB first.
        const bytes = new Uint8Array(16);
        statuses.forEach((v, i) => {
          if (v) bytes[i >> 3]! |= 1 << (i & 7);
        });
        const signingInput = `${segment({ alg: 'ES256', typ: 'statuslist+jwt', kid: issuerKey.publicJwk.kid })}.${segment({ sub: STATUS_URI, iat: nowS, ttl: STATUS_TTL_S, status_list: { bits: 1, lst: base64urlEncode(await zlib(bytes)) } })}`;
        return new Response(`${signingInput}.${base64urlEncode(await sign(issuerKey, signingInput))}`, { headers: { 'Content-Type': 'application/statuslist+jwt' } });
      }
      return new Response('not found', { status: 404 });
    },
  };
  return state;
}
