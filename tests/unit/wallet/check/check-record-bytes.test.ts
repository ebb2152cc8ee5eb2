/** A kept check record notes an mdoc's portrait (a byte string, ISO/IEC 18013-5 §7.2.1) as a photo, never its bytes. */
import { describe, expect, it } from 'vitest';
import { keptValue } from '../../../../src/wallet/check/check-record';

describe('keptValue', () => {
  it('a byte string (an mdoc portrait) is noted as a photo and not kept', () => {
    expect(keptValue(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3))).toEqual({ value: '', photo: true });
  });
  it('a structure holding bytes keeps the rest and says how many bytes it left out', () => {
    expect(keptValue({ vehicle_category_code: 'B', mark: Uint8Array.of(1, 2, 3) })).toEqual({ value: '{"vehicle_category_code":"B","mark":"(3 bytes)"}' });
  });
  it('text, numbers and yes/no as before', () => {
    expect(keptValue('Ava')).toEqual({ value: 'Ava' });
    expect(keptValue(true)).toEqual({ value: true });
    expect(keptValue('data:image/jpeg;base64,AAAA')).toEqual({ value: '', photo: true });
  });
});
