/**
 * The yardstick: WebCrypto (W3C Web Cryptography API §23 ECDSA, §25 Ed25519) behind the same
 * rules, asynchronous because SubtleCrypto is. Used by the benchmark and the vector tests, not
 * by the app. WebCrypto takes ES256 signatures as r‖s (P1363) — DER goes through the shared
 * strict parser — and raw SEC1 keys (uncompressed; compressed import is optional in the spec
 * and may be refused, which `importP256` reports as null). Ed25519 needs Chrome 137+ / Node 20.
 * CryptoKey objects are cached per key bytes, as an app would cache its issuers' keys. ES384
 * batch items go through webcrypto-p384.ts, the same code the worker uses beside the WASM core.
 */
import { checkedAsyncVerifier, type AsyncVerifierOf } from './checked-verifier';
import { lengthsFit, toHex } from './input';
import { createWebCryptoP384 } from './webcrypto-p384';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface AsyncVerifier extends AsyncVerifierOf {
  readonly engine: 'webcrypto';
}

/** A view WebCrypto accepts (a Uint8Array over a plain ArrayBuffer). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function createWebCryptoVerifier(subtle: SubtleCrypto = globalThis.crypto.subtle): AsyncVerifier {
  const keys = new Map<string, Promise<CryptoKey | null>>();
  const p384 = createWebCryptoP384(subtle);

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

  /** Lengths already checked (checked-verifier.ts). */
  async function p256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const key = await importKey('p256', publicKey);
    if (!key) return false;
    try {
      return await subtle.verify(ECDSA_SHA256, key, own(signature), own(message));
    } catch {
      return false;
    }
  }

  /** Lengths already checked (checked-verifier.ts). */
  async function ed(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
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
    ...checkedAsyncVerifier({
      p256,
      ed25519: ed,
      batch: (items) => Promise.all(items.map((it) =>
        !lengthsFit(it.alg, it.publicKey, it.signature) ? Promise.resolve(false)
          : it.alg === 'ES256' ? p256(it.publicKey, it.message, it.signature)
            : it.alg === 'ES384' ? p384(it.publicKey, it.message, it.signature)
              : ed(it.publicKey, it.message, it.signature))),
      sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', own(data))),
    }),
  };
}
