/**
 * Work the first screen does not need (the service worker's registration, the crypto worker's warm
 * start) waits until that screen is shown (issue 18): not while the vault's state is still being
 * read ("Opening…"), and then in idle time after the page's load event; once only.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstScreenShown } from '../../../src/ui/FirstScreenShown';
import { VaultProvider } from '../../../src/ui/vault/VaultContext';
import type { Vault, VaultState } from '../../../src/wallet/vault/vault-api';

const host = document.body.appendChild(document.createElement('div'));
afterEach(() => render(null, host));

/** A vault whose state read finishes when the test says; its state changes are the test's too. */
function slowVault() {
  let finish!: (state: VaultState) => void;
  const read = new Promise<VaultState>((done) => (finish = done));
  const listeners = new Set<(state: VaultState) => void>();
  const vault = {
    state: () => read,
    onStateChange: (listener: (state: VaultState) => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  } as unknown as Vault;
  return { vault, finish, emit: (state: VaultState) => listeners.forEach((listener) => listener(state)) };
}

const idle = () => new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));

describe('FirstScreenShown', () => {
  it('runs once the vault\'s state is known and the page is idle, not while it is being read', async () => {
    expect(document.readyState).toBe('complete'); // the test page has loaded
    const { vault, finish } = slowVault();
    const run = vi.fn();
    await act(() => render(<VaultProvider vault={vault}><FirstScreenShown run={run} /></VaultProvider>, host));
    await idle();
    await idle();
    expect(run).not.toHaveBeenCalled();
    await act(() => finish('absent'));
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  });

  it('runs once only, whatever the vault does next', async () => {
    const { vault, finish, emit } = slowVault();
    const run = vi.fn();
    await act(() => render(<VaultProvider vault={vault}><FirstScreenShown run={run} /></VaultProvider>, host));
    await act(() => finish('locked'));
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    await act(() => emit('unlocked'));
    await act(() => emit('locked'));
    await idle();
    await idle();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
