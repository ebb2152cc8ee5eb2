/**
 * The recovery code shown once at set-up: 28 symbols of Crockford base32 (5 bits each, 140 bits
 * from the CSPRNG) in seven groups of four, e.g. `7K3M-9QXD-…`. Reading it back is forgiving as
 * Crockford specifies: any case, hyphens and spaces ignored, O→0, I and L→1. The slot key is
 * derived from the normalised symbols with HKDF (key-slots.ts).
 */
import { utf8Encode } from '../lib/bytes';
import { own, type Bytes } from './bytes-own';

export const RECOVERY_CODE_SYMBOLS = 28; // 28 × 5 = 140 bits ≥ 128
export const RECOVERY_CODE_GROUP = 4;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateRecoveryCode(): string {
  const random = crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_SYMBOLS));
  let out = '';
  for (let i = 0; i < random.length; i++) {
    if (i > 0 && i % RECOVERY_CODE_GROUP === 0) out += '-';
    out += CROCKFORD[random[i]! & 31]; // 256 is a multiple of 32: uniform
  }
  random.fill(0);
  return out;
}

/** The canonical symbols of a typed code, or undefined if it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_CODE_SYMBOLS) return undefined;
  for (const c of cleaned) if (!CROCKFORD.includes(c)) return undefined;
  return cleaned;
}

/** The HKDF input for a normalised code (the caller wipes it). */
export function recoveryCodeBytes(normalised: string): Bytes {
  return own(utf8Encode(normalised));
}
