/** The vault's settings (auto-lock): one sealed `meta` record, SETTINGS_ROW. */
import type { VaultSettings } from './vault-api';
import { openRecord, sealRecord } from '../../storage/record-crypto';
import { STORE, type SealedRecord } from '../../storage/schema';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, DEFAULT_SETTINGS, SETTINGS_ROW } from './satchel-vault';
import { storageFailure } from './vault-checks';
import type { VaultCore } from './vault-core';

export async function settings(core: VaultCore): Promise<VaultSettings> {
  const session = core.unlocked();
  const record = await core.read<SealedRecord>(STORE.meta, SETTINGS_ROW);
  if (!record) return { ...DEFAULT_SETTINGS };
  try {
    return core.stillUnlocked(session, { ...DEFAULT_SETTINGS, ...(await openRecord<Partial<VaultSettings>>(session.vaultKey, STORE.meta, record)) });
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function updateSettings(core: VaultCore, change: Partial<VaultSettings>): Promise<void> {
  const { vaultKey } = core.unlocked();
  const m = change.autoLockMinutes;
  if (m !== undefined && (!Number.isInteger(m) || m < AUTO_LOCK_MINUTES_MIN || m > AUTO_LOCK_MINUTES_MAX))
    throw new RangeError(`settings.autoLockMinutes must be a whole number from ${AUTO_LOCK_MINUTES_MIN} to ${AUTO_LOCK_MINUTES_MAX} (got ${String(m)})`);
  const next: VaultSettings = { ...(await settings(core)), ...(m === undefined ? {} : { autoLockMinutes: m }) };
  const record = await sealRecord(vaultKey, STORE.meta, SETTINGS_ROW, next);
  await core.write([STORE.meta], 'Saving the settings', (tx) => tx.objectStore(STORE.meta).put(record));
}
