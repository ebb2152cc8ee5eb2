/** A kept check record notes an mdoc's portrait (a byte string, ISO/IEC 18013-5 §7.2.1) as a photo, never its bytes. */
import { describe, expect, it } from 'vitest';
import { keptValue, personNameOf } from '../../../../src/wallet/check/check-record';
import type { CheckResult } from '../../../../src/wallet/check/check-api';

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

describe('personNameOf', () => {
  const claim = (path: string[], value: unknown) => ({ path, label: { of: 'claim', path } as never, value });
  it('names the person from an mDL\'s given_name and family_name elements, as from an SD-JWT VC\'s claims', () => {
    const ns = 'org.iso.18013.5.1';
    expect(personNameOf({ claims: [claim([ns, 'given_name'], 'Ava'), claim([ns, 'family_name'], 'Jones')] } as unknown as CheckResult)).toBe('Ava Jones');
    expect(personNameOf({ claims: [claim(['given_name'], 'Ada'), claim(['family_name'], 'Lovelace')] } as unknown as CheckResult)).toBe('Ada Lovelace');
    // Another namespace's element of the same name is not the person's name on the licence.
    expect(personNameOf({ claims: [claim(['org.example.other', 'given_name'], 'X')] } as unknown as CheckResult)).toBeUndefined();
  });
});
