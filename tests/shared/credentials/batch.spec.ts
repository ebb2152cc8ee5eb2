/** verifyCredentials: many credentials, one verifyBatch call; a broken verifier never validates. */
import { describe, expect, it } from 'vitest';
import { trustListFromIssuers, verifyCredential, verifyCredentials } from '../../../src/credentials/index';
import type { SignatureVerifier } from '../../../src/lib/signature-verifier';
import { ed25519Key, es256Key, issueSdJwtVc, LICENCE_VCT, NOW, recordingVerifier, replaceSegment, b64uJson, decodeJson, STATUS_URI, statusListToken, type TestKey } from './helpers';

const issuers: { id: string; key: TestKey }[] = Array.from({ length: 3 }, (_, i) => ({ id: `https://issuer-${i}.example.gov.uk`, key: i === 1 ? ed25519Key(`k${i}`) : es256Key(`k${i}`) }));
const trustList = trustListFromIssuers(issuers.map((i) => ({ id: i.id, name: `Issuer ${i.id}`, keys: [i.key.jwk], types: [LICENCE_VCT] })));

function credential(n: number): string {
  const issuer = issuers[n % issuers.length]!;
  return issueSdJwtVc({ key: issuer.key, plain: { iss: issuer.id }, sd: Object.fromEntries(Array.from({ length: 10 }, (_, j) => [`claim_${j}`, `${n}-${j}`])) }).raw;
}

export function batchSpecs(): void {
  describe('verifyCredentials batches', () => {
    it('30 credentials of 10 disclosures from 3 issuers: one verifyBatch call with 30 items, reports in order', async () => {
      const raws = Array.from({ length: 30 }, (_, n) => credential(n));
      const bad = 17;
      const payload = decodeJson(raws[bad]!.split('.')[1]!);
      raws[bad] = replaceSegment(raws[bad]!, 1, b64uJson({ ...payload, exp: 9_999_999_999 }));
      const verifier = recordingVerifier();
      const reports = await verifyCredentials(raws, { trustList, verifier, now: NOW });
      expect(verifier.batches.length).toBe(1);
      expect(verifier.batches[0]!.length).toBe(30);
      expect(reports.map((r, i) => (r.valid ? i : -i))).toEqual(raws.map((_, i) => (i === bad ? -i : i)));
      expect(reports[4]!.claims.claim_3).toBe('4-3');
      expect(reports[4]!.issuer.id).toBe(issuers[1]!.id);
    });
    it('an empty list makes no call', async () => {
      const verifier = recordingVerifier();
      expect(await verifyCredentials([], { trustList, verifier, now: NOW })).toEqual([]);
      expect(verifier.batches.length).toBe(0);
    });
    it('a status list shared by credentials is verified once, before it is inflated (draft-ietf-oauth-status-list §8.3), then the credentials in one batch', async () => {
      const issuer = issuers[0]!;
      const raws = [0, 1, 2].map((idx) => issueSdJwtVc({ key: issuer.key, plain: { iss: issuer.id }, status: { idx, uri: STATUS_URI } }).raw);
      const token = statusListToken({ key: issuer.key, statuses: [0, 0, 1] });
      const verifier = recordingVerifier();
      const reports = await verifyCredentials(raws, { trustList, verifier, now: NOW, fetchStatusList: async () => token });
      expect(verifier.batches.map((b) => b.length)).toEqual([1, 3]);
      expect(reports.map((r) => r.status?.state)).toEqual(['valid', 'valid', 'revoked']);
    });
    const broken: [string, SignatureVerifier][] = [
      ['throws', { verifyBatch: () => { throw new Error('worker died'); } }],
      ['rejects', { verifyBatch: () => Promise.reject(new Error('worker died')) }],
      ['answers too few', { verifyBatch: () => [] }],
      ['answers truthy non-booleans', { verifyBatch: (items) => items.map(() => 1 as unknown as boolean) }],
    ];
    for (const [name, verifier] of broken) {
      it(`a verifier that ${name} makes nothing valid and nothing throws`, async () => {
        const report = await verifyCredential(credential(0), { trustList, verifier, now: NOW });
        expect(report.valid).toBe(false);
        expect(report.checks.find((c) => c.name === 'signature')?.ok).toBe(false);
        expect(report.claims).toEqual({});
      });
    }
    it('an unexpected internal failure becomes a failed check, not an exception', async () => {
      const hostile = { signed: false, issuers: [new Proxy({}, { get: () => { throw new Error('boom'); } })], statusListSigners: [] } as unknown as typeof trustList;
      const report = await verifyCredential(credential(0), { trustList: hostile, verifier: recordingVerifier(), now: NOW });
      expect(report.valid).toBe(false);
      expect(report.checks).toEqual([{ name: 'format', ok: false, message: expect.stringMatching(/could not read/), code: 'damaged' }]);
    });
    it('a synchronous verifier works as well as an asynchronous one', async () => {
      const report = await verifyCredential(credential(1), { trustList, verifier: { verifyBatch: (items) => items.map(() => true) }, now: NOW });
      expect(report.valid).toBe(true);
    });
  });
}
