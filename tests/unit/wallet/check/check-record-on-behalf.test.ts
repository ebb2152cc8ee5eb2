// A kept check's on-behalf outcome (CheckRecord.onBehalf) read back: the fields of their types
// only; a stored value of another shape is not read at all, never shown half-read.
import { describe, expect, it } from 'vitest';
import { readOnBehalfOutcome } from '../../../../src/wallet/check/check-on-behalf-record';
import { checkRecordOf, readCheckRecord } from '../../../../src/wallet/check/check-record';
import type { CheckResult } from '../../../../src/wallet/check/check-api';

const OUTCOME = {
  ok: false,
  failures: ['authority-revoked' as const],
  attorney: { givenName: 'Ada', familyName: 'Jones' },
  donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
  power: 'property-and-financial-affairs' as const,
  validUntil: '2027-12-01T00:00:00Z',
  reference: 'M-7321-4480-1123',
};

describe('CheckRecord.onBehalf', () => {
  it('is kept with the record and read back as it was', () => {
    const result: CheckResult = { ok: false, verdict: 'fail', reasons: [{ code: 'on-behalf:authority-revoked', ok: false }], claims: [], unrequested: [], elapsedMs: 1, onBehalf: OUTCOME };
    const record = checkRecordOf(result, {});
    expect(record.onBehalf).toEqual(OUTCOME);
    expect(readCheckRecord(JSON.parse(JSON.stringify(record)))?.onBehalf).toEqual(OUTCOME);
    expect(readCheckRecord(JSON.parse(JSON.stringify({ ...record, onBehalf: undefined })))?.onBehalf).toBeUndefined();
  });

  it('leaves out what is not of its type: unknown failures, a power it does not know, names that are not text', () => {
    expect(readOnBehalfOutcome({ ...OUTCOME, failures: ['authority-revoked', 'made-up', 7], power: 'everything', attorney: { givenName: 1, familyName: 'Jones' }, reference: { html: '<b>' } }))
      .toEqual({ ok: false, failures: ['authority-revoked'], donor: OUTCOME.donor, validUntil: OUTCOME.validUntil });
  });

  it('does not read a value of another shape', () => {
    for (const raw of [null, 'ok', [], { failures: [] }, { ok: 'yes', failures: [] }, { ok: true }]) expect(readOnBehalfOutcome(raw)).toBeUndefined();
  });

  it('cuts a name to 200 characters', () => {
    expect(readOnBehalfOutcome({ ok: true, failures: [], attorney: { givenName: 'A'.repeat(500), familyName: 'Jones' } })?.attorney?.givenName).toHaveLength(200);
  });
});
