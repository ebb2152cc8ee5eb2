/**
 * Satchel's one formatting module (src/lib/format.ts, through src/ui/i18n/format.ts): dates and times in GOV.UK style
 * ("30 November 2027", "30 November 2026 at 11:49am") in English and Welsh, relative times,
 * storage sizes. Welsh comes from Satchel's own words, so the result is the same whether or not
 * the browser's Intl has Welsh data (Chromium's often does not: months and "this minute" came out
 * in English).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatRelative, isoDate } from '../../../../src/ui/i18n/format';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

function withoutWelshIntl(): void {
  // A browser without Welsh locale data: every Intl formatter falls back to English.
  const RealDate = Intl.DateTimeFormat;
  const RealRelative = Intl.RelativeTimeFormat;
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(((_locale: unknown, options: Intl.DateTimeFormatOptions) => new RealDate('en-US', options)) as never);
  vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(((_locale: unknown, options: Intl.RelativeTimeFormatOptions) => new RealRelative('en-US', options)) as never);
  vi.spyOn(Date.prototype, 'toLocaleDateString').mockImplementation(function (this: Date) { return `${this.getMonth() + 1}/${this.getDate()}/${this.getFullYear()}`; });
}

afterEach(() => vi.restoreAllMocks());

describe.each([
  ['with the Intl data this runtime has', () => undefined],
  ['with no Welsh data in Intl', withoutWelshIntl],
])('formatting %s', (_name, setUp) => {
  it('writes dates out in GOV.UK style, with Welsh month names', () => {
    setUp();
    expect(formatDate(local(2027, 11, 30), 'en')).toBe('30 November 2027');
    expect(formatDate(local(2027, 11, 30), 'cy')).toBe('30 Tachwedd 2027');
    const welshMonths = Array.from({ length: 12 }, (_, i) => formatDate(local(2026, i + 1, 1), 'cy').split(' ')[1]);
    expect(welshMonths).toEqual(['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr']);
  });

  it('reads a calendar date (ISO 8601 full-date) as that day in every time zone', () => {
    setUp();
    expect(formatDate('1984-03-09', 'en')).toBe('9 March 1984');
    expect(formatDate('1984-03-09', 'cy')).toBe('9 Mawrth 1984');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('writes times as GOV.UK does: 11:49am, 5pm, midday, midnight', () => {
    setUp();
    expect(formatDateTime(local(2026, 11, 30, 11, 49), 'en')).toBe('30 November 2026 at 11:49am');
    expect(formatDateTime(local(2026, 11, 30, 17, 0), 'en')).toBe('30 November 2026 at 5pm');
    expect(formatDateTime(local(2026, 11, 30, 12, 0), 'en')).toBe('30 November 2026 at midday');
    expect(formatDateTime(local(2026, 11, 30, 0, 0), 'en')).toBe('30 November 2026 at midnight');
    expect(formatDateTime(local(2026, 11, 30, 11, 49), 'cy')).toBe('30 Tachwedd 2026 am 11:49yb');
    expect(formatDateTime(local(2026, 11, 30, 17, 5), 'cy')).toBe('30 Tachwedd 2026 am 5:05yh');
    expect(formatDateTime(local(2026, 11, 30, 12, 0), 'cy')).toBe('30 Tachwedd 2026 am ganol dydd');
  });

  it('says how long ago in words, in English and Welsh', () => {
    setUp();
    const now = local(2026, 11, 30, 12, 0).getTime();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(formatRelative(ago(20_000), now, 'en')).toBe('less than a minute ago');
    expect(formatRelative(ago(20_000), now, 'cy')).toBe('llai na munud yn ôl');
    expect(formatRelative(ago(60_000), now, 'en')).toBe('1 minute ago');
    expect(formatRelative(ago(5 * 60_000), now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(ago(5 * 60_000), now, 'cy')).toBe('5 munud yn ôl');
    expect(formatRelative(ago(3 * 3_600_000), now, 'en')).toBe('3 hours ago');
    expect(formatRelative(ago(3 * 3_600_000), now, 'cy')).toBe('3 awr yn ôl');
    expect(formatRelative(ago(26 * 3_600_000), now, 'en')).toBe('1 day ago');
    expect(formatRelative(ago(4 * 86_400_000), now, 'cy')).toBe('4 diwrnod yn ôl');
    expect(formatRelative(new Date(now + 2 * 3_600_000).toISOString(), now, 'en')).toBe('in 2 hours');
    expect(formatRelative(new Date(now + 2 * 3_600_000).toISOString(), now, 'cy')).toBe('ymhen 2 awr');
    // A month or more: the date itself says more than "45 days ago".
    expect(formatRelative(local(2026, 10, 1, 9, 0).toISOString(), now, 'cy')).toBe('1 Hydref 2026');
  });

  it('gives storage sizes in the unit that reads best', () => {
    setUp();
    expect(formatBytes(1_700_000, 'en')).toBe('1.7 MB');
    expect(formatBytes(10_739_100_000, 'en')).toBe('10.7 GB');
    expect(formatBytes(10_739_100_000, 'cy')).toBe('10.7 GB');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(512, 'cy')).toBe('512 beit');
    expect(formatBytes(2_400, 'en')).toBe('2.4 kB');
    expect(formatBytes(1_234_500_000_000, 'en')).toBe('1,234.5 GB');
  });
});

describe('isoDate', () => {
  it('knows an ISO 8601 date or date-time from other text', () => {
    expect(isoDate('2010-03-01')).toBe(true);
    expect(isoDate('2026-11-30T11:49:00Z')).toBe(true);
    expect(isoDate('2026-11-30T11:49:00.123+01:00')).toBe(true);
    expect(isoDate('D123456A')).toBe(false);
    expect(isoDate('2010-13-01')).toBe(false);
  });
});
