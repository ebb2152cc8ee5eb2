/**
 * Passkey unlock through the WebAuthn PRF extension (W3C WebAuthn Level 3 §10.1.4 "prf", built on
 * CTAP2.1 hmac-secret). The authenticator returns HMAC(credential secret, "WebAuthn PRF" ‖ 0x00 ‖
 * salt): 32 bytes that only this passkey, after the phone's screen lock, can produce. key-slots.ts
 * turns them into a key-encryption key with HKDF (RFC 5869). Support is detected; where PRF is
 * missing the PIN stays the way in.
 */

export class PasskeyCancelledError extends Error {
  constructor(message = 'The passkey request was cancelled or timed out') {
    super(message);
    this.name = 'PasskeyCancelledError';
  }
}
export class PasskeyUnsupportedError extends Error {
  constructor(message = 'This browser or authenticator does not support the WebAuthn PRF extension') {
    super(message);
    this.name = 'PasskeyUnsupportedError';
  }
}

export interface PasskeyPrf {
  supported(): Promise<boolean>;
  /** Creates a passkey and returns its id and the PRF output for `prfSalt`. */
  register(prfSalt: Uint8Array<ArrayBuffer>): Promise<{ credentialId: Uint8Array<ArrayBuffer>; prfOutput: Uint8Array<ArrayBuffer> }>;
  /** Asks the passkey `credentialId` for the PRF output for `prfSalt`. */
  evaluate(credentialId: Uint8Array<ArrayBuffer>, prfSalt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
}

const CHALLENGE_BYTES = 32;
const TIMEOUT_MS = 120_000;

interface PrfResults {
  prf?: { enabled?: boolean; results?: { first?: ArrayBuffer | ArrayBufferView } };
}

function toBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return new Uint8Array(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)); // a copy of the view's bytes only
}

function mapCeremonyError(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return new PasskeyCancelledError();
  if (name === 'NotSupportedError' || name === 'SecurityError') return new PasskeyUnsupportedError(`WebAuthn refused: ${name}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** The browser's WebAuthn, as the vault uses it. */
export const browserPasskeyPrf: PasskeyPrf = {
  async supported() {
    const pkc = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential as
      | { getClientCapabilities?: () => Promise<Record<string, boolean>>; isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean> }
      | undefined;
    if (!pkc || typeof navigator === 'undefined' || !navigator.credentials) return false;
    try {
      if (typeof pkc.getClientCapabilities === 'function') return (await pkc.getClientCapabilities())['extension:prf'] === true;
      // Older browsers cannot say; a platform authenticator is worth a try, and register() checks `prf.enabled`.
      return typeof pkc.isUserVerifyingPlatformAuthenticatorAvailable === 'function' && (await pkc.isUserVerifyingPlatformAuthenticatorAvailable());
    } catch {
      return false;
    }
  },

  async register(prfSalt) {
    let credential: PublicKeyCredential;
    try {
      credential = (await navigator.credentials.create({
        publicKey: {
          rp: { name: 'Satchel' },
          user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'Satchel wallet', displayName: 'Satchel wallet' },
          challenge: crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES)), // only PRF is used; no server verifies this
          pubKeyCredParams: [
            { type: 'public-key', alg: -7 },
            { type: 'public-key', alg: -257 },
          ],
          authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
          timeout: TIMEOUT_MS,
          // WebAuthn L3 §10.1.4: evaluate at creation where the authenticator can.
          extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
        },
      })) as PublicKeyCredential;
    } catch (error) {
      throw mapCeremonyError(error);
    }
    if (!credential) throw new PasskeyCancelledError();
    const credentialId = new Uint8Array(credential.rawId.slice(0));
    const results = credential.getClientExtensionResults() as PrfResults;
    if (results.prf?.enabled !== true) throw new PasskeyUnsupportedError('The passkey was created without the PRF extension');
    const first = results.prf.results?.first;
    // Many authenticators only evaluate PRF during get(): ask once more.
    const prfOutput = first ? toBytes(first) : await this.evaluate(credentialId, prfSalt);
    return { credentialId, prfOutput };
  },

  async evaluate(credentialId, prfSalt) {
    let assertion: PublicKeyCredential;
    try {
      assertion = (await navigator.credentials.get({
        publicKey: {
          challenge: crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES)),
          allowCredentials: [{ type: 'public-key', id: credentialId }],
          userVerification: 'required',
          timeout: TIMEOUT_MS,
          extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
        },
      })) as PublicKeyCredential;
    } catch (error) {
      throw mapCeremonyError(error);
    }
    if (!assertion) throw new PasskeyCancelledError();
    const first = (assertion.getClientExtensionResults() as PrfResults).prf?.results?.first;
    if (!first) throw new PasskeyUnsupportedError('The authenticator did not return a PRF result');
    return toBytes(first);
  },
};
