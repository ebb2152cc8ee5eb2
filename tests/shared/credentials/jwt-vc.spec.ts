/** JWT-secured W3C VC Data Model 2.0 credentials (`typ` vc+jwt), as used for veteran cards. */
import { describe, expect, it } from 'vitest';
import { createPresentation, trustListFromIssuers, verifyCredential, verifyPresentation } from '../../../src/credentials/index';
import { ed25519Key, es256Key, holderKeyPair, NOW, NOW_S, nobleVerifier, signJwt, statusListToken, type TestKey } from './helpers';

const MOD = 'https://veterans.example.gov.uk';
const key = ed25519Key('vets-1');
const trustList = trustListFromIssuers([{ id: MOD, name: { en: 'Office for Veterans\' Affairs', cy: 'Swyddfa Materion Cyn-filwyr' }, keys: [key.jwk], types: ['VeteranCard'] }]);
const options = { trustList, verifier: nobleVerifier, now: NOW };

function card(overrides: Record<string, unknown> = {}, signer: TestKey = key, header: Record<string, unknown> = { typ: 'vc+jwt', kid: 'vets-1' }): string {
  return signJwt(header, {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'VeteranCard'],
    issuer: { id: MOD, name: 'OVA' },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2031-01-01T00:00:00Z',
    credentialSubject: { id: 'urn:uuid:1', name: 'Ada Lovelace', service: 'Royal Navy' },
    ...overrides,
  }, signer);
}

async function failedCheck(raw: string, name: string): Promise<string> {
  const report = await verifyCredential(raw, options);
  expect(report.valid).toBe(false);
  const c = report.checks.find((x) => x.name === name);
  expect(c?.ok).toBe(false);
  return c!.message;
}

