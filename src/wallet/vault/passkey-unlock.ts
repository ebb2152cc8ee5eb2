/**
 * Unlocking with a passkey: the WebAuthn PRF output (passkey-prf.ts) → HKDF → the key that wraps
 * the vault key in the passkey slot. Adding or removing it needs the PIN.
 */
import { VaultError } from './vault-api';
import { newSlotSalt, openSlot, passkeyKek, sealSlot } from '../../storage/key-slots';
import { STORE } from '../../storage/schema';
import { PasskeyCancelledError, PasskeyUnsupportedError } from './passkey-prf';
import { verifyPin } from './pin-check';
import type { VaultCore } from './vault-core';

const PRF_SALT_BYTES = 32;

function passkeyFailure(error: unknown): unknown {
  if (error instanceof PasskeyCancelledError) return new VaultError('passkey-cancelled', error.message);
  if (error instanceof PasskeyUnsupportedError) return new VaultError('passkey-unsupported', error.message);
  return error;
}

export async function addPasskey(core: VaultCore, pin: string): Promise<void> {
  if (!(await core.passkeys.supported())) throw new VaultError('passkey-unsupported', 'This browser cannot unlock with a passkey');
  const vaultKey = await verifyPin(core, pin, true);
  const prfSalt = crypto.getRandomValues(new Uint8Array(PRF_SALT_BYTES));
  let registered: { credentialId: Uint8Array<ArrayBuffer>; prfOutput: Uint8Array<ArrayBuffer> };
  try {
    registered = await core.passkeys.register(prfSalt);
  } catch (error) {
    throw passkeyFailure(error);
  }
  const salt = newSlotSalt();
  const kek = await passkeyKek(registered.prfOutput, salt);
  registered.prfOutput.fill(0);
  const slot = await sealSlot(vaultKey, kek, 'passkey', salt, { credentialId: registered.credentialId, prfSalt });
  await core.write([STORE.keySlots], 'Saving the passkey', (tx) => tx.objectStore(STORE.keySlots).put(slot));
}

export async function removePasskey(core: VaultCore, pin: string): Promise<void> {
  await verifyPin(core, pin, false);
  await core.write([STORE.keySlots], 'Removing the passkey', (tx) => tx.objectStore(STORE.keySlots).delete('passkey'));
}

export async function unlockWithPasskey(core: VaultCore): Promise<void> {
  const slot = await core.slot('passkey');
  if (!slot?.credentialId || !slot.prfSalt) throw new VaultError('passkey-unsupported', 'No passkey has been added to this vault');
  let prfOutput: Uint8Array<ArrayBuffer>;
  try {
    prfOutput = await core.passkeys.evaluate(slot.credentialId, slot.prfSalt);
  } catch (error) {
    throw passkeyFailure(error);
  }
  const kek = await passkeyKek(prfOutput, slot.salt);
  prfOutput.fill(0);
  let vaultKey: CryptoKey;
  try {
    vaultKey = await openSlot(slot, kek, false);
  } catch {
    throw new VaultError('passkey-unsupported', 'That passkey did not unlock the vault: use your PIN');
  }
  await core.open(vaultKey);
}
