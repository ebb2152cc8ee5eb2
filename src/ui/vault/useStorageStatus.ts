import { useEffect, useState } from 'preact/hooks';
import type { StorageStatus } from '../../wallet/vault';
import { useVault } from './VaultContext';

/** The browser's storage status (persistence, usage); `refresh` re-reads it. */
export function useStorageStatus(): { status: StorageStatus | undefined; refresh(): void } {
  const { vault } = useVault();
  const [status, setStatus] = useState<StorageStatus>();
  const refresh = () => void vault.storageStatus().then(setStatus, () => setStatus(undefined));
  useEffect(refresh, [vault]);
  return { status, refresh };
}
