/**
 * Setting up the vault and unlocking it with the PIN or the recovery code; changing the PIN.
 *
 *   vault key (AES-256-GCM, random, NIST SP 800-38D)
 *     ├─ wrapped by the PIN slot       (Argon2id, RFC 9106)
 *     ├─ wrapped by the recovery slot  (HKDF-SHA-256, RFC 5869)
 *     ├─ wrapped by the passkey slot   (WebAuthn PRF → HKDF; passkey-unlock.ts)
 *     └─ seals every record (credentials, device keys, settings, activity, the HMAC index key)
 */
import { VaultError } from './vault-api';
import { createWrappedIndexKey } from '../../storage/index-key';
import { generateVaultKey, newSlotSalt, openSlot, pinKek, recoveryKek, sealSlot } from '../../storage/key-slots';
import { generateRecoveryCode, normaliseRecoveryCode, recoveryCodeBytes } from '../../storage/recovery-code';
import { sealRecord } from '../../storage/record-crypto';
import { STORE } from '../../storage/schema';
import { noThrottle } from '../../storage/throttle';
import { DEFAULT_SETTINGS, SETTINGS_ROW } from './satchel-vault';
import { checkNewPin } from './vault-checks';
import { nonExtractable, rewrapPin, verifyPin } from './pin-check';
import type { VaultCore } from './vault-core';

export async function setUp(core: VaultCore, pin: string): Promise<{ recoveryCode: string }> {
  checkNewPin(pin, 'pin');
  if (await core.slot('pin')) throw new VaultError('already-set-up', 'This device already has a vault');
  const params = await core.argon2Params();
  const vaultKey = await generateVaultKey(); // extractable for this function only
  const pinSalt = newSlotSalt();
  const kek = await pinKek(pin, pinSalt, params);
  const pinSlot = await sealSlot(vaultKey, kek, 'pin', pinSalt, { kdf: params });
  const recoveryCode = generateRecoveryCode();
  const codeBytes = recoveryCodeBytes(normaliseRecoveryCode(recoveryCode)!);
  const recoverySalt = newSlotSalt();
  const recoverySlot = await sealSlot(vaultKey, await recoveryKek(codeBytes, recoverySalt), 'recovery', recoverySalt);
  codeBytes.fill(0);
  const indexKeyRecord = await createWrappedIndexKey(vaultKey);
  const settings = await sealRecord(vaultKey, STORE.meta, SETTINGS_ROW, DEFAULT_SETTINGS);
  await core.write([STORE.keySlots, STORE.meta], 'Creating the vault', async (tx) => {
    const slots = tx.objectStore(STORE.keySlots);
    if (await slots.get('pin')) throw new VaultError('already-set-up', 'This device already has a vault');
    await slots.put(pinSlot);
    await slots.put(recoverySlot);
    const meta = tx.objectStore(STORE.meta);
    await meta.put(indexKeyRecord);
    await meta.put(settings);
    await meta.put(noThrottle());
  });
  // The session holds a non-extractable copy; the extractable `vaultKey` goes out of scope here.
  await core.open(await nonExtractable(pinSlot, kek));
  return { recoveryCode };
}

export async function unlockWithPin(core: VaultCore, pin: string): Promise<void> {
  await core.open(await verifyPin(core, pin, false));
}

export async function unlockWithRecoveryCode(core: VaultCore, recoveryCode: string, newPin: string): Promise<void> {
  checkNewPin(newPin, 'newPin');
  const wrong = () => new VaultError('wrong-recovery-code', 'That recovery code does not unlock this vault');
  const normalised = typeof recoveryCode === 'string' ? normaliseRecoveryCode(recoveryCode) : undefined;
  if (!normalised) throw wrong();
  const slot = await core.slot('recovery');
  const pinSlot = await core.slot('pin');
  if (!slot || !pinSlot) throw new VaultError('locked', 'There is no vault on this device yet: set one up first');
  const codeBytes = recoveryCodeBytes(normalised);
  const kek = await recoveryKek(codeBytes, slot.salt);
  codeBytes.fill(0);
  let extractable: CryptoKey;
  try {
    extractable = await openSlot(slot, kek, true);
  } catch {
    throw wrong();
  }
  const newSlot = await rewrapPin(core, extractable, newPin, pinSlot.kdf!);
  await core.open(await nonExtractable(newSlot.slot, newSlot.kek));
}

export async function changePin(core: VaultCore, currentPin: string, newPin: string): Promise<void> {
  checkNewPin(newPin, 'newPin');
  const vaultKey = await verifyPin(core, currentPin, true);
  const slot = (await core.slot('pin'))!;
  // Only the PIN slot changes: records stay as they are (the vault key is the same).
  await rewrapPin(core, vaultKey, newPin, slot.kdf!);
}
