/**
 * Every bad input the issue lists: each must give valid:false with the right failed check and a
 * message, never an exception; wrong argument types throw TypeError naming the parameter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trustListFromIssuers, verifyCredential, verifyCredentials, type CheckCode, type VerificationReport } from '../../../src/credentials/index';
import { CLOCK_SKEW_S, MAX_CREDENTIAL_CHARS, MAX_DISCLOSURES } from '../../../src/credentials/limits';
import {
  b64uJson,
  b64uText,
  decodeJson,
  disclosureFor,
  ed25519Key,
  es256Key,
  ISSUER_ID,
  issueSdJwtVc,
  LICENCE_VCT,
  nobleVerifier,
  NOW,
  NOW_S,
  replaceSegment,
  signJwt,
  signSegments,
  type TestKey,
} from './helpers';

const key = es256Key('k1');
const trustList = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [key.jwk], types: [LICENCE_VCT] }]);
const options = { trustList, verifier: nobleVerifier, now: NOW };
const good = issueSdJwtVc({ key, sd: { given_name: 'Ada', family_name: 'Lovelace', address: { town: 'Cardiff' } }, decoys: 2 });

function failed(report: VerificationReport): { name: string; message: string }[] {
  return report.checks.filter((c) => !c.ok).map(({ name, message }) => ({ name, message }));
}

async function expectFailure(raw: string, check: string, message: RegExp, code: CheckCode = 'damaged'): Promise<VerificationReport> {
  const report = await verifyCredential(raw, options);
  expect(report.valid).toBe(false);
  const f = failed(report);
  expect(f.map((c) => c.name)).toContain(check);
  expect(f.find((c) => c.name === check)!.message).toMatch(message);
  expect(report.checks.find((c) => c.name === check)!.code).toBe(code);
  return report;
}

/** Re-signs an SD-JWT VC payload (after an edit) with the issuer key, keeping `disclosures`. */
function resign(payload: Record<string, unknown>, disclosures: string[], signer: TestKey = key, header: Record<string, unknown> = { typ: 'dc+sd-jwt', kid: 'k1' }): string {
  return `${signJwt(header, payload, signer)}~${disclosures.map((d) => `${d}~`).join('')}`;
}

function issuerPayload(raw: string): Record<string, unknown> {
  return decodeJson(raw.split('.')[1]!);
}

