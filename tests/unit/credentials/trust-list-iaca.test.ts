/** The trust list's IACA roots (docs/credentials.md): each issuer's `iaca` certificates and the docTypes they may vouch for. */
import { describe, expect, it } from 'vitest';
import { parseTrustList, TRUST_LIST_TYP, trustListFromIssuers } from '../../../src/credentials/index';
import { es256Key, ISSUER_ID, nobleVerifier, NOW, NOW_S, signJwt } from '../../shared/credentials/helpers';
import { annexBPki } from './x509/test-pki';

const MDL = 'org.iso.18013.5.1.mDL';
const operator = es256Key('operator');
const dvla = es256Key('dvla-1');
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

function listWith(iaca: unknown): string {
  return signJwt({ typ: TRUST_LIST_TYP, kid: 'operator' }, {
    iss: 'https://trust.example.gov.uk', iat: NOW_S - 60, exp: NOW_S + 86_400,
    issuers: [{ id: ISSUER_ID, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, jwks: { keys: [dvla.jwk] }, types: [MDL], iaca }],
  }, operator);
}

const parse = (jwt: string) => parseTrustList(jwt, { pinnedKeys: [operator.jwk], verifier: nobleVerifier, now: NOW });

describe('trust list IACA roots', () => {
  it('a signed list carries each issuer\'s IACA certificates (base64 DER) with their docTypes', async () => {
    const { iaca } = annexBPki();
    const result = await parse(listWith([{ certificate: base64(iaca), doctypes: [MDL] }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trustList.issuers[0]!.iaca).toEqual([{ certificate: iaca, doctypes: [MDL] }]);
  });

  it('an issuer without iaca has none (JWT credentials only)', async () => {
    const result = await parse(listWith(undefined));
    expect(result.ok && result.trustList.issuers[0]!.iaca).toBeUndefined();
  });

  it.each([
    ['not a list', { certificate: 'MA==', doctypes: [MDL] }, /iaca must be a non-empty list/],
    ['an empty list', [], /iaca must be a non-empty list/],
    ['an entry that is not an object', ['MA=='], /IACA 1 is not an object/],
    ['a certificate that is not base64', [{ certificate: 'not base64!', doctypes: [MDL] }], /IACA 1 certificate must be a DER certificate in base64/],
    ['base64url instead of base64', [{ certificate: 'MIIB-_', doctypes: [MDL] }], /IACA 1 certificate must be a DER certificate in base64/],
    ['no doctypes', [{ certificate: 'MA==' }], /IACA 1 doctypes must be a non-empty list/],
    ['empty doctypes', [{ certificate: 'MA==', doctypes: [] }], /IACA 1 doctypes must be a non-empty list/],
  ])('a list whose iaca is %s is refused, keeping the last good list', async (_, iaca, message) => {
    const result = await parse(listWith(iaca));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/keeps using the last good trust list/);
    }
  });

  it('an unsigned test list takes IACA certificates as base64 or bytes; misuse is a TypeError naming the field', () => {
    const { iaca } = annexBPki();
    const list = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [dvla.jwk], iaca: [{ certificate: base64(iaca), doctypes: [MDL] }, { certificate: iaca, doctypes: [MDL] }] }]);
    expect(list.issuers[0]!.iaca).toEqual([{ certificate: iaca, doctypes: [MDL] }, { certificate: iaca, doctypes: [MDL] }]);
    expect(() => trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [], iaca: [{ certificate: '%%', doctypes: [MDL] }] }])).toThrow(/issuers\[0\]\.iaca\[0\]\.certificate must be a DER certificate/);
    expect(() => trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [], iaca: [{ certificate: iaca, doctypes: [1 as unknown as string] }] }])).toThrow(TypeError);
  });
});
