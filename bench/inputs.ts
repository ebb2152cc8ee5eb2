/**
 * Fixed benchmark inputs, the same for every implementation: JWS signing inputs shaped like
 * real SD-JWT VCs (base64url header '.' base64url payload, ~1.2 KB), keys from fixed seeds,
 * signed with @noble/curves (deterministic RFC 6979 ECDSA, RFC 8032 EdDSA).
 */
import { p256 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { VerifyItem } from '../src/lib/signature-verifier';

export const SIGNING_INPUT_BYTES = 1200;

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Deterministic bytes (xorshift32) so every run signs the same inputs. */
function seeded(seed: number, n: number): Uint8Array {
  let x = seed * 2654435761 >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}

/** An SD-JWT VC issuer-signed JWT signing input of about SIGNING_INPUT_BYTES. */
export function signingInput(i: number, alg: 'ES256' | 'EdDSA'): Uint8Array {
  const header = { alg, typ: 'dc+sd-jwt', kid: `issuer-key-${i % 10}` };
  const payload: Record<string, unknown> = {
    iss: 'https://credentials.example.gov.uk/veteran-card',
    iat: 1_763_800_000 + i, exp: 1_795_336_000, vct: 'https://credentials.example.gov.uk/vct/veteran-card/v1',
    cnf: { jwk: { kty: 'EC', crv: 'P-256', x: b64url(seeded(i, 32)), y: b64url(seeded(i + 1, 32)) } },
    status: { status_list: { idx: 4000 + i, uri: 'https://status.example.gov.uk/lists/7' } },
    _sd_alg: 'sha-256',
    _sd: Array.from({ length: 12 }, (_, k) => b64url(seeded(i * 100 + k, 32))),
  };
  let text = `${b64url(new TextEncoder().encode(JSON.stringify(header)))}.${b64url(new TextEncoder().encode(JSON.stringify(payload)))}`;
  while (text.length < SIGNING_INPUT_BYTES) text += 'A';
  return new TextEncoder().encode(text.slice(0, SIGNING_INPUT_BYTES));
}

export interface KeyPair { alg: 'ES256' | 'EdDSA'; secret: Uint8Array; publicKey: Uint8Array }

export function p256Key(i: number): KeyPair {
  const secret = p256.utils.randomSecretKey(seeded(1000 + i, 48));
  return { alg: 'ES256', secret, publicKey: p256.getPublicKey(secret, false) };
}

export function ed25519Key(i: number): KeyPair {
  const secret = seeded(5000 + i, 32);
  return { alg: 'EdDSA', secret, publicKey: ed25519.getPublicKey(secret) };
}

export function signItem(key: KeyPair, i: number): VerifyItem {
  const message = signingInput(i, key.alg);
  const signature = key.alg === 'ES256' ? p256.sign(message, key.secret, { prehash: true }) : ed25519.sign(message, key.secret);
  return { alg: key.alg, publicKey: key.publicKey, message, signature };
}

/** `count` items, each with its own key (nothing cached can help). */
export function unknownKeyItems(make: (i: number) => KeyPair, count: number, offset: number): VerifyItem[] {
  return Array.from({ length: count }, (_, i) => signItem(make(offset + i), i));
}

/** `count` items spread over `keys` issuer keys. */
export function knownKeyItems(make: (i: number) => KeyPair, count: number, keys: number): VerifyItem[] {
  const pairs = Array.from({ length: keys }, (_, k) => make(k));
  return Array.from({ length: count }, (_, i) => signItem(pairs[i % keys]!, i));
}
