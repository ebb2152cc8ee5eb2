/**
 * Kept check records read back: one kept before reasons were codes (its checks hold the words of
 * the day) opens and reads the same; one kept now holds reason and name codes, worded in the
 * reader's language by the UI catalogue.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityLogEntry } from '../../../../src/wallet/activity/activity-api';
import { readCheckRecord } from '../../../../src/wallet/check/check-record';
import { checkRecordsDocument } from '../../../../src/ui/share/check-records-document';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';

/** A record as the activity log held it before reasons were codes. */
const KEPT_WITH_WORDS = {
  verdict: 'fail',
  checkedBy: 'Corner shop',
  asked: [{ en: 'Credential: Right to work', cy: 'Tystlythyr: Hawl i weithio' }, { en: 'Given name', cy: 'Enw cyntaf' }],
  checks: [
    { ok: true, message: { en: 'The issuer’s signature is genuine', cy: 'Mae llofnod y cyhoeddwr yn ddilys' } },
    { ok: false, message: { en: 'The issuer has revoked this credential', cy: "Mae'r cyhoeddwr wedi dirymu'r credyd hwn" } },
  ],
  seen: [{ label: { en: 'Given name', cy: 'Enw cyntaf' }, value: 'Ada' }],
  issuerName: { en: 'Home Office', cy: 'Y Swyddfa Gartref' },
};

/** The same check kept now: reasons and names as codes. */
const KEPT_WITH_CODES = {
  ...KEPT_WITH_WORDS,
  asked: [nameOfType(CREDENTIAL_TYPES.rightToWork), nameOfClaim(['given_name'])],
  checks: [{ code: 'signature', ok: true }, { code: 'status:revoked', ok: false }],
  seen: [{ label: nameOfClaim(['given_name']), value: 'Ada' }],
};

const entry = (check: unknown): ActivityLogEntry => ({ id: 'a1', at: '2026-11-30T10:00:00.000Z', kind: 'checked', claims: [], check: readCheckRecord(check)! });

describe('a kept check record read back', () => {
  it('keeps the words of a record kept before reasons were codes', () => {
    expect(readCheckRecord(KEPT_WITH_WORDS)?.checks).toEqual(KEPT_WITH_WORDS.checks);
  });

  it('keeps the codes of a record kept now, and drops a check or name of no known shape', () => {
    const read = readCheckRecord({ ...KEPT_WITH_CODES, checks: [...KEPT_WITH_CODES.checks, { ok: true }, 'junk'], asked: [...KEPT_WITH_CODES.asked, { of: 'type' }, 7] });
    expect(read?.checks).toEqual(KEPT_WITH_CODES.checks);
    expect(read?.asked).toEqual(KEPT_WITH_CODES.asked);
    expect(read?.seen).toEqual(KEPT_WITH_CODES.seen);
  });

  it('prints the same document either way, in English and in Welsh', () => {
    for (const language of ['en', 'cy'] as const) {
      const before = checkRecordsDocument([entry(KEPT_WITH_WORDS)], language, '2026-11-30T12:00:00.000Z');
      const now = checkRecordsDocument([entry(KEPT_WITH_CODES)], language, '2026-11-30T12:00:00.000Z');
      expect(now).toBe(before);
      expect(before).toContain(language === 'en' ? 'Failed: The issuer has revoked this credential' : 'Wedi methu: Mae&#39;r cyhoeddwr wedi dirymu&#39;r credyd hwn');
      expect(before).toContain(language === 'en' ? 'Credential: Right to work' : 'Tystlythyr: Hawl i weithio');
    }
  });
});
