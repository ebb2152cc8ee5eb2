/** The BLE Ident value (ISO/IEC 18013-5 §8.3.3.1.1.4) for Annex D's engagement key, against Node's own HKDF (RFC 5869). */
import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bleIdent, IDENT_BYTES } from '../../../../../src/protocols/iso18013-5/ble/ident';

const annexD = JSON.parse(readFileSync('tests/vectors/mdoc/iso18013-5_annex_d.json', 'utf8')) as { hex: Record<string, string> };
const eDeviceKeyBytes = Buffer.from(annexD.hex.E_DEVICE_KEY_BYTES!, 'hex');

describe('bleIdent', () => {
  it('is HKDF-SHA-256(EDeviceKeyBytes, no salt, "BLEIdent", 16) for the Annex D engagement key, as node:crypto computes it', async () => {
    // The key as the engagement carries it (#6.24 tag included), which is what the holder hashes too.
    expect(annexD.hex.DEVICE_ENGAGEMENT).toContain(annexD.hex.E_DEVICE_KEY_BYTES);
    expect(eDeviceKeyBytes.subarray(0, 2)).toEqual(Buffer.from([0xd8, 0x18]));
    const independent = Buffer.from(hkdfSync('sha256', eDeviceKeyBytes, Buffer.alloc(0), Buffer.from('BLEIdent', 'ascii'), 16));
    const ident = await bleIdent(new Uint8Array(eDeviceKeyBytes));
    expect(ident).toHaveLength(IDENT_BYTES);
    expect(Buffer.from(ident).toString('hex')).toBe(independent.toString('hex'));
  });

  it('treats "no salt" as RFC 5869 §2.2 says: the same as 32 zero bytes (how some implementations write it)', async () => {
    const zeroSalt = Buffer.from(hkdfSync('sha256', eDeviceKeyBytes, Buffer.alloc(32), Buffer.from('BLEIdent', 'ascii'), 16));
    expect(Buffer.from(await bleIdent(new Uint8Array(eDeviceKeyBytes))).toString('hex')).toBe(zeroSalt.toString('hex'));
  });

  it('differs for another engagement key (a device showing another QR code)', async () => {
    const other = new Uint8Array(eDeviceKeyBytes);
    other[other.length - 1]! ^= 1;
    expect(Buffer.from(await bleIdent(other)).toString('hex')).not.toBe(Buffer.from(await bleIdent(new Uint8Array(eDeviceKeyBytes))).toString('hex'));
  });
});
