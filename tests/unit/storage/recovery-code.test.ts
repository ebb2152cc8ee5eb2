import { describe, expect, it } from 'vitest';
import { generateRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_SYMBOLS } from '../../../src/storage/recovery-code';

describe('recovery code (Crockford base32)', () => {
  it('has 28 symbols (140 bits) in groups of four, and is different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      expect(RECOVERY_CODE_SYMBOLS * 5).toBeGreaterThanOrEqual(128);
    }
  });

  it('uses every symbol about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generateRecoveryCode().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (2000 * RECOVERY_CODE_SYMBOLS) / 32; // 1750
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2);
  });

  it('reads back forgivingly: case, spaces, hyphens, O→0, I/L→1; rejects the wrong length or U', () => {
    const code = generateRecoveryCode();
    const canonical = code.replace(/-/g, '');
    expect(normaliseRecoveryCode(code)).toBe(canonical);
    expect(normaliseRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normaliseRecoveryCode('O1IL-0000-0000-0000-0000-0000-0000')).toBe('0111000000000000000000000000');
    expect(normaliseRecoveryCode(code.slice(0, -1))).toBeUndefined();
    expect(normaliseRecoveryCode(`${code}0`)).toBeUndefined();
    expect(normaliseRecoveryCode('U000-0000-0000-0000-0000-0000-0000')).toBeUndefined();
  });
});
