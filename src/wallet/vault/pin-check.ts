/**
 * Checking a PIN against the PIN slot (Argon2id, RFC 9106), with throttling, and writing a new
 * PIN slot. A wrong PIN changes only the throttle record (storage/throttle.ts).
 */
import { VaultError } from './vault-api';
import type { Argon2Params } from '../../storage/argon2';
import { newSlotSalt, openSlot, pinKek, sealSlot, SlotOpenError } from '../../storage/key-slots';
import { STORE, type KeySlot } from '../../storage/schema';
import { beginPinAttempt, clearPinAttempts, confirmPinFailure, noThrottle } from '../../storage/throttle';
import type { VaultCore } from './vault-core';

/**
 * Returns the vault key (extractable only when asked, for the one re-wrapping step). The attempt
 * is counted before Argon2id, in the transaction that checks the wait, so tabs guessing at once
 * share one count; within a tab the queue also keeps to one Argon2id derivation at a time.
 */
export function verifyPin(core: VaultCore, pin: string, extractable: boolean): Promise<CryptoKey> {
  const attempt = core.pinQueue.then(async () => {
    if (typeof pin !== 'string') throw new TypeError('pin must be a string');
    const slot = await core.slot('pin');
    if (!slot) throw new VaultError('locked', 'There is no vault on this device yet: set one up first');
    const decision = await core.write([STORE.meta], 'Counting a PIN attempt', (tx) => beginPinAttempt(tx, core.now()));
    if (!decision.allowed) {
      const { failedAttempts, retryAt } = decision.waiting;
      throw new VaultError('throttled', 'Too many wrong PINs: wait before trying again', { failedAttempts, retryAt });
    }
    const attemptNumber = decision.counted.failedAttempts;
    const kek = await pinKek(pin, slot.salt, slot.kdf!);
    let key: CryptoKey;
    try {
      key = await openSlot(slot, kek, extractable);
    } catch (error) {
      if (!(error instanceof SlotOpenError)) throw error;
      const wait = await core.write([STORE.meta], 'Counting a wrong PIN', (tx) => confirmPinFailure(tx, attemptNumber, core.now()));
      throw new VaultError('wrong-pin', `That PIN is not right (${attemptNumber} wrong in a row)`, {
        failedAttempts: attemptNumber,
        retryAt: wait.retryAt,
      });
    }
    await core.write([STORE.meta], 'Resetting the PIN counter', clearPinAttempts);
    return key;
  });
  core.pinQueue = attempt.catch(() => undefined);
  return attempt;
}

/** Writes a new PIN slot for `vaultKey` (extractable) and clears the wrong-PIN counter, in one transaction. */
export async function rewrapPin(core: VaultCore, vaultKey: CryptoKey, newPin: string, params: Argon2Params): Promise<{ slot: KeySlot; kek: CryptoKey }> {
  const salt = newSlotSalt();
  const kek = await pinKek(newPin, salt, params);
  const slot = await sealSlot(vaultKey, kek, 'pin', salt, { kdf: params });
  await core.write([STORE.keySlots, STORE.meta], 'Saving the new PIN', async (tx) => {
    await tx.objectStore(STORE.keySlots).put(slot);
    await tx.objectStore(STORE.meta).put(noThrottle());
  });
  return { slot, kek };
}

/** Re-imports an extractable vault key as a non-extractable one for the session. */
export function nonExtractable(slot: KeySlot, kek: CryptoKey): Promise<CryptoKey> {
  return openSlot(slot, kek, false);
}
