/**
 * Key slots: the one vault key wrapped under each unlock method's key-encryption key (KEK).
 *
 *   PIN       KEK = Argon2id(PIN, salt, m, t, p)                       RFC 9106 (argon2.ts)
 *   recovery  KEK = HKDF-SHA-256(code, salt, "satchel.slot.recovery")  RFC 5869 §2 — the code has
 *             140 random bits, so no slow KDF is needed (RFC 5869 §3.3: extract suffices for
 *             high-entropy input)
 *   passkey   KEK = HKDF-SHA-256(PRF output, salt, "satchel.slot.passkey") RFC 5869 over the
 *             WebAuthn PRF extension's 32-byte result (WebAuthn L3 §10.1.4 "prf")
 *
 * Wrapping is AES-256-GCM (NIST SP 800-38D) through WebCrypto wrapKey/unwrapKey, with a fresh
 * 96-bit IV and AAD = lp("satchel.slot") ‖ u16(slot version) ‖ lp(kind), so a slot's ciphertext
 * cannot be passed off as another kind. A wrong PIN, code or passkey fails the GCM tag (§7.2).
 * The vault key is unwrapped non-extractable for everyday use; extractable only for the one step
 * that re-wraps it (change PIN, add passkey, backup), and the caller drops it straight after.
 */
import { concatBytes } from '../lib/bytes';
import { argon2idKey, ARGON2_SALT_BYTES, type Argon2Params } from './argon2';
import { GCM_TAG_BITS, lengthPrefixed, randomIv } from './record-crypto';
import type { KeySlot, SlotKind } from './schema';
import { own, type Bytes } from './bytes-own';

export const SLOT_VERSION = 1;
export const VAULT_KEY_BITS = 256;
const VAULT_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

export class SlotOpenError extends Error {
  constructor(readonly kind: SlotKind) {
    super(`The ${kind} did not unlock the vault key`);
    this.name = 'SlotOpenError';
  }
}

/** A fresh random AES-256-GCM vault key; extractable only so set-up can wrap it into the slots. */
export async function generateVaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: VAULT_KEY_BITS }, true, VAULT_KEY_USAGES);
}

function slotAad(kind: SlotKind, version: number): Bytes {
  return own(concatBytes(lengthPrefixed('satchel.slot'), new Uint8Array([version >> 8, version & 0xff]), lengthPrefixed(kind)));
}

/** Imports 32 raw bytes as a non-extractable AES-GCM KEK and wipes them. */
async function importKek(raw: Bytes): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
  } finally {
    raw.fill(0);
  }
}

/** RFC 5869 HKDF-SHA-256: extract with `salt`, expand with `info`, straight into a KEK. */
export async function hkdfKek(ikm: Bytes, salt: Bytes, info: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode(info) }, // RFC 5869 §2.2, §2.3
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export async function pinKek(pin: string, salt: Bytes, params: Argon2Params): Promise<CryptoKey> {
  return importKek(own(await argon2idKey(pin, salt, params)));
}

export function recoveryKek(codeBytes: Bytes, salt: Bytes): Promise<CryptoKey> {
  return hkdfKek(codeBytes, salt, 'satchel.slot.recovery');
}

export function passkeyKek(prfOutput: Bytes, salt: Bytes): Promise<CryptoKey> {
  return hkdfKek(prfOutput, salt, 'satchel.slot.passkey');
}

export function newSlotSalt(): Bytes {
  return crypto.getRandomValues(new Uint8Array(ARGON2_SALT_BYTES));
}

/** Wraps an extractable vault key under `kek` into a slot of `kind`. */
export async function sealSlot(
  vaultKey: CryptoKey,
  kek: CryptoKey,
  kind: SlotKind,
  salt: Bytes,
  extra: Pick<KeySlot, 'kdf' | 'credentialId' | 'prfSalt'> = {},
): Promise<KeySlot> {
  const iv = randomIv();
  // SP 800-38D §7.1 over the raw vault key, inside WebCrypto (the bytes never reach JS).
  const wrapped = await crypto.subtle.wrapKey('raw', vaultKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: slotAad(kind, SLOT_VERSION),
    tagLength: GCM_TAG_BITS,
  });
  return { kind, v: SLOT_VERSION, salt, iv, wrappedKey: new Uint8Array(wrapped), ...extra };
}

/** Unwraps the vault key from a slot; throws SlotOpenError when the KEK is wrong or the slot was changed. */
export async function openSlot(slot: KeySlot, kek: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  try {
    // SP 800-38D §7.2: a wrong KEK or a changed slot gives FAIL, never a wrong key.
    return await crypto.subtle.unwrapKey(
      'raw',
      slot.wrappedKey,
      kek,
      { name: 'AES-GCM', iv: slot.iv, additionalData: slotAad(slot.kind, slot.v), tagLength: GCM_TAG_BITS },
      { name: 'AES-GCM', length: VAULT_KEY_BITS },
      extractable,
      VAULT_KEY_USAGES,
    );
  } catch {
    throw new SlotOpenError(slot.kind);
  }
}