export function badInputSpecs(): void {
  describe('bad input', () => {
    it('the good credential verifies (control)', async () => {
      const report = await verifyCredential(good.raw, options);
      expect(failed(report)).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.claims).toMatchObject({ given_name: 'Ada', family_name: 'Lovelace', address: { town: 'Cardiff' } });
      expect(report.claims).not.toHaveProperty('_sd');
      expect(report.claims).not.toHaveProperty('_sd_alg');
    });

    describe('base64url', () => {
      it('a truncated payload segment', async () => {
        const [h, p] = good.raw.split('.') as [string, string];
        await expectFailure(replaceSegment(good.raw, 1, p.slice(0, -1)), 'format', /base64url|JSON/);
        void h;
      });
      it('a truncated signature', async () => {
        const sig = good.raw.split('~')[0]!.split('.')[2]!;
        await expectFailure(replaceSegment(good.raw, 2, sig.slice(0, -3)), 'format', /signature/);
      });
      it('a padded header', async () => {
        const h = good.raw.split('.')[0]!;
        await expectFailure(replaceSegment(good.raw, 0, `${h}==`), 'format', /base64url/);
      });
      it('standard base64 characters (+ and /) instead of base64url', async () => {
        const h = good.raw.split('.')[0]!;
        await expectFailure(replaceSegment(good.raw, 0, `${h.slice(0, -1)}+`), 'format', /base64url/);
      });
      it('a truncated disclosure', async () => {
        const d = good.disclosures.given_name!;
        await expectFailure(good.raw.replace(d, d.slice(0, -1)), 'disclosures', /Disclosure/);
      });
      it('a padded disclosure', async () => {
        const d = good.disclosures.given_name!;
        await expectFailure(good.raw.replace(d, `${d}=`), 'disclosures', /base64url/);
      });
      it('an empty disclosure (~~)', async () => {
        await expectFailure(good.raw.replace('~', '~~'), 'disclosures', /empty/);
      });
    });

    describe('JSON that is not an object', () => {
      it('a header that is an array', async () => {
        const jws = signSegments(b64uText('["ES256"]'), b64uJson(issuerPayload(good.raw)), key);
        await expectFailure(`${jws}~`, 'format', /header must be a JSON object/);
      });
      it('a payload that is a string', async () => {
        const jws = signSegments(b64uJson({ alg: 'ES256', typ: 'dc+sd-jwt', kid: 'k1' }), b64uText('"hello"'), key);
        await expectFailure(`${jws}~`, 'format', /payload must be a JSON object/);
      });
      it('a payload that is not JSON at all', async () => {
        const jws = signSegments(b64uJson({ alg: 'ES256', typ: 'dc+sd-jwt', kid: 'k1' }), b64uText('{"iss":'), key);
        await expectFailure(`${jws}~`, 'format', /not valid JSON/);
      });
      it('a disclosure that is an object instead of an array', async () => {
        const d = b64uText('{"salt":"x","name":"a"}');
        await expectFailure(`${good.raw}${d}~`, 'disclosures', /must be a JSON array/);
      });
      it('a disclosure with 4 elements', async () => {
        await expectFailure(`${good.raw}${disclosureFor('s', 'a', 1, 2).encoded}~`, 'disclosures', /4 elements/);
      });
      it('a disclosure whose salt is not a string', async () => {
        await expectFailure(`${good.raw}${disclosureFor(7, 'a', 1).encoded}~`, 'disclosures', /salt/);
      });
    });

    describe('disclosures', () => {
      it('a duplicate disclosure', async () => {
        await expectFailure(`${good.raw}${good.disclosures.given_name}~`, 'disclosures', /more than once/);
      });
      it('a disclosure whose digest is not referenced', async () => {
        await expectFailure(`${good.raw}${disclosureFor('salt', 'is_admin', true).encoded}~`, 'disclosures', /does not belong/);
      });
      it('a disclosure that would overwrite an existing claim', async () => {
        const d = disclosureFor('salt', 'family_name', 'Byron');
        const payload = { ...issuerPayload(good.raw), family_name: 'Lovelace', _sd: [d.digest] };
        await expectFailure(resign(payload, [d.encoded]), 'disclosures', /overwrite the existing claim "family_name"/);
      });
      it('two disclosures with the same claim name in one object', async () => {
        const a = disclosureFor('s1', 'family_name', 'Byron');
        const b = disclosureFor('s2', 'family_name', 'King');
        const payload = { ...issuerPayload(good.raw), _sd: [a.digest, b.digest] };
        await expectFailure(resign(payload, [a.encoded, b.encoded]), 'disclosures', /overwrite/);
      });
      for (const reserved of ['_sd', '...']) {
        it(`a disclosure using "${reserved}" as a claim name`, async () => {
          const d = disclosureFor('salt', reserved, ['x']);
          const payload = { ...issuerPayload(good.raw), _sd: [d.digest] };
          await expectFailure(resign(payload, [d.encoded]), 'disclosures', /reserved name/);
        });
      }
      it('an array-element disclosure referenced from _sd', async () => {
        const d = disclosureFor('salt', 'GB');
        const payload = { ...issuerPayload(good.raw), _sd: [d.digest] };
        await expectFailure(resign(payload, [d.encoded]), 'disclosures', /no claim name/);
      });
      it('a digest referenced twice', async () => {
        const d = disclosureFor('salt', 'nationality', 'GB');
        const payload = { ...issuerPayload(good.raw), _sd: [d.digest], other: { _sd: [d.digest] } };
        await expectFailure(resign(payload, [d.encoded]), 'disclosures', /more than once/);
      });
      it('an _sd that is not an array', async () => {
        const payload = { ...issuerPayload(good.raw), _sd: 'abc' };
        await expectFailure(resign(payload, []), 'disclosures', /not an array/);
      });
      it('an unsupported _sd_alg', async () => {
        const payload = { ...issuerPayload(good.raw), _sd_alg: 'sha-512' };
        await expectFailure(resign(payload, []), 'disclosures', /"sha-512", which Satchel does not support/);
      });
      it('a registered claim (exp) that was selectively disclosed', async () => {
        const { exp, ...rest } = issuerPayload(good.raw);
        const d = disclosureFor('salt', 'exp', exp);
        await expectFailure(resign({ ...rest, _sd: [d.digest] }, [d.encoded]), 'disclosures', /"exp" was selectively disclosed/);
      });
    });

    describe('tampering', () => {
      it('a tampered payload', async () => {
        const payload = { ...issuerPayload(good.raw), exp: NOW_S + 99 * 365 * 86_400 };
        const report = await expectFailure(replaceSegment(good.raw, 1, b64uJson(payload)), 'signature', /altered/, 'mismatch');
        expect(report.claims).toEqual({});
      });
      it('a tampered disclosure', async () => {
        const d = good.disclosures.given_name!;
        const forged = disclosureFor('salt-0-given_name', 'given_name', 'Eve').encoded;
        await expectFailure(good.raw.replace(d, forged), 'disclosures', /does not belong/);
      });
      it('a tampered signature', async () => {
        const sig = good.raw.split('~')[0]!.split('.')[2]!;
        const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
        await expectFailure(replaceSegment(good.raw, 2, flipped), 'signature', /altered/, 'mismatch');
      });
      it('signed by a key that is not the issuer\'s', async () => {
        const other = es256Key('k1');
        const forged = issueSdJwtVc({ key: other, sd: { given_name: 'Eve' } });
        await expectFailure(forged.raw, 'signature', /altered|not issued/, 'mismatch');
      });
    });

    describe('algorithms and headers', () => {
      const payload = issuerPayload(good.raw);
      it('alg none', async () => {
        await expectFailure(`${b64uJson({ alg: 'none', typ: 'dc+sd-jwt' })}.${b64uJson(payload)}.${b64uText('x'.repeat(64))}~`, 'format', /unsigned/);
      });
      it('alg none with an empty signature', async () => {
        await expectFailure(`${b64uJson({ alg: 'none', typ: 'dc+sd-jwt' })}.${b64uJson(payload)}.~`, 'format', /empty part|unsigned/);
      });
      it('HMAC (HS256)', async () => {
        await expectFailure(signSegments(b64uJson({ alg: 'HS256', typ: 'dc+sd-jwt' }), b64uJson(payload), key) + '~', 'format', /shared-secret/);
      });
      it('an algorithm not on the allow-list (RS256, ES384)', async () => {
        for (const alg of ['RS256', 'ES384', 'PS256']) {
          await expectFailure(signSegments(b64uJson({ alg, typ: 'dc+sd-jwt' }), b64uJson(payload), key) + '~', 'format', new RegExp(`algorithm ${alg}`));
        }
      });
      it('a crit header', async () => {
        await expectFailure(resign(payload, [], key, { typ: 'dc+sd-jwt', kid: 'k1', crit: ['exp'], exp: 1 }), 'format', /crit/);
      });
      it('a key that does not match the algorithm (EdDSA header, P-256 key)', async () => {
        const ed = ed25519Key('k1');
        await expectFailure(resign(payload, [], ed, { typ: 'dc+sd-jwt', kid: 'k1' }), 'signature', /EdDSA but the key is a ES256 key/, 'key-mismatch');
      });
      it('an unknown kid', async () => {
        await expectFailure(resign(payload, [], key, { typ: 'dc+sd-jwt', kid: 'nope' }), 'issuer-trusted', /"nope", which is not one of DVLA's keys/, 'unknown-key');
      });
      it('a typ that is not an SD-JWT VC', async () => {
        await expectFailure(resign(payload, [], key, { typ: 'JWT', kid: 'k1' }), 'format', /dc\+sd-jwt/);
      });
      it('the older typ vc+sd-jwt is still accepted', async () => {
        const report = await verifyCredential(resign(payload, [], key, { typ: 'vc+sd-jwt', kid: 'k1' }), options);
        expect(report.valid).toBe(true);
        expect(report.format).toBe('dc+sd-jwt');
      });
      it('an SD-JWT VC without the closing ~', async () => {
        await expectFailure(good.raw.split('~')[0]!, 'format', /cut short/);
      });
      it('an SD-JWT VC without vct or iss', async () => {
        const { vct, iss, ...rest } = payload;
        void iss;
        await expectFailure(resign({ ...rest, iss: ISSUER_ID }, []), 'format', /no vct/);
        await expectFailure(resign({ ...rest, vct }, []), 'format', /no iss/);
      });
    });

    describe(`validity (clock skew tolerance ${CLOCK_SKEW_S} s)`, () => {
      const payload = issuerPayload(good.raw);
      const at = (claims: Record<string, unknown>) => resign({ ...payload, ...claims }, []);
      it('expired', async () => {
        await expectFailure(at({ exp: NOW_S - CLOCK_SKEW_S - 1 }), 'validity', /expired on .*Ask the issuer/, 'expired');
      });
      it('expired, but within the tolerance', async () => {
        expect((await verifyCredential(at({ exp: NOW_S - CLOCK_SKEW_S + 1 }), options)).valid).toBe(true);
      });
      it('valid only in the future (nbf)', async () => {
        await expectFailure(at({ nbf: NOW_S + CLOCK_SKEW_S + 1 }), 'validity', /not valid until/, 'not-yet-valid');
      });
      it('nbf in the future within the tolerance', async () => {
        expect((await verifyCredential(at({ nbf: NOW_S + CLOCK_SKEW_S - 1 }), options)).valid).toBe(true);
      });
      it('issued in the future (iat)', async () => {
        await expectFailure(at({ iat: NOW_S + CLOCK_SKEW_S + 1 }), 'validity', /issued in the future/, 'issued-in-future');
      });
      it('an exp that is not a number', async () => {
        await expectFailure(at({ exp: '2030-01-01' }), 'validity', /not a date/);
      });
    });

    describe('size and depth limits', () => {
      it(`a credential over ${MAX_CREDENTIAL_CHARS} characters`, async () => {
        await expectFailure(good.raw + 'A'.repeat(MAX_CREDENTIAL_CHARS), 'format', /at most/, 'too-large');
      });
      it(`more than ${MAX_DISCLOSURES} disclosures`, async () => {
        const d = disclosureFor('s', 'x', 1).encoded;
        await expectFailure(good.raw + `${d}~`.repeat(MAX_DISCLOSURES + 1), 'disclosures', /at most/);
      });
      it('deeply nested JSON in the payload', async () => {
        const nested = '['.repeat(100) + ']'.repeat(100);
        const jws = signSegments(b64uJson({ alg: 'ES256', typ: 'dc+sd-jwt', kid: 'k1' }), b64uText(`{"iss":"x","deep":${nested}}`), key);
        await expectFailure(`${jws}~`, 'format', /nested more than/);
      });
      it('extremely deep nesting (60 000 levels, under the size limit) is refused without a stack overflow', async () => {
        const nested = '['.repeat(60_000) + ']'.repeat(60_000);
        const raw = `${b64uJson({ alg: 'ES256', typ: 'vc+jwt' })}.${b64uText(nested)}.${b64uText('x'.repeat(64))}`;
        await expectFailure(raw, 'format', /nested more than 32 levels/);
      });
      it('deeply nested JSON in a disclosure', async () => {
        const nested = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;
        const d = disclosureFor('salt', 'deep', nested);
        await expectFailure(resign({ ...issuerPayload(good.raw), _sd: [d.digest] }, [d.encoded]), 'disclosures', /nested more than/);
      });
    });

    describe('claim values are data', () => {
      it('markup stays a string; __proto__ and constructor are ordinary claim names', async () => {
        const a = disclosureFor('s1', '__proto__', { polluted: true });
        const b = disclosureFor('s2', 'given_name', '<img src=x onerror=alert(1)>');
        const c = disclosureFor('s3', 'constructor', 'x');
        const payload = { ...issuerPayload(good.raw), _sd: [a.digest, b.digest, c.digest] };
        const report = await verifyCredential(resign(payload, [a.encoded, b.encoded, c.encoded]), options);
        expect(report.valid).toBe(true);
        expect(report.claims.given_name).toBe('<img src=x onerror=alert(1)>');
        expect(Object.getPrototypeOf(report.claims)).toBe(Object.prototype);
        expect(Object.prototype.hasOwnProperty.call(report.claims, '__proto__')).toBe(true);
        expect((report.claims as { polluted?: unknown }).polluted).toBeUndefined();
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      });
    });

    describe('never throws on malformed input', () => {
      it('arbitrary strings give valid:false with a failed check', async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', '.', '~', '=', '-', 'e', 'y', 'J') })), async (raw) => {
            const report = await verifyCredential(raw, options);
            expect(report.valid).toBe(false);
            expect(report.checks.some((c) => !c.ok && c.message.length > 0)).toBe(true);
          }),
          { numRuns: 200 },
        );
      });
      it('mutating one character of a good credential never throws and never keeps it valid', async () => {
        await fc.assert(
          fc.asyncProperty(fc.nat({ max: good.raw.length - 2 }), fc.constantFrom('A', 'z', '0', '_', '.', '~', '='), async (i, ch) => {
            fc.pre(good.raw[i] !== ch);
            const raw = good.raw.slice(0, i) + ch + good.raw.slice(i + 1);
            const report = await verifyCredential(raw, options);
            // Flipping a base64url character can leave the decoded bytes unchanged only in the
            // padding bits, which strict decoding refuses; so every change must fail.
            expect(report.valid).toBe(false);
          }),
          { numRuns: 150 },
        );
      });
    });

    describe('misuse throws TypeError naming the parameter', () => {
      it('raw', async () => {
        await expect(verifyCredential(42 as unknown as string, options)).rejects.toThrow(/^raw must be a string/);
      });
      it('options', async () => {
        await expect(verifyCredential(good.raw, undefined as never)).rejects.toThrow(TypeError);
        await expect(verifyCredential(good.raw, { ...options, trustList: {} as never })).rejects.toThrow(/options\.trustList/);
        await expect(verifyCredential(good.raw, { ...options, verifier: {} as never })).rejects.toThrow(/options\.verifier/);
        await expect(verifyCredential(good.raw, { ...options, now: 'today' as never })).rejects.toThrow(/options\.now/);
        await expect(verifyCredential(good.raw, { ...options, fetchStatusList: 'x' as never })).rejects.toThrow(/options\.fetchStatusList/);
      });
      it('raws', async () => {
        await expect(verifyCredentials('x' as never, options)).rejects.toThrow(/^raws must be an array/);
        await expect(verifyCredentials(['x', 1 as never], options)).rejects.toThrow(/raws\[1\]/);
      });
      it('trustListFromIssuers', () => {
        expect(() => trustListFromIssuers({} as never)).toThrow(/^issuers must be an array/);
        expect(() => trustListFromIssuers([{ id: '', name: 'x', keys: [] }])).toThrow(/issuers\[0\]\.id/);
        expect(() => trustListFromIssuers([{ id: 'a', name: 'x', keys: [{ kty: 'RSA' }] }])).toThrow(/issuers\[0\]\.keys\[0\]/);
        expect(() => trustListFromIssuers([{ id: 'a', name: 'x', keys: [key.jwk], types: 'x' as never }])).toThrow(/issuers\[0\]\.types/);
      });
    });
  });
}
