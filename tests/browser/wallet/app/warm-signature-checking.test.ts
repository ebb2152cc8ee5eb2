import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCryptoWorkerRunning, stopCryptoWorker } from '../../../../src/crypto/client';
import { warmSignatureChecking } from '../../../../src/wallet/app/warm-signature-checking';
import type { VaultState } from '../../../../src/wallet/vault';

/** A vault that only reports state changes, as the app's does. */
function fakeVault() {
  const listeners = new Set<(state: VaultState) => void>();
  return {
    onStateChange(listener: (state: VaultState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit: (state: VaultState) => listeners.forEach((listener) => listener(state)),
  };
}

describe('the crypto worker is warmed before the first signature check', () => {
  afterEach(() => stopCryptoWorker());

  it('starts the worker once the page is idle, with nothing asked of it', async () => {
    stopCryptoWorker();
    expect(isCryptoWorkerRunning()).toBe(false);
    const stop = warmSignatureChecking(fakeVault());
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(true), { timeout: 10_000 });
    stop();
  });

  it('waits for the page\'s load event before that, so the worker never competes with the first screen\'s bytes', async () => {
    stopCryptoWorker();
    const loading = { readyState: 'interactive' as DocumentReadyState, target: new EventTarget() };
    const page = { get readyState() { return loading.readyState; }, addEventListener: loading.target.addEventListener.bind(loading.target), removeEventListener: loading.target.removeEventListener.bind(loading.target) };
    const stop = warmSignatureChecking(fakeVault(), page);
    // Idle time passes while the page is still loading: no worker.
    await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
    await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
    expect(isCryptoWorkerRunning()).toBe(false);
    loading.readyState = 'complete';
    loading.target.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(true), { timeout: 10_000 });
    stop();
  });

  it('starts it again when the vault unlocks (it stops after a minute idle)', async () => {
    const vault = fakeVault();
    const stop = warmSignatureChecking(vault);
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(true), { timeout: 10_000 });
    stopCryptoWorker(); // as if the person had taken longer than WORKER_IDLE_MS to type a PIN
    expect(isCryptoWorkerRunning()).toBe(false);
    vault.emit('unlocked');
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(true), { timeout: 10_000 });
    stop();
  });

  it('does nothing once stopped', async () => {
    stopCryptoWorker();
    const vault = fakeVault();
    warmSignatureChecking(vault)();
    vault.emit('unlocked');
    // An idle callback queued after the warm-up's would have run it: still no worker.
    await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
    await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
    expect(isCryptoWorkerRunning()).toBe(false);
  });
});
