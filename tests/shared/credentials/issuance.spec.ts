/** prepareSdJwtVc / prepareTrustList (issuer side) produce what the verifier side accepts. */
import { describe, expect, it } from 'vitest';
import { parseTrustList, prepareSdJwtVc, prepareTrustList, verifyCredential } from '../../../src/credentials/index';
import { parseSdJwt } from '../../../src/credentials/formats/sd-jwt-vc/sd-jwt';
import { decodeJson, ed25519Key, es256Key, ISSUER_ID, LICENCE_VCT, nobleVerifier, NOW, NOW_S } from './helpers';

const enc = new TextEncoder();

export function issuanceSpecs(): void {
  describe('issuance helpers', () => {
    const operator = ed25519Key('op-1');
    const issuer = es256Key('dvla-1');
    const claims = { iss: ISSUER_ID, vct: LICENCE_VCT, iat: NOW_S - 60, exp: NOW_S + 86_400 };
    const disclosable = { given_name: 'Ada', address: { town: 'Cardiff' }, over_18: true };

    it('a signed trust list and an SD-JWT VC made here verify here', async () => {
      const list = prepareTrustList({
        alg: 'EdDSA',
        kid: 'op-1',
        operator: 'https://trust.example.gov.uk',
        issuedAt: new Date((NOW_S - 60) * 1000),
        expiresAt: new Date((NOW_S + 86_400) * 1000),
        issuers: [{ id: ISSUER_ID, name: { en: 'DVLA', cy: 'DVLA (cy)' }, keys: [issuer.jwk], types: [LICENCE_VCT] }],
      });
      const parsed = await parseTrustList(list.finish(operator.sign(enc.encode(list.signingInput))), { pinnedKeys: [operator.jwk], verifier: nobleVerifier, now: NOW });
      if (!parsed.ok) throw new Error(parsed.message);

      const vc = prepareSdJwtVc({ alg: 'ES256', kid: 'dvla-1', claims, disclosable, decoys: 3 });
      const raw = vc.finish(issuer.sign(enc.encode(vc.signingInput)));
      const report = await verifyCredential(raw, { trustList: parsed.trustList, verifier: nobleVerifier, now: NOW });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.claims).toEqual({ ...claims, ...disclosable });
      expect(report.issuer.nameCy).toBe('DVLA (cy)');
    });
    it('digests are sorted, decoys added, salts random and 128-bit', () => {
      const vc = prepareSdJwtVc({ alg: 'ES256', claims, disclosable, decoys: 3 });
      const raw = vc.finish(new Uint8Array(64));
      const sd = parseSdJwt(raw);
      const digests = decodeJson(vc.signingInput.split('.')[1]!)._sd as string[];
      expect(digests.length).toBe(6);
      expect([...digests].sort()).toEqual(digests);
      const salts = sd.disclosures.map((d) => d.salt);
      expect(new Set(salts).size).toBe(3);
      for (const s of salts) expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });
    it('misuse throws TypeError naming the parameter', () => {
      expect(() => prepareSdJwtVc({ alg: 'HS256' as never, claims })).toThrow(/input\.alg/);
      expect(() => prepareSdJwtVc({ alg: 'ES256', claims: { vct: LICENCE_VCT } })).toThrow(/input\.claims/);
    });
  });
}
