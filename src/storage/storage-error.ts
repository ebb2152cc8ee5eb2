/** Errors from src/storage. src/wallet turns them into VaultErrors the UI can word. */

export type StorageErrorCode = 'quota' | 'unavailable' | 'corrupt' | 'newer-schema';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Maps what IndexedDB throws to a StorageError; anything else passes through unchanged. */
export function toStorageError(error: unknown, doing: string): unknown {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageError('quota', `${doing}: the browser's storage is full (nothing was written)`);
  if (name === 'VersionError') return new StorageError('newer-schema', `${doing}: the vault was written by a newer Satchel`);
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError' || name === 'AbortError')
    return new StorageError('unavailable', `${doing}: IndexedDB failed (${String(name)})`);
  return error;
}
