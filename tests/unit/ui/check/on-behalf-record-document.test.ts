// A kept check on someone's behalf in the printable records document (check-records-document.ts):
// "Acting for someone" says who presented it for whom, or why it was not accepted, in the
// document's language, every name escaped as text.
import { describe, expect, it } from 'vitest';
import { checkRecordsDocument } from '../../../../src/ui/share/check-records-document';
import type { ActivityLogEntry } from '../../../../src/wallet/activity';
import type { CheckRecord } from '../../../../src/wallet/check';

const PASSED: CheckRecord['onBehalf'] = {
  ok: true,
  failures: [],
  attorney: { givenName: 'Ada', familyName: 'Jones' },
  donor: { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' },
  power: 'property-and-financial-affairs',
  validUntil: '2027-12-01T00:00:00Z',
};

const entry = (onBehalf: CheckRecord['onBehalf']): ActivityLogEntry => ({
  id: 'a1',
  kind: 'checked',
  at: '2026-12-01T10:00:00Z',
  check: { verdict: onBehalf?.ok ? 'pass' : 'fail', asked: [], checks: [], seen: [], ...(onBehalf ? { onBehalf } : {}) },
} as unknown as ActivityLogEntry);

describe('the records document on someone\'s behalf', () => {
  it('says who presented it for whom, under what and until when (English and Welsh)', () => {
    expect(checkRecordsDocument([entry(PASSED)], 'en', '2026-12-01T11:00:00Z')).toContain('<dt>Acting for someone</dt><dd>Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid until 1 December 2027</dd>');
    expect(checkRecordsDocument([entry(PASSED)], 'cy', '2026-12-01T11:00:00Z')).toContain('<dt>Gweithredu ar ran rhywun</dt><dd>Wedi’i gyflwyno gan Ada Jones ar ran Margaret Jones, o dan atwrneiaeth arhosol (eiddo a materion ariannol), yn ddilys tan 1 Rhagfyr 2027</dd>');
  });

  it('says why not, with whom the authority names, names escaped', () => {
    const html = checkRecordsDocument([entry({ ...PASSED, ok: false, failures: ['authority-revoked'], attorney: { givenName: '<script>x</script>', familyName: 'Jones' } })], 'en', '2026-12-01T11:00:00Z');
    expect(html).toContain('Not accepted as acting for someone: The authority to act for them has been cancelled. The authority shown says &lt;script&gt;x&lt;/script&gt; Jones may act for Margaret Jones.');
    expect(html).not.toContain('<script>');
  });

  it('says nothing of it for a check that was not on anyone\'s behalf', () => {
    expect(checkRecordsDocument([entry(undefined)], 'en', '2026-12-01T11:00:00Z')).not.toContain('Acting for someone');
  });
});
