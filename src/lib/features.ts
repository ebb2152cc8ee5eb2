/**
 * Feature detection for everything newer than the oldest supported browsers (Chrome 87,
 * Safari 15, Firefox 91). Each answer decides a fallback listed in the README's support matrix.
 * Detection only: no feature is used here.
 */

export type FeatureName =
  | 'webAssembly'
  | 'serviceWorker'
  | 'persistentStorage'
  | 'barcodeDetector'
  | 'decompressionStream'
  | 'webCryptoEd25519'
  | 'webAuthnPrf';

export type FeatureReport = Record<FeatureName, boolean>;

/** A 32-byte Ed25519 public key (RFC 8032 7.1 test 1) — any valid key will do for the probe. */
const ED25519_PROBE_KEY = new Uint8Array([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
  0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
]);

export async function detectFeatures(): Promise<FeatureReport> {
  const [webCryptoEd25519, webAuthnPrf] = await Promise.all([hasWebCryptoEd25519(), hasWebAuthnPrf()]);
  return {
    webAssembly: typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function',
    serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
    persistentStorage: typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function',
    barcodeDetector: 'BarcodeDetector' in globalThis,
    decompressionStream: typeof DecompressionStream === 'function',
    webCryptoEd25519,
    webAuthnPrf,
  };
}

/** Ed25519 in WebCrypto: Chrome 137+, Safari 17+, Firefox 129+. */
async function hasWebCryptoEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.importKey('raw', ED25519_PROBE_KEY, { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

/**
 * WebAuthn PRF: only `getClientCapabilities()` (Chrome 133+, Safari 17.4+) can say so without
 * a ceremony. Where it is missing we answer false and the PIN stays the unlock method.
 */
async function hasWebAuthnPrf(): Promise<boolean> {
  const credential = (globalThis as { PublicKeyCredential?: { getClientCapabilities?: () => Promise<Record<string, boolean>> } })
    .PublicKeyCredential;
  if (typeof credential?.getClientCapabilities !== 'function') return false;
  try {
    return (await credential.getClientCapabilities())['extension:prf'] === true;
  } catch {
    return false;
  }
}
