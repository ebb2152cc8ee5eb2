/**
 * What the first screen asks of the vault: whether there is one and whether it is unlocked, and
 * how it can be unlocked. Here, apart from unlock.ts, because the first screen's script holds only
 * this and vault-core.ts; everything else the vault does is fetched on first use (vault.ts).
 */
import type { UnlockMethods, VaultState } from './vault-api';
import type { VaultCore } from './vault-core';

export async function vaultState(core: VaultCore): Promise<VaultState> {
  if (core.isUnlocked) return 'unlocked';
  return (await core.slot('pin')) ? 'locked' : 'absent';
}

export async function unlockMethods(core: VaultCore): Promise<UnlockMethods> {
  return { pin: true, passkey: (await core.slot('passkey')) !== undefined, recovery: true };
}
