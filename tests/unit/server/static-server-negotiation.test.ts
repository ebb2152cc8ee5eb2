/**
 * Which coding the static server sends for an Accept-Encoding (RFC 9110 §12.5.3, qvalues §12.4.2),
 * given the pre-compressed copies a file has.
 */
import { describe, expect, it } from 'vitest';
import { chooseCoding, parseAcceptEncoding } from '../../../src/server/content-encoding';

const both = ['br', 'gzip'] as const;

describe('chooseCoding', () => {
  it.each([
    ['what Chromium sends', 'gzip, deflate, br, zstd', both, 'br'],
    ['br and gzip at equal q: br', 'gzip, br', both, 'br'],
    ['gzip only', 'gzip, deflate', both, 'gzip'],
    ['x-gzip is gzip (§8.4.1.3)', 'x-gzip', both, 'gzip'],
    ['names are case-insensitive', 'GZip, BR', both, 'br'],
    ['a higher q wins over the tie-break', 'br;q=0.5, gzip;q=0.8', both, 'gzip'],
    ['q=0 excludes br', 'br;q=0, gzip', both, 'gzip'],
    ['q=0 excludes both', 'br;q=0, gzip;q=0', both, 'identity'],
    ['identity asked for', 'identity', both, 'identity'],
    ['identity ranked above the codings', 'gzip;q=0.5, identity', both, 'identity'],
    ['identity ranked below a coding', 'gzip, identity;q=0.5', both, 'gzip'],
    ['* stands for every coding not listed', '*', both, 'br'],
    ['* with br refused: gzip', '*, br;q=0', both, 'gzip'],
    ['*;q=0 and nothing else acceptable: sent as it is rather than 406', '*;q=0', both, 'identity'],
    ['identity;q=0 with an acceptable coding', 'gzip, identity;q=0', both, 'gzip'],
    ['an empty value wants no coding (§12.5.3)', '', both, 'identity'],
    ['br accepted but only a gzip copy exists', 'br', ['gzip'] as const, 'identity'],
    ['the file has no copies', 'gzip, br', [] as const, 'identity'],
    ['the file has only a gzip copy', 'gzip, br', ['gzip'] as const, 'gzip'],
    ['a malformed q is ignored as if not sent', 'br;q=2, gzip;q=abc, identity', both, 'identity'],
    ['white space around parameters', 'br ; q=0.9 ,gzip;q=1.0', both, 'gzip'],
  ] as const)('%s: %j → %s', (_, header, available, expected) => {
    expect(chooseCoding(header, available)).toBe(expected);
  });

  it('sends identity when the request has no Accept-Encoding (a client that asked for nothing reads it)', () => {
    expect(chooseCoding(undefined, both)).toBe('identity');
  });

  it('reads a field sent on several lines as one list (§5.3)', () => {
    expect(chooseCoding(['br;q=0', 'gzip'], both)).toBe('gzip');
  });
});

describe('parseAcceptEncoding', () => {
  it('reads the RFC 9110 §12.5.3 examples', () => {
    expect([...parseAcceptEncoding('compress, gzip')]).toEqual([['compress', 1], ['gzip', 1]]);
    expect([...parseAcceptEncoding('')]).toEqual([]);
    expect([...parseAcceptEncoding('*')]).toEqual([['*', 1]]);
    expect([...parseAcceptEncoding('compress;q=0.5, gzip;q=1.0')]).toEqual([['compress', 0.5], ['gzip', 1]]);
    expect([...parseAcceptEncoding('gzip;q=1.0, identity; q=0.5, *;q=0')]).toEqual([['gzip', 1], ['identity', 0.5], ['*', 0]]);
  });
});
