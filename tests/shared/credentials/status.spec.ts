/**
 * Token Status List checks through verifyCredential (draft-ietf-oauth-status-list §8.3), and the
 * two inflate paths (DecompressionStream and fflate) on the published encodings.
 */
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import encodings from '../../vectors/status-list/status_list_encoding_vectors.json';
import { trustListFromIssuers, verifyCredential, verifyCredentials } from '../../../src/credentials/index';
import { inflateWithFflate, inflateWithStream } from '../../../src/credentials/inflate';
import { CLOCK_SKEW_S, MAX_STATUS_LIST_BYTES } from '../../../src/credentials/limits';
import { base64urlDecode, base64urlEncode } from '../../../src/lib/base64url';
import { bytesEqual } from '../../../src/lib/bytes';
import { es256Key, ISSUER_ID, issueSdJwtVc, LICENCE_VCT, NOW, NOW_S, recordingVerifier, signJwt, STATUS_URI, statusListToken } from './helpers';

const issuerKey = es256Key('issuer-1');
const statusKey = es256Key('status-1');
const outsider = es256Key('status-1');
const trustList = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [issuerKey.jwk], types: [LICENCE_VCT] }], {
  statusListSigners: [{ id: 'https://status.example.gov.uk', keys: [statusKey.jwk], issuers: [ISSUER_ID] }],
});

function credentialAt(idx: number): string {
  return issueSdJwtVc({ key: issuerKey, sd: { given_name: 'Ada' }, status: { idx, uri: STATUS_URI } }).raw;
}

async function check(idx: number, token: string | (() => Promise<string>), list = trustList) {
  const fetched: string[] = [];
  const report = await verifyCredential(credentialAt(idx), {
    trustList: list,
    verifier: recordingVerifier(),
    now: NOW,
    fetchStatusList: async (uri) => {
      fetched.push(uri);
      return typeof token === 'string' ? token : token();
    },
  });
  return { report, fetched, status: report.checks.find((c) => c.name === 'status')! };
}

