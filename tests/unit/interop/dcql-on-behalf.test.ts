/**
 * Interop: the on-behalf purposes' DCQL queries (docs/carers.md) read by the OpenWallet
 * Foundation's `dcql` package (code we did not write). It parses and validates each query
 * (OpenID4VP 1.0 §6: credential queries, claims with `values`, credential_sets) and its matcher
 * decides whether a presentation answers it: with the authority of the power asked, both required
 * credential sets are met (§6.4.2); with the other power the authority query's `values` (§6.3)
 * are not, so the query is not satisfied.
 */
import { DcqlPresentationResult, DcqlQuery } from 'dcql';
import { describe, expect, it } from 'vitest';
import { AUTHORITY_TYPE, type AuthorityPower } from '../../../src/credentials/on-behalf';
import { AUTHORITY_QUERY_ID, CREDENTIAL_TYPES, dcqlFor } from '../../../src/wallet/shared/purposes';
import type { Purpose } from '../../../src/wallet/shared/types';

const CASES: { purpose: Purpose; power: AuthorityPower; other: AuthorityPower }[] = [
  { purpose: 'identity-for-finance', power: 'property-and-financial-affairs', other: 'health-and-welfare' },
  { purpose: 'identity-for-health', power: 'health-and-welfare', other: 'property-and-financial-affairs' },
];

/** Margaret's licence as the holder discloses it for the identity query (SD-JWT VC claims). */
const licence = {
  credential_format: 'dc+sd-jwt' as const,
  vct: CREDENTIAL_TYPES.drivingLicence,
  cryptographic_holder_binding: true,
  claims: { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', portrait: 'data:image/jpeg;base64,AAAA' },
};

/** Ada's lasting power of attorney for Margaret, with the given power. */
const authority = (power: AuthorityPower) => ({
  credential_format: 'dc+sd-jwt' as const,
  vct: AUTHORITY_TYPE,
  cryptographic_holder_binding: true,
  claims: {
    attorney_given_name: 'Ada',
    attorney_family_name: 'Jones',
    donor_given_name: 'Margaret',
    donor_family_name: 'Jones',
    donor_birth_date: '1951-05-14',
    power,
    reference: 'M-7321-4480-1123',
  },
});

function parsedQuery(purpose: Purpose): DcqlQuery {
  const query = DcqlQuery.parse(dcqlFor({ purpose }).query as DcqlQuery.Input);
  DcqlQuery.validate(query);
  return query;
}

describe('on-behalf DCQL queries read by the OpenWallet Foundation dcql package', () => {
  for (const { purpose, power, other } of CASES) {
    describe(purpose, () => {
      it('parses and validates, with the person query and the authority both required', () => {
        const query = parsedQuery(purpose);
        expect(query.credentials.map((c) => c.id)).toEqual(['identity', AUTHORITY_QUERY_ID]);
        expect(query.credential_sets).toHaveLength(2);
        expect(query.credential_sets!.every((set) => set.required !== false)).toBe(true);
        const authorityQuery = query.credentials.find((c) => c.id === AUTHORITY_QUERY_ID)!;
        expect(authorityQuery.format).toBe('dc+sd-jwt');
        expect(authorityQuery.claims).toContainEqual(expect.objectContaining({ path: ['power'], values: [power] }));
      });

      it('is satisfied by a presentation whose authority has the power asked', () => {
        const dcqlQuery = parsedQuery(purpose);
        const result = DcqlPresentationResult.fromDcqlPresentation({ identity: licence, [AUTHORITY_QUERY_ID]: authority(power) }, { dcqlQuery });
        expect(result.can_be_satisfied).toBe(true);
        expect(() => DcqlPresentationResult.validate(result)).not.toThrow();
      });

      it(`is not satisfied when the authority's power is ${other}`, () => {
        const dcqlQuery = parsedQuery(purpose);
        const result = DcqlPresentationResult.fromDcqlPresentation({ identity: licence, [AUTHORITY_QUERY_ID]: authority(other) }, { dcqlQuery });
        expect(result.can_be_satisfied).toBe(false);
        expect(result.credential_matches[AUTHORITY_QUERY_ID]?.success).toBe(false);
        expect(() => DcqlPresentationResult.validate(result)).toThrow();
      });

      it('is not satisfied without the authority', () => {
        const dcqlQuery = parsedQuery(purpose);
        const result = DcqlPresentationResult.fromDcqlPresentation({ identity: licence }, { dcqlQuery });
        expect(result.can_be_satisfied).toBe(false);
      });

      it("the wallet-side matcher finds the held authority of the power asked and not the other's", () => {
        const dcqlQuery = parsedQuery(purpose);
        expect(DcqlQuery.query(dcqlQuery, [licence, authority(power)]).can_be_satisfied).toBe(true);
        expect(DcqlQuery.query(dcqlQuery, [licence, authority(other)]).can_be_satisfied).toBe(false);
      });
    });
  }
});
