/**
 * An offered authority to act for someone (AUTHORITY_TYPE, docs/carers.md) is marked `holdersOwn`
 * on the review's summary: it is always kept in the holder's own space (store-credential.ts), so the
 * review does not ask "Whose is this?". Any other credential is not marked.
 */
import { describe, expect, it } from 'vitest';
import type { TrustedIssuer } from '../../../../src/credentials/index';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import type { CredentialOffer, IssuerMetadata } from '../../../../src/protocols/openid4vci/index';
import { offerSummary } from '../../../../src/wallet/receive/offer-summary';

const issuer = { id: 'https://opg.example.gov.uk', name: { en: 'Office of the Public Guardian', cy: 'Swyddfa’r Gwarcheidwad Cyhoeddus' }, types: [AUTHORITY_TYPE, 'https://satchel.example/credentials/driving-licence'] } as unknown as TrustedIssuer;
const metadata = {
  configurations: {
    lasting_power_of_attorney: { format: 'dc+sd-jwt', vct: AUTHORITY_TYPE, display: [{ name: 'Lasting power of attorney', locale: 'en' }] },
    driving_licence: { format: 'dc+sd-jwt', vct: 'https://satchel.example/credentials/driving-licence' },
  },
} as unknown as IssuerMetadata;
const offer = (ids: string[]) => ({ credentialIssuer: issuer.id, configurationIds: ids, preAuthorizedCode: 'code' }) as unknown as CredentialOffer;

describe('offer summary: whose an offered credential can be', () => {
  it('marks an authority as the holder\'s own, and nothing else', () => {
    const summary = offerSummary('o1', offer(['lasting_power_of_attorney', 'driving_licence']), issuer, metadata);
    expect(summary.credentials.map((c) => [c.configurationId, c.holdersOwn])).toEqual([
      ['lasting_power_of_attorney', true],
      ['driving_licence', undefined],
    ]);
  });
});
