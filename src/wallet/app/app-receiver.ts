/**
 * The app's Receiver: signatures checked in the crypto worker (WASM core, @noble/curves fallback)
 * and the trust list configured at build time (config.ts). Resumes queued offers and refreshes
 * status when the connection returns or the vault unlocks.
 */
import { workerSignatureVerifier } from '../../crypto/client';
import { walletConfig } from '../shared';
import { createReceiver, type ReceiverOptions, type SatchelReceiver } from '../receive';
import type { SatchelVault } from '../vault';

export function createAppReceiver(vault: SatchelVault, options: Partial<Omit<ReceiverOptions, 'vault'>> = {}): SatchelReceiver {
  return createReceiver({ vault, verifier: workerSignatureVerifier(), config: walletConfig(), ...options });
}