export function statusSpecs(): void {
  describe('status list checks', () => {
    const statuses = [0, 1, 2, 3, 0, 0, 1, 0];
    const iat = NOW_S - 3600;
    const token2 = statusListToken({ key: statusKey, bits: 2, statuses, iat, ttl: 7200 });

    it('valid (0): ok, with the list\'s time and refresh time', async () => {
      const { report, fetched, status } = await check(0, token2);
      expect(fetched).toEqual([STATUS_URI]);
      expect(status.ok).toBe(true);
      expect(report.valid).toBe(true);
      expect(report.status).toEqual({ state: 'valid', checkedAt: new Date(iat * 1000).toISOString().replace('.000Z', 'Z'), refreshAfter: new Date((iat + 7200) * 1000).toISOString().replace('.000Z', 'Z') });
    });
    it('revoked (1)', async () => {
      const { report, status } = await check(1, token2);
      expect(report.valid).toBe(false);
      expect(report.status?.state).toBe('revoked');
      expect(status.message).toMatch(/revoked/);
      expect(status.code).toBe('revoked');
    });
    it('suspended (2)', async () => {
      const { report } = await check(2, token2);
      expect(report.valid).toBe(false);
      expect(report.status?.state).toBe('suspended');
      expect(report.checks.find((c) => c.name === 'status')!.code).toBe('suspended');
    });
    it('an application-specific value (3) is unknown', async () => {
      const { report, status } = await check(3, token2);
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/status 3/);
    });
    for (const bits of [1, 4, 8] as const) {
      it(`bits ${bits}: reads the right entry`, async () => {
        const values = bits === 1 ? [0, 1, 0, 1, 1, 0, 0, 1, 1] : [0, 1, 2, 0, 1, 2, 2, 0, 1];
        const token = statusListToken({ key: statusKey, bits, statuses: values, iat });
        for (const idx of [0, 1, 7, 8]) {
          const expected = (['valid', 'revoked', 'suspended'] as const)[values[idx]!];
          expect((await check(idx, token)).report.status?.state, `idx ${idx}`).toBe(expected);
        }
      });
    }
    it('an index out of range is unknown, with a clear message', async () => {
      const { report, status } = await check(8 * 4, token2); // 8 statuses at 2 bits fill 2 bytes = 8 entries
      expect(report.valid).toBe(false);
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/outside the list, which has 8 entries/);
      expect(status.code).toBe('unknown');
    });
    it('a list signed by an untrusted key (right kid, wrong key) is not used', async () => {
      const { report, status } = await check(0, statusListToken({ key: outsider, bits: 2, statuses, iat }));
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/signature does not check out/);
    });
    it('a list signed by a key the trust list does not name is not used', async () => {
      const { report, status } = await check(0, statusListToken({ key: es256Key('stranger'), bits: 2, statuses, iat }));
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/not signed by a key Satchel trusts/);
    });
    it('a signer delegated for another issuer cannot vouch for this one', async () => {
      const list = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [issuerKey.jwk] }], {
        statusListSigners: [{ id: 'other', keys: [statusKey.jwk], issuers: ['https://home-office.example.gov.uk'] }],
      });
      const { report } = await check(0, token2, list);
      expect(report.status?.state).toBe('unknown');
    });
    it('the issuer\'s own key may sign its status list', async () => {
      const { report } = await check(0, statusListToken({ key: issuerKey, bits: 2, statuses, iat }));
      expect(report.status?.state).toBe('valid');
    });
    it('an expired list (exp) is unknown', async () => {
      const { report, status } = await check(0, statusListToken({ key: statusKey, bits: 2, statuses, iat, exp: NOW_S - CLOCK_SKEW_S - 1 }));
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/expired/);
    });
    it('a list past its ttl still answers but says it is due for a refresh', async () => {
      const { report, status } = await check(0, statusListToken({ key: statusKey, bits: 2, statuses, iat: NOW_S - 7200, ttl: 3600 }));
      expect(report.status?.state).toBe('valid');
      expect(status.message).toMatch(/due for a refresh/);
      expect(report.status?.refreshAfter).toBe(new Date((NOW_S - 3600) * 1000).toISOString().replace('.000Z', 'Z'));
    });
    it('a failed fetch is unknown', async () => {
      const { report, status } = await check(0, () => Promise.reject(new Error('offline')));
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/could not get/);
    });
    it('no fetcher: not checked, unknown', async () => {
      const report = await verifyCredential(credentialAt(0), { trustList, verifier: recordingVerifier(), now: NOW });
      expect(report.valid).toBe(false);
      expect(report.status?.state).toBe('unknown');
    });
    it('a token with the wrong typ or for another uri is unknown', async () => {
      expect((await check(0, statusListToken({ key: statusKey, statuses, typ: 'JWT' }))).status.message).toMatch(/not statuslist\+jwt/);
      expect((await check(0, statusListToken({ key: statusKey, statuses, uri: 'https://elsewhere.example/1' }))).status.message).toMatch(/different address/);
    });
    it('a list that inflates beyond the size limit is refused', async () => {
      const bomb = base64urlEncode(zlibSync(new Uint8Array(MAX_STATUS_LIST_BYTES + 1024)));
      const token = signJwt({ typ: 'statuslist+jwt', kid: 'status-1' }, { sub: STATUS_URI, iat, status_list: { bits: 1, lst: bomb } }, statusKey);
      const { report, status } = await check(0, token);
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/inflates to more than/);
    });
    it('a list is inflated only after its signature verifies: a bomb with a bad signature is refused for its signature (failed before the fix)', async () => {
      const bomb = base64urlEncode(zlibSync(new Uint8Array(MAX_STATUS_LIST_BYTES + 1024)));
      const forged = signJwt({ typ: 'statuslist+jwt', kid: 'status-1' }, { sub: STATUS_URI, iat, status_list: { bits: 1, lst: bomb } }, outsider);
      const { report, status } = await check(0, forged);
      expect(report.status?.state).toBe('unknown');
      expect(status.message).toMatch(/signature does not check out/);
      expect(status.message).not.toMatch(/inflates/);
    });
    it('a malformed status claim fails the status check', async () => {
      const raw = issueSdJwtVc({ key: issuerKey, plain: { status: { status_list: { idx: -1, uri: STATUS_URI } } } }).raw;
      const report = await verifyCredential(raw, { trustList, verifier: recordingVerifier(), now: NOW, fetchStatusList: async () => token2 });
      expect(report.checks.find((c) => c.name === 'status')).toMatchObject({ ok: false, message: expect.stringMatching(/idx/) });
    });
    it('many credentials on one list: fetched once, its signature checked once (before it is inflated), the credentials in one batch', async () => {
      const verifier = recordingVerifier();
      let fetches = 0;
      const raws = [0, 1, 2, 4, 5].map(credentialAt);
      const reports = await verifyCredentials(raws, { trustList, verifier, now: NOW, fetchStatusList: async () => (fetches++, token2) });
      expect(fetches).toBe(1);
      expect(verifier.batches.map((b) => b.length)).toEqual([1, raws.length]);
      expect(reports.map((r) => r.status?.state)).toEqual(['valid', 'revoked', 'suspended', 'valid', 'valid']);
    });
  });

  describe('inflate (DecompressionStream and fflate agree on the published encodings)', () => {
    for (const c of encodings.cases) {
      it(c.name, async () => {
        const data = base64urlDecode(c.json.lst)!;
        const a = await inflateWithFflate(data, MAX_STATUS_LIST_BYTES);
        expect(a.length).toBe(c.decompressed_byte_length);
        if (typeof DecompressionStream === 'function') expect(bytesEqual(await inflateWithStream(data, MAX_STATUS_LIST_BYTES), a)).toBe(true);
      });
    }
    it('both refuse corrupt and truncated data and enforce the cap', async () => {
      const data = base64urlDecode(encodings.cases[2]!.json.lst)!;
      const paths = [inflateWithFflate, ...(typeof DecompressionStream === 'function' ? [inflateWithStream] : [])];
      for (const inflate of paths) {
        await expect(inflate(Uint8Array.of(1, 2, 3, 4, 5), 1024)).rejects.toThrow(/not valid ZLIB/);
        await expect(inflate(data.subarray(0, data.length - 6), MAX_STATUS_LIST_BYTES)).rejects.toThrow(/not valid ZLIB/);
        await expect(inflate(data, 1000)).rejects.toThrow(/more than 1000 bytes/);
      }
    });
  });
}