export function jwtVcSpecs(): void {
  describe('JWT VC (vc+jwt)', () => {
    it('a veteran card verifies (EdDSA)', async () => {
      const report = await verifyCredential(card(), options);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report).toMatchObject({ valid: true, format: 'vc+jwt', type: 'VeteranCard', issuer: { id: MOD, name: 'Office for Veterans\' Affairs', nameCy: 'Swyddfa Materion Cyn-filwyr' } });
      expect(report.claims.credentialSubject).toEqual({ id: 'urn:uuid:1', name: 'Ada Lovelace', service: 'Royal Navy' });
    });
    it('issuer as a plain string, with a matching iss', async () => {
      expect((await verifyCredential(card({ issuer: MOD, iss: MOD }), options)).valid).toBe(true);
    });
    it('validUntil in the past / validFrom in the future', async () => {
      expect(await failedCheck(card({ validUntil: '2026-05-01T00:00:00Z' }), 'validity')).toMatch(/expired on 2026-05-01/);
      expect(await failedCheck(card({ validFrom: '2027-01-01T00:00:00Z' }), 'validity')).toMatch(/not valid until 2027-01-01/);
      expect(await failedCheck(card({ validUntil: 'next year' }), 'validity')).toMatch(/date-time/);
    });
    it('exp in the JWT claims counts too', async () => {
      expect(await failedCheck(card({ exp: NOW_S - 3600 }), 'validity')).toMatch(/expired/);
    });
    it('format errors: context, type, issuer, subject, typ, cty', async () => {
      expect(await failedCheck(card({ '@context': ['https://www.w3.org/2018/credentials/v1'] }), 'format')).toMatch(/2\.0/);
      expect(await failedCheck(card({ type: ['VeteranCard'] }), 'format')).toMatch(/VerifiableCredential/);
      expect(await failedCheck(card({ type: ['VerifiableCredential'] }), 'format')).toMatch(/what kind/);
      expect(await failedCheck(card({ issuer: 42 }), 'format')).toMatch(/issuer/);
      expect(await failedCheck(card({ iss: 'https://other.example' }), 'format')).toMatch(/two different issuers/);
      expect(await failedCheck(card({ credentialSubject: 'x' }), 'format')).toMatch(/credentialSubject/);
      expect(await failedCheck(card({}, key, { typ: 'JWT', kid: 'vets-1' }), 'format')).toMatch(/accepts dc\+sd-jwt and vc\+jwt/);
      expect(await failedCheck(card({}, key, { typ: 'vc+jwt', cty: 'json', kid: 'vets-1' }), 'format')).toMatch(/content type/);
    });
    it('a type the issuer may not issue', async () => {
      expect(await failedCheck(card({ type: ['VerifiableCredential', 'VeteranCard', 'DrivingLicence'] }), 'issuer-trusted')).toMatch(/DrivingLicence/);
    });
    it('a tampered card', async () => {
      const raw = card();
      const [h, , s] = raw.split('.');
      const other = card({ credentialSubject: { id: 'urn:uuid:1', name: 'Eve' } }).split('.')[1];
      expect(await failedCheck(`${h}.${other}.${s}`, 'signature')).toMatch(/altered/);
    });
    it('a card signed with a P-256 key under the issuer\'s EdDSA kid', async () => {
      expect(await failedCheck(card({}, es256Key('vets-1'), { typ: 'vc+jwt', kid: 'vets-1' }), 'signature')).toMatch(/key is a EdDSA key/);
    });
    it('status via a token status list', async () => {
      const uri = `${MOD}/status/7`;
      const token = statusListToken({ key, uri, statuses: [0, 1] });
      const revoked = await verifyCredential(card({ status: { status_list: { idx: 1, uri } } }), { ...options, fetchStatusList: async () => token });
      expect(revoked.status?.state).toBe('revoked');
      const ok = await verifyCredential(card({ status: { status_list: { idx: 0, uri } } }), { ...options, fetchStatusList: async () => token });
      expect(ok.valid).toBe(true);
    });
  });

  // Issue 11: a JWT VC cannot disclose selectively; it is presented whole as `<vc-jwt>~<kb-jwt>`,
  // with a KB-JWT (RFC 9901 §4.3) over the whole credential, signed with its cnf.jwk key.
  describe('JWT VC presented with proof of possession', () => {
    const AUD = 'satchel-in-person:abc';
    const NONCE = 'n-veteran-1';
    async function presented(o: { disclose?: (string | number | null)[][]; nonce?: string; signer?: CryptoKey } = {}) {
      const holder = await holderKeyPair();
      const raw = card({ cnf: { jwk: holder.jwk } });
      return createPresentation(raw, { disclose: o.disclose ?? [['credentialSubject', 'service']], audience: AUD, nonce: o.nonce ?? NONCE, holderKey: o.signer ?? holder.privateKey, now: NOW });
    }
    const check = (raw: string) => verifyPresentation(raw, { ...options, audience: AUD, nonce: NONCE });

    it('verifies, key-bound to the audience and nonce, with every claim of the card', async () => {
      const raw = await presented();
      expect(raw.split('~')).toHaveLength(2);
      const report = await check(raw);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report).toMatchObject({ valid: true, format: 'vc+jwt', type: 'VeteranCard' });
      expect(report.checks.find((c) => c.name === 'key-binding')?.ok).toBe(true);
      expect(report.claims.credentialSubject).toEqual({ id: 'urn:uuid:1', name: 'Ada Lovelace', service: 'Royal Navy' });
    });
    it('another nonce, another holder key, a bare card, a disclosure slipped in: refused', async () => {
      expect((await check(await presented({ nonce: 'other' }))).checks.find((c) => c.name === 'key-binding')).toMatchObject({ ok: false, code: 'wrong-nonce' });
      const stranger = await holderKeyPair();
      expect((await check(await presented({ signer: stranger.privateKey }))).checks.find((c) => c.name === 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
      const raw = await presented();
      const bare = raw.slice(0, raw.indexOf('~'));
      expect((await check(bare)).checks.find((c) => c.name === 'key-binding')).toMatchObject({ ok: false, code: 'missing' });
      const [jwt, kb] = raw.split('~');
      const slipped = await check(`${jwt}~WyJzYWx0IiwibmFtZSIsIkV2ZSJd~${kb}`);
      expect(slipped.valid).toBe(false);
      expect(slipped.checks.find((c) => c.name === 'format')?.ok).toBe(false);
    });
    it('a claim the card does not have cannot be asked for', async () => {
      await expect(presented({ disclose: [['credentialSubject', 'birth_date']] })).rejects.toThrow(/no claim/);
    });
  });
}
