/**
 * The checker's reasons: the wallet gives codes (src/wallet/check/check-reasons.ts), the UI
 * catalogue gives the words, in English and Welsh, the same words the wallet used to hold.
 */
import { describe, expect, it } from 'vitest';
import type { CheckName, CheckReason } from '../../../../src/wallet/check/check-api';
import { answersQuery, answersRequest, NO_TRUST_LIST, NOT_ASKED, reasonFor } from '../../../../src/wallet/check/check-reasons';
import { keptCheckText, reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { nameAsWords, nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';

const en = (reason: CheckReason) => reasonText(reason, translator('en'), 'en');
const cy = (reason: CheckReason) => reasonText(reason, translator('cy'), 'cy');
const CHECKS: CheckName[] = ['format', 'signature', 'disclosures', 'issuer-trusted', 'validity', 'status', 'key-binding'];

describe('reason codes in words', () => {
  it('says every check passed or failed, in English and Welsh, never the bare code', () => {
    for (const name of CHECKS) {
      for (const ok of [true, false]) {
        const reason = reasonFor({ name, ok, code: ok ? 'ok' : 'damaged', message: 'library words' });
        expect(en(reason), `${name} ${ok}`).not.toBe(reason.code);
        expect(cy(reason), `${name} ${ok}`).not.toBe(reason.code);
        expect(cy(reason), `${name} ${ok}`).not.toBe(en(reason));
      }
    }
  });

  it('says what exactly failed where it knows, else that the check failed', () => {
    const revoked = reasonFor({ name: 'status', ok: false, code: 'revoked', message: 'x' });
    expect(revoked).toEqual({ code: 'status:revoked', ok: false });
    expect(en(revoked)).toBe('The issuer has revoked this credential');
    expect(cy(revoked)).toBe("Mae'r cyhoeddwr wedi dirymu'r credyd hwn");
    const signature = reasonFor({ name: 'signature', ok: false, code: 'mismatch', message: 'x' });
    expect(en(signature)).toBe('The issuer’s signature does not match: it may have been altered');
    expect(en(reasonFor({ name: 'signature', ok: true, code: 'ok', message: 'x' }))).toBe('The issuer’s signature is genuine');
    expect(cy(reasonFor({ name: 'signature', ok: true, code: 'ok', message: 'x' }))).toBe('Mae llofnod y cyhoeddwr yn ddilys');
  });

  it('words the answer as a whole, naming what was not shared in the reader’s language', () => {
    const names = [nameOfClaim(['given_name']), nameAsWords({ en: 'Photo' })];
    const missing = answersRequest(true, names);
    expect(missing).toEqual({ code: 'request:missing-claims', ok: false, missing: names });
    expect(en(missing)).toBe('Not shared, though asked for: Given name, Photo');
    expect(cy(missing)).toBe('Heb ei rannu, er y gofynnwyd amdano: Enw cyntaf, Photo');
    expect(en(answersRequest(false, []))).toBe('This is not the kind of credential that was asked for');
    expect(en(answersRequest(true, []))).toBe('Everything asked for was shared');
    expect(cy(answersQuery([nameOfType(CREDENTIAL_TYPES.rightToWork)]))).toBe('Heb ei rannu, er y gofynnwyd amdano: Hawl i weithio');
    expect(en(answersQuery([]))).toBe('Every credential asked for was shared');
    expect(en(NOT_ASKED)).toBe('This credential was not asked for');
    expect(cy(NO_TRUST_LIST)).toBe("Nid oes gan y ffôn hwn restr ymddiriedaeth eto: cysylltwch unwaith i'w lawrlwytho, yna gwiriwch eto");
  });

  it('words an mdoc\'s issuer certificates: one that breaks the profile, and one that has expired or is not valid yet (not the credential)', () => {
    const bad = reasonFor({ name: 'issuer-trusted', ok: false, code: 'bad-certificate', message: 'x' });
    expect(en(bad)).toBe('The issuer’s certificate is not one Satchel can accept: it is damaged or not made as the standard requires');
    expect(cy(bad)).not.toBe(en(bad));
    expect(cy(bad)).not.toBe(bad.code);
    const certificateExpired = reasonFor({ name: 'issuer-trusted', ok: false, code: 'expired', message: 'x' });
    expect(en(certificateExpired)).toBe('The certificate the issuer signed it with has expired');
    expect(cy(certificateExpired)).not.toBe(en(certificateExpired));
    const certificateNotYet = reasonFor({ name: 'issuer-trusted', ok: false, code: 'not-yet-valid', message: 'x' });
    expect(en(certificateNotYet)).toBe('The certificate the issuer signed it with is not valid yet');
    expect(cy(certificateNotYet)).not.toBe(en(certificateNotYet));
    // The credential's own validity keeps its words.
    expect(en(reasonFor({ name: 'validity', ok: false, code: 'expired', message: 'x' }))).toBe('The credential has expired');
  });

  it('shows a code it has no words for (a record kept by a newer Satchel) as the code, not nothing', () => {
    expect(en({ code: 'holder:new-check', ok: false })).toBe('holder:new-check');
  });

  it('shows a check kept before reasons were codes in the words it was kept with', () => {
    const kept = { ok: true, message: { en: 'The issuer’s signature is genuine', cy: 'Mae llofnod y cyhoeddwr yn ddilys' } };
    expect(keptCheckText(kept, translator('cy'), 'cy')).toBe('Mae llofnod y cyhoeddwr yn ddilys');
    expect(keptCheckText({ code: 'signature', ok: true }, translator('cy'), 'cy')).toBe('Mae llofnod y cyhoeddwr yn ddilys');
  });
});
