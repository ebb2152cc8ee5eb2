/**
 * The trust list's verifier register (docs/credentials.md, "The verifier register"): the register
 * CA certificates a signed request's x5c must chain to, and each registered verifier with its
 * name, registration and what it may ask for.
 */
import { describe, expect, it } from 'vitest';
import { parseTrustList, prepareTrustList, TRUST_LIST_TYP, trustListFromIssuers } from '../../../src/credentials/index';
import { es256Key, ISSUER_ID, LICENCE_VCT, nobleVerifier, NOW, NOW_S, signJwt } from '../../shared/credentials/helpers';
import { annexBPki } from './x509/test-pki';

const MDL = 'org.iso.18013.5.1.mDL';
const operator = es256Key('operator');
const dvla = es256Key('dvla-1');
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const anchor = annexBPki().iaca;

function jobs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'GB-VR-0001',
    name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' },
    registration: { en: 'Registered to check the right to work and identity', cy: "Wedi'i gofrestru i wirio'r hawl i weithio a hunaniaeth" },
    permitted: [{ types: [LICENCE_VCT], claims: [['given_name'], ['family_name']] }, { types: [MDL], claims: [['org.iso.18013.5.1', 'given_name'], ['addresses', null, 'postcode'], ['nationalities', 0]] }],
    ...overrides,
  };
}

function register(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { anchors: [base64(anchor)], verifiers: [jobs()], ...overrides };
}

function listWith(verifierRegister: unknown): string {
  return signJwt({ typ: TRUST_LIST_TYP, kid: 'operator' }, {
    iss: 'https://trust.example.gov.uk', iat: NOW_S - 60, exp: NOW_S + 86_400,
    issuers: [{ id: ISSUER_ID, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, jwks: { keys: [dvla.jwk] }, types: [LICENCE_VCT] }],
    ...(verifierRegister === undefined ? {} : { verifier_register: verifierRegister }),
  }, operator);
}

const parse = (jwt: string) => parseTrustList(jwt, { pinnedKeys: [operator.jwk], verifier: nobleVerifier, now: NOW });

