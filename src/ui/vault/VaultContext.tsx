/** Gives every screen the vault and its current state (absent / locked / unlocked). */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Vault, VaultState } from '../../wallet/vault';

interface VaultContextValue {
  vault: Vault;
  /** undefined while the database is being opened. */
  state: VaultState | undefined;
  /** Set when the database cannot be opened at all (blocked storage, private mode…). */
  failure: unknown;
  /** Tell the wallet that settings changed (the auto-lock timer re-reads its time). */
  settingsChanged(): void;
}

const VaultContext = createContext<VaultContextValue | null>(null);

export function VaultProvider({ vault, children, onSettingsChanged = () => {} }: { vault: Vault; children: ComponentChildren; onSettingsChanged?: () => void }) {
  const [state, setState] = useState<VaultState>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    const stop = vault.onStateChange(setState);
    vault.state().then(setState, setFailure);
    return stop;
  }, [vault]);
  return <VaultContext.Provider value={{ vault, state, failure, settingsChanged: onSettingsChanged }}>{children}</VaultContext.Provider>;
}

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside <VaultProvider>');
  return value;
}
