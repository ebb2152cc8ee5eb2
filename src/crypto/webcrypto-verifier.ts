/**
 * The yardstick: WebCrypto (W3C Web Cryptography API §23 ECDSA, §25 Ed25519) behind the same
 * rules, asynchronous because SubtleCrypto is. Used by the benchmark and the vector tests, not
 * by the app. WebCrypto takes ES256 signatures as r‖s (P1363) — DER goes through the shared
 * strict parser — and raw SEC1 keys (uncompressed; compressed import is optional in the spec
 * and may be refused, which `importP256` reports as null). Ed25519 needs Chrome 137+ / Node 20.
 * CryptoKey objects are cached per key bytes, as an app would cache its issuers' keys.
 */
import type { VerifyItem } from '../lib/signature-verifier';
import {
  assertBytes, assertItems, derToP1363, toHex, ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES,
  P256_PUBLIC_KEY_COMPRESSED_BYTES, P256_PUBLIC_KEY_UNCOMPRESSED_BYTES, P256_SIGNATURE_BYTES,
} from './input';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface AsyncVerifier {
  readonly engine: 'webcrypto';
  verifyP256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  verifyP256Der(publicKey: Uint8Array, message: Uint8Array, derSignature: Uint8Array): Promise<boolean>;
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  verifyBatch(items: readonly VerifyItem[]): Promise<boolean[]>;
  sha256(data: Uint8Array): Promise<Uint8Array>;
}

/** A view WebCrypto accepts (a Uint8Array over a plain ArrayBuffer). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function createWebCryptoVerifier(subtle: SubtleCrypto = globalThis.crypto.subtle): AsyncVerifier {
  const keys = new Map<string, Promise<CryptoKey | null>>();

  function importKey(kind: 'p256' | 'ed25519', raw: Uint8Array): Promise<CryptoKey | null> {
    const id = `${kind}:${toHex(raw)}`;
    let key = keys.get(id);
    if (!key) {
      const alg = kind === 'p256' ? ECDSA_P256 : { name: 'Ed25519' };
      // an invalid point (off curve, coordinate ≥ p) is refused by importKey: that is a `false`
      key = subtle.importKey('raw', own(raw), alg, false, ['verify']).catch(() => null);
      keys.set(id, key);
    }
    return key;
  }

  async function p256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (publicKey.length !== P256_PUBLIC_KEY_UNCOMPRESSED_BYTES && publicKey.length !== P256_PUBLIC_KEY_COMPRESSED_BYTES) return false;
    if (signature.length !== P256_SIGNATURE_BYTES) return false;
    const key = await importKey('p256', publicKey);
    if (!key) return false;
    try {
      return await subtle.verify(ECDSA_SHA256, key, own(signature), own(message));
    } catch {
      return false;
    }
  }

  async function ed(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
    const key = await importKey('ed25519', publicKey);
    if (!key) return false;
    try {
      return await subtle.verify({ name: 'Ed25519' }, key, own(signature), own(message));
    } catch {
      return false;
    }
  }

  return {
    engine: 'webcrypto',
    async verifyP256(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256');
      assertBytes(message, 'message', 'verifyP256');
      assertBytes(signature, 'signature', 'verifyP256');
      return p256(publicKey, message, signature);
    },
    async verifyP256Der(publicKey, message, derSignature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256Der');
      assertBytes(message, 'message', 'verifyP256Der');
      assertBytes(derSignature, 'derSignature', 'verifyP256Der');
      const sig = derToP1363(derSignature);
      return sig !== null && p256(publicKey, message, sig);
    },
    async verifyEd25519(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyEd25519');
      assertBytes(message, 'message', 'verifyEd25519');
      assertBytes(signature, 'signature', 'verifyEd25519');
      return ed(publicKey, message, signature);
    },
    async verifyBatch(items) {
      assertItems(items, 'verifyBatch');
      return Promise.all(items.map((it) =>
        it.alg === 'ES256' ? p256(it.publicKey, it.message, it.signature)
          : it.alg === 'EdDSA' ? ed(it.publicKey, it.message, it.signature)
            : Promise.resolve(false)));
    },
    async sha256(data) {
      assertBytes(data, 'data', 'sha256');
      return new Uint8Array(await subtle.digest('SHA-256', own(data)));
    },
  };
}
