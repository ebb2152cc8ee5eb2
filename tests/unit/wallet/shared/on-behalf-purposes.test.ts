/**
 * The on-behalf purposes (docs/carers.md): the identity purpose's person credential (the SD-JWT
 * licence or the mDL) AND the attorney's authority of the power asked, as one DCQL query with two
 * required credential sets (OpenID4VP 1.0 §6.2, §6.4.2) and the power as the `values` of its claim (§6.3).
 */
import { describe, expect, it } from 'vitest';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { encodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { matchQuery, parseDcqlQuery, type HeldCredential } from '../../../../src/protocols/openid4vp/dcql';
import { CREDENTIAL_TYPES, dcqlFor, isPurpose, MDL_DOCTYPE, MDL_NAMESPACE, PURPOSES, purposeAnswerFor } from '../../../../src/wallet/shared/purposes';

const AUTHORITY_ASKED = ['attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'];
const mdl: HeldCredential = { id: 'mum-mdl', format: 'mso_mdoc', type: MDL_DOCTYPE, claims: { [MDL_NAMESPACE]: { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', portrait: new Uint8Array([0xff]) } } };
const licence: HeldCredential = { id: 'mum-licence', format: 'dc+sd-jwt', type: CREDENTIAL_TYPES.drivingLicence, claims: { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', portrait: 'data:' } };
const authority = (power: string): HeldCredential => ({
  id: `lpa-${power}`,
  format: 'dc+sd-jwt',
  type: AUTHORITY_TYPE,
  claims: { attorney_given_name: 'Ada', attorney_family_name: 'Jones', donor_given_name: 'Margaret', donor_family_name: 'Jones', donor_birth_date: '1951-05-14', power, reference: 'M-7321-4480-1123' },
});

describe('identity-for-finance and identity-for-health', () => {
  it('are purposes, each naming its power', () => {
    expect(isPurpose('identity-for-finance')).toBe(true);
    expect(isPurpose('identity-for-health')).toBe(true);
    expect(PURPOSES['identity-for-finance'].authority).toEqual({ power: 'property-and-financial-affairs' });
    expect(PURPOSES['identity-for-health'].authority).toEqual({ power: 'health-and-welfare' });
    expect(PURPOSES.identity.authority).toBeUndefined();
  });

  it('ask the identity purpose\'s person credential and the authority of that power, both required', () => {
    const { query, requested, types } = dcqlFor({ purpose: 'identity-for-finance' });
    const identity = dcqlFor({ purpose: 'identity' }).query.credentials as unknown[];
    expect(query).toEqual({
      credentials: [
        // The SD-JWT licence only: the mDL's DeviceRequest would not fit the in-person request QR beside the authority.
        identity[0],
        {
          id: 'authority',
          format: 'dc+sd-jwt',
          meta: { vct_values: [AUTHORITY_TYPE] },
          claims: AUTHORITY_ASKED.map((name) => (name === 'power' ? { path: [name], values: ['property-and-financial-affairs'] } : { path: [name] })),
        },
      ],
      credential_sets: [{ options: [['identity']] }, { options: [['authority']] }],
    });
    // What the result lists as asked: the person's claims (the authority's are the on-behalf block's).
    expect(requested).toEqual([['given_name'], ['family_name'], ['birth_date'], ['portrait']]);
    expect(types).toEqual([CREDENTIAL_TYPES.drivingLicence]);
    const health = dcqlFor({ purpose: 'identity-for-health' }).query.credentials as { id: string; claims: { path: string[]; values?: string[] }[] }[];
    expect(health.find((c) => c.id === 'authority')!.claims.find((c) => c.path[0] === 'power')!.values).toEqual(['health-and-welfare']);
  });

  it('parse (§6) and match a holder of the licence and an authority of that power, not of another', () => {
    const query = parseDcqlQuery(dcqlFor({ purpose: 'identity-for-finance' }).query);
    expect(query.credentialSets).toEqual([{ options: [['identity']], required: true }, { options: [['authority']], required: true }]);
    const ok = matchQuery(query, [licence, authority('property-and-financial-affairs')]);
    expect(ok).toMatchObject({ satisfiable: true, toAnswer: ['identity', 'authority'] });
    expect(matchQuery(query, [licence, authority('health-and-welfare')]).satisfiable).toBe(false);
    expect(matchQuery(query, [licence]).satisfiable).toBe(false);
    expect(matchQuery(query, [mdl, authority('property-and-financial-affairs')]).satisfiable).toBe(false);
  });

  it('the licence answers the person query as for identity', () => {
    expect(purposeAnswerFor('identity-for-health', 'dc+sd-jwt', CREDENTIAL_TYPES.drivingLicence)?.claims).toEqual([['given_name'], ['family_name'], ['birth_date'], ['portrait']]);
    expect(purposeAnswerFor('identity-for-health', 'mso_mdoc', MDL_DOCTYPE)).toBeUndefined();
  });

  it('fit the in-person request QR (one code, at most 1,000 characters) with a verifier name of 80 characters', async () => {
    const { publicJwk } = await generateRecipientKey();
    for (const purpose of ['identity-for-finance', 'identity-for-health'] as const) {
      const text = await encodeRequestQr({
        clientId: 'satchel-in-person:abcdefghijklmnop', verifierName: 'V'.repeat(80), nonce: 'n'.repeat(22), dcqlQuery: dcqlFor({ purpose }).query,
        encryptionKey: { ...publicJwk, kid: 'abcdefgh' }, issuedAt: new Date(), expiresAt: new Date(Date.now() + 300_000), purpose,
      });
      expect(text.length).toBeLessThanOrEqual(1000);
    }
  });
});