describe('trust list verifier register', () => {
  it('a signed list carries the register: its anchors (base64 DER) and each verifier with name, registration and permitted requests', async () => {
    const result = await parse(listWith(register()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trustList.verifierRegister).toEqual({
      anchors: [anchor],
      verifiers: [{
        id: 'GB-VR-0001',
        name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' },
        registration: { en: 'Registered to check the right to work and identity', cy: "Wedi'i gofrestru i wirio'r hawl i weithio a hunaniaeth" },
        permitted: [{ types: [LICENCE_VCT], claims: [['given_name'], ['family_name']] }, { types: [MDL], claims: [['org.iso.18013.5.1', 'given_name'], ['addresses', null, 'postcode'], ['nationalities', 0]] }],
      }],
    });
    expect(result.trustList.verifierRegister!.anchors[0]).toBeInstanceOf(Uint8Array);
  });

  it('a list without a register has none: no verifier can be confirmed', async () => {
    const result = await parse(listWith(undefined));
    expect(result.ok).toBe(true);
    expect(result.ok && result.trustList.verifierRegister).toBeUndefined();
  });

  it('a register with no verifiers yet is kept (its anchors still say which certificates are the register\'s)', async () => {
    const result = await parse(listWith(register({ verifiers: [] })));
    expect(result.ok && result.trustList.verifierRegister).toEqual({ anchors: [anchor], verifiers: [] });
  });

  it.each([
    ['not an object', ['GB-VR-0001'], /verifier_register must be an object/],
    ['without anchors', register({ anchors: undefined }), /register anchors must be a non-empty list/],
    ['with empty anchors', register({ anchors: [] }), /register anchors must be a non-empty list/],
    ['with an anchor that is not base64', register({ anchors: ['not base64!'] }), /register anchor 1 must be a DER certificate in base64/],
    ['with an anchor in base64url', register({ anchors: ['MIIB-_'] }), /register anchor 1 must be a DER certificate in base64/],
    ['with an empty anchor', register({ anchors: [''] }), /register anchor 1 must be a DER certificate in base64/],
    ['without verifiers', register({ verifiers: undefined }), /register verifiers must be a list/],
    ['with a verifier that is not an object', register({ verifiers: ['GB-VR-0001'] }), /Registered verifier 1 is not an object/],
    ['with a verifier without an id', register({ verifiers: [jobs({ id: '' })] }), /Registered verifier 1 id must be a non-empty string/],
    ['with a verifier without a name', register({ verifiers: [jobs({ name: 'Example Jobs Ltd' })] }), /Registered verifier 1 \(GB-VR-0001\) has no name object \{ en, cy \}/],
    ['with a verifier without a Welsh name', register({ verifiers: [jobs({ name: { en: 'Example Jobs Ltd' } })] }), /Registered verifier 1 \(GB-VR-0001\) Welsh name must be a non-empty string/],
    ['with a verifier without a registration', register({ verifiers: [jobs({ registration: undefined })] }), /Registered verifier 1 \(GB-VR-0001\) has no registration object \{ en, cy \}/],
    ['with a verifier without an English registration', register({ verifiers: [jobs({ registration: { cy: 'Cofrestredig' } })] }), /Registered verifier 1 \(GB-VR-0001\) English registration must be a non-empty string/],
    ['with a verifier without permitted requests', register({ verifiers: [jobs({ permitted: [] })] }), /Registered verifier 1 \(GB-VR-0001\) permitted must be a non-empty list/],
    ['with a permitted entry that is not an object', register({ verifiers: [jobs({ permitted: [[MDL]] })] }), /Registered verifier 1 \(GB-VR-0001\) permitted 1 is not an object/],
    ['with a permitted entry without types', register({ verifiers: [jobs({ permitted: [{ types: [], claims: [['age_over_18']] }] })] }), /permitted 1 types must be a non-empty list of strings/],
    ['with a permitted entry without claims', register({ verifiers: [jobs({ permitted: [{ types: [MDL] }] })] }), /permitted 1 claims must be a non-empty list of claim paths/],
    ['with a claim path that is empty', register({ verifiers: [jobs({ permitted: [{ types: [MDL], claims: [[]] }] })] }), /permitted 1 claim 1 must be a non-empty claims path/],
    ['with a claim path that is a string', register({ verifiers: [jobs({ permitted: [{ types: [MDL], claims: ['age_over_18'] }] })] }), /permitted 1 claim 1 must be a non-empty claims path/],
    ['with a claim path holding a negative index', register({ verifiers: [jobs({ permitted: [{ types: [MDL], claims: [['nationalities', -1]] }] })] }), /permitted 1 claim 1 must be a non-empty claims path/],
    ['with a claim path holding an object', register({ verifiers: [jobs({ permitted: [{ types: [MDL], claims: [[{ name: 'x' }]] }] })] }), /permitted 1 claim 1 must be a non-empty claims path/],
    ['naming one verifier twice', register({ verifiers: [jobs(), jobs({ name: { en: 'Impostor Ltd', cy: 'Twyllwr Cyf' } })] }), /The verifier register names GB-VR-0001 twice/],
  ])('a list whose register is %s is refused, keeping the last good list', async (_, verifierRegister, message) => {
    const result = await parse(listWith(verifierRegister));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/keeps using the last good trust list/);
    }
  });

  it('prepareTrustList writes the register in the format parseTrustList reads', async () => {
    const unsigned = prepareTrustList({
      alg: 'ES256', kid: 'operator', operator: 'https://trust.example.gov.uk', issuedAt: new Date((NOW_S - 60) * 1000), expiresAt: new Date((NOW_S + 86_400) * 1000),
      issuers: [{ id: ISSUER_ID, name: { en: 'DVLA', cy: 'DVLA' }, keys: [dvla.jwk], types: [LICENCE_VCT] }],
      verifierRegister: { anchors: [base64(anchor)], verifiers: [{ id: 'GB-VR-0002', name: { en: 'Corner Shop', cy: 'Siop y Gornel' }, registration: { en: 'Registered to check age', cy: 'Wedi’i gofrestru i wirio oedran' }, permitted: [{ types: [MDL], claims: [['org.iso.18013.5.1', 'age_over_18']] }] }] },
    });
    const jwt = unsigned.finish(operator.sign(new TextEncoder().encode(unsigned.signingInput)));
    const result = await parse(jwt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trustList.verifierRegister!.verifiers.map((v) => v.id)).toEqual(['GB-VR-0002']);
    expect(result.trustList.verifierRegister!.anchors).toEqual([anchor]);
  });

  it('an unsigned test list takes a register with anchors as base64 or bytes; misuse is a TypeError naming the field', () => {
    const verifier = { id: 'GB-VR-0001', name: { en: 'Example Jobs Ltd' }, registration: { en: 'Registered to check the right to work' }, permitted: [{ types: [LICENCE_VCT], claims: [['given_name']] }] };
    const list = trustListFromIssuers([], { verifierRegister: { anchors: [base64(anchor), anchor], verifiers: [verifier] } });
    expect(list.verifierRegister).toEqual({ anchors: [anchor, anchor], verifiers: [verifier] });
    expect(trustListFromIssuers([]).verifierRegister).toBeUndefined();
    expect(() => trustListFromIssuers([], { verifierRegister: { anchors: ['%%'], verifiers: [] } })).toThrow(/options\.verifierRegister\.anchors\[0\] must be a DER certificate/);
    expect(() => trustListFromIssuers([], { verifierRegister: { anchors: [anchor], verifiers: [{ ...verifier, id: '' }] } })).toThrow(/options\.verifierRegister\.verifiers\[0\]\.id/);
    expect(() => trustListFromIssuers([], { verifierRegister: { anchors: [anchor], verifiers: [{ ...verifier, permitted: [{ types: [MDL], claims: [[true as unknown as string]] }] }] } })).toThrow(TypeError);
    expect(() => trustListFromIssuers([], { verifierRegister: { anchors: [anchor], verifiers: [verifier, verifier] } })).toThrow(/GB-VR-0001 twice/);
  });
});
