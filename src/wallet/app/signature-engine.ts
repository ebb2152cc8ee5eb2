/**
 * Use case: "is signature checking working on this phone, and with which engine?"
 * The UI asks here rather than talking to the crypto worker itself (layer rule ui → wallet).
 */
import { cryptoWorker } from '../../crypto/client';

export type SignatureEngineState =
  | { state: 'ready'; engine: 'wasm' | 'noble' }
  | { state: 'failed'; reason: string };

export async function checkSignatureEngine(): Promise<SignatureEngineState> {
  try {
    const status = await cryptoWorker().status();
    return status.selfTest ? { state: 'ready', engine: status.engine } : { state: 'failed', reason: 'self-test failed' };
  } catch (error) {
    return { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
