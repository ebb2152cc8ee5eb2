/** A veteran card (a W3C VC 2.0 secured as a JWT, `vc+jwt`) in a test vault, as the reference "veterans" department issues it. */
import { es256Key, holderKeyPair, signJwt } from '../../shared/credentials/helpers';
import { NOW, type MemoryVault } from './share-fixtures';

export const VETERANS = 'https://veterans.example.gov.uk';
export const VETERANS_NAME = { en: "Office for Veterans' Affairs", cy: 'Swyddfa Materion Cyn-filwyr' };
export const SUBJECT = { given_name: 'Ada', family_name: 'Lovelace', service: 'Royal Navy', service_number: 'D123456A', service_left: '2012-08-31' };
export const veterans = es256Key('vets-1');

/** A veteran card as the reference "veterans" department issues it (src/server/reference/credential-signer.ts). */
export async function addVeteranCard(v: MemoryVault, id: string): Promise<string> {
  const holder = await holderKeyPair();
  const iat = Math.floor(NOW.getTime() / 1000) - 86400;
  const raw = signJwt({ typ: 'vc+jwt', kid: 'vets-1' }, {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'VeteranCard'],
    issuer: VETERANS,
    validFrom: new Date(iat * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    validUntil: '2031-01-01T00:00:00Z',
    credentialSubject: SUBJECT,
    iat,
    exp: Math.floor(Date.parse('2031-01-01T00:00:00Z') / 1000),
    cnf: { jwk: holder.jwk },
  }, veterans);
  v.credentials.push({ id, raw, format: 'vc+jwt', issuerName: VETERANS, type: 'VeteranCard', receivedAt: NOW.toISOString() });
  v.keys.set(id, holder.privateKey);
  return raw;
}

