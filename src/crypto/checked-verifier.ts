/**
 * The one boundary every verifier goes through — the WASM core, @noble/curves and WebCrypto — so
 * the rules cannot drift apart (docs/architecture.md, conventions 2 and 11; docs/crypto-core.md: rules):
 * - a wrong type throws a TypeError naming the parameter (misuse; an async verifier rejects);
 * - a wrong length or a malformed DER signature is `false` without reaching the engine;
 * - the engine (a VerifierCore) sees only Uint8Arrays of the right lengths, and ES256 signatures
 *   as r‖s (RFC 7518 §3.4), DER having gone through the shared strict parser (input.ts).
 * Batches are checked for shape here; each item's lengths are the engine's to check with
 * `lengthsFit`, so one bad item is `false` without failing the others.
 */
import type { VerifyItem } from '../lib/signature-verifier';
import { assertBytes, assertItems, derToP1363, lengthsFit } from './input';

/** The verifier shape, with B = boolean or Promise<boolean> and so on. */
export interface VerifierOf<B, Bs, D> {
  /** key: 65-byte uncompressed or 33-byte compressed SEC1; sig: 64-byte r‖s. */
  verifyP256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): B;
  /** sig: strict DER Ecdsa-Sig-Value (RFC 3279 §2.2.3). */
  verifyP256Der(publicKey: Uint8Array, message: Uint8Array, derSignature: Uint8Array): B;
  /** 32-byte key, 64-byte R‖S (RFC 8032 §5.1.7). */
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): B;
  /** One result per item; malformed items are false. */
  verifyBatch(items: readonly VerifyItem[]): Bs;
  sha256(data: Uint8Array): D;
}

/** A synchronous verifier (the WASM core, noble): what the crypto worker runs. */
export type Verifier = VerifierOf<boolean, boolean[], Uint8Array>;
/** An asynchronous verifier (WebCrypto, whose SubtleCrypto is asynchronous). */
export type AsyncVerifierOf = VerifierOf<Promise<boolean>, Promise<boolean[]>, Promise<Uint8Array>>;

/** What an engine implements: its inputs already checked as the file header says. */
export interface VerifierCore<B, Bs, D> {
  /** 33- or 65-byte key, 64-byte r‖s. */
  p256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): B;
  /** 32-byte key, 64-byte signature. */
  ed25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): B;
  /** Items of the right types; lengths and algorithm not checked yet (`lengthsFit`). */
  batch(items: readonly VerifyItem[]): Bs;
  sha256(data: Uint8Array): D;
}

function checked<B, Bs, D>(core: VerifierCore<B, Bs, D>, no: () => B): VerifierOf<B, Bs, D> {
  return {
    verifyP256(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256');
      assertBytes(message, 'message', 'verifyP256');
      assertBytes(signature, 'signature', 'verifyP256');
      return lengthsFit('ES256', publicKey, signature) ? core.p256(publicKey, message, signature) : no();
    },
    verifyP256Der(publicKey, message, derSignature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256Der');
      assertBytes(message, 'message', 'verifyP256Der');
      assertBytes(derSignature, 'derSignature', 'verifyP256Der');
      const signature = derToP1363(derSignature);
      return signature !== null && lengthsFit('ES256', publicKey, signature) ? core.p256(publicKey, message, signature) : no();
    },
    verifyEd25519(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyEd25519');
      assertBytes(message, 'message', 'verifyEd25519');
      assertBytes(signature, 'signature', 'verifyEd25519');
      return lengthsFit('EdDSA', publicKey, signature) ? core.ed25519(publicKey, message, signature) : no();
    },
    verifyBatch(items) {
      assertItems(items, 'verifyBatch');
      return core.batch(items);
    },
    sha256(data) {
      assertBytes(data, 'data', 'sha256');
      return core.sha256(data);
    },
  };
}

/** A synchronous engine behind the shared checks. Methods need no `this` (they may be passed around). */
export function checkedVerifier(core: VerifierCore<boolean, boolean[], Uint8Array>): Verifier {
  return checked(core, () => false);
}

/** An asynchronous engine behind the shared checks; misuse rejects, as from any async function. */
export function checkedAsyncVerifier(core: VerifierCore<Promise<boolean>, Promise<boolean[]>, Promise<Uint8Array>>): AsyncVerifierOf {
  const v = checked(core, () => Promise.resolve(false));
  return {
    verifyP256: async (publicKey, message, signature) => v.verifyP256(publicKey, message, signature),
    verifyP256Der: async (publicKey, message, derSignature) => v.verifyP256Der(publicKey, message, derSignature),
    verifyEd25519: async (publicKey, message, signature) => v.verifyEd25519(publicKey, message, signature),
    verifyBatch: async (items) => v.verifyBatch(items),
    sha256: async (data) => v.sha256(data),
  };
}
