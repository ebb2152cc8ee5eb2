// The on-behalf reasons (src/wallet/check/check-on-behalf.ts) in words: every failure, in English
// and Welsh, never the bare code; a code this version does not know is shown as the code.
import { describe, expect, it } from 'vitest';
import type { OnBehalfFailure } from '../../../../src/credentials/on-behalf';
import { reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { CHECK_ON_BEHALF_WORDS } from '../../../../src/ui/share/check-on-behalf-words';
import { onBehalfReasons } from '../../../../src/wallet/check/check-on-behalf';

const FAILURES: OnBehalfFailure[] = ['authority-missing', 'authority-invalid', 'authority-revoked', 'authority-expired', 'authority-not-bound', 'person-claims-missing', 'person-mismatch', 'power-not-covered'];

describe('on-behalf reasons in words', () => {
  it('a passed rule is one reason, a failed one a reason per failure', () => {
    expect(onBehalfReasons({ ok: true, failures: [] })).toEqual([{ code: 'on-behalf', ok: true }]);
    expect(onBehalfReasons({ ok: false, failures: ['authority-revoked', 'person-mismatch'] })).toEqual([{ code: 'on-behalf:authority-revoked', ok: false }, { code: 'on-behalf:person-mismatch', ok: false }]);
  });

  it('says each in English and Welsh, each different, never the code', () => {
    const seen = new Set<string>();
    for (const reason of [...onBehalfReasons({ ok: true, failures: [] }), ...onBehalfReasons({ ok: false, failures: FAILURES })]) {
      const en = reasonText(reason, translator('en'), 'en');
      const cy = reasonText(reason, translator('cy'), 'cy');
      expect(en, reason.code).toBe(CHECK_ON_BEHALF_WORDS.en[reason.code as keyof typeof CHECK_ON_BEHALF_WORDS.en]);
      expect(cy, reason.code).toBe(CHECK_ON_BEHALF_WORDS.cy[reason.code as keyof typeof CHECK_ON_BEHALF_WORDS.cy]);
      expect(en).not.toBe(reason.code);
      expect(cy).not.toBe(en);
      expect(seen.has(en)).toBe(false);
      seen.add(en);
    }
    expect(reasonText({ code: 'on-behalf:a-newer-failure', ok: false }, translator('en'), 'en')).toBe('on-behalf:a-newer-failure');
  });
});
