/** The checker's side of DCQL: each credential against its query (§6.4.1), the required queries answered (§6.4.2). */
import { describe, expect, it } from 'vitest';
import { parseDcqlQuery } from '../../../../src/protocols/openid4vp/dcql';
import { claimsAskedFor, credentialAnswers, unansweredQueries } from '../../../../src/wallet/check/check-answer';

const query = (extra: Record<string, unknown> = {}) =>
  parseDcqlQuery({
    credentials: [
      { id: 'a', format: 'dc+sd-jwt', meta: { vct_values: ['urn:a'] }, claims: [{ id: 'n', path: ['name'] }, { id: 'd', path: ['dob'] }, { id: 'o', path: ['over_18'], values: [true] }], claim_sets: [['n', 'd'], ['o']] },
      { id: 'b', format: 'dc+sd-jwt', meta: { vct_values: ['urn:b'] }, claims: [{ path: ['right'] }] },
      { id: 'c', format: 'dc+sd-jwt', meta: { vct_values: ['urn:c'] } },
    ],
    ...extra,
  });

describe('unansweredQueries (§6.4.2)', () => {
  it('without credential_sets every query is required', () => {
    expect(unansweredQueries(query(), new Set(['a', 'c']))).toEqual(['b']);
    expect(unansweredQueries(query(), new Set(['a', 'b', 'c']))).toEqual([]);
  });

  it('with credential_sets one option of each required set; optional sets may go unanswered; the nearest option is named', () => {
    const q = query({ credential_sets: [{ options: [['a', 'b'], ['c']] }, { options: [['b']], required: false }] });
    expect(unansweredQueries(q, new Set(['c']))).toEqual([]);
    expect(unansweredQueries(q, new Set(['a']))).toEqual(['b']);
    expect(unansweredQueries(q, new Set())).toEqual(['c']);
  });
});

describe('credentialAnswers (§6.4.1)', () => {
  const [a, b, c] = query().credentials;
  it('type, claims, claim_sets and values', () => {
    expect(credentialAnswers(a!, 'urn:a', { over_18: true })).toEqual({ typeOk: true, missing: [] });
    expect(credentialAnswers(a!, 'urn:a', { name: 'Ada', dob: '1990-01-01' })).toEqual({ typeOk: true, missing: [] });
    // Neither set met: the first (preferred) set's gaps are named; a value that is not allowed does not count.
    expect(credentialAnswers(a!, 'urn:a', { name: 'Ada', over_18: false })).toEqual({ typeOk: true, missing: [['dob']] });
    expect(credentialAnswers(b!, 'urn:a', { right: 'yes' })).toEqual({ typeOk: false, missing: [] });
    expect(credentialAnswers(b!, 'urn:b', {})).toEqual({ typeOk: true, missing: [['right']] });
    expect(credentialAnswers(c!, 'urn:c', {})).toEqual({ typeOk: true, missing: [] });
  });

  it('claimsAskedFor lists every path a query names', () => {
    expect(claimsAskedFor(a)).toEqual([['name'], ['dob'], ['over_18']]);
    expect(claimsAskedFor(c)).toEqual([]);
    expect(claimsAskedFor(undefined)).toEqual([]);
  });
});
