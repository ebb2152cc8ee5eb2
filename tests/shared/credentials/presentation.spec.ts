/** createPresentation (holder, WebCrypto key) and verifyPresentation (verifier): RFC 9901 §4.3, §7.3. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPresentation, trustListFromIssuers, verifyPresentation, type PresentationOptions } from '../../../src/credentials/index';
import { CLOCK_SKEW_S, KB_JWT_MAX_AGE_S } from '../../../src/credentials/limits';
import { parseSdJwt } from '../../../src/credentials/formats/sd-jwt-vc/sd-jwt';
import { b64uJson, decodeJson, disclosureFor, digestOf, es256Key, holderKeyPair, ISSUER_ID, LICENCE_VCT, nobleVerifier, NOW, NOW_S, recordingVerifier, signJwt, signSegments } from './helpers';

const issuer = es256Key('dvla-1');
const trustList = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [issuer.jwk], types: [LICENCE_VCT] }]);
const AUD = 'https://shop.example.co.uk';
const NONCE = 'n-0S6_WzA2Mj';

/** A licence with nested (address.postal_code) and array-element (nationalities[i]) disclosures. */
function issueLicence(holderJwk: JsonWebKey | undefined): { raw: string; encoded: Record<string, string> } {
  const postal = disclosureFor('s1', 'postal_code', 'CF10 1AA');
  const street = disclosureFor('s2', 'street', '1 Queen St');
  const address = disclosureFor('s3', 'address', { _sd: [postal.digest, street.digest, digestOf('decoy-a')], country: 'GB' });
  const gb = disclosureFor('s4', 'GB');
  const fr = disclosureFor('s5', 'FR');
  const nationalities = disclosureFor('s6', 'nationalities', [{ '...': gb.digest }, { '...': digestOf('decoy-n') }, { '...': fr.digest }]);
  const given = disclosureFor('s7', 'given_name', 'Ada');
  const birth = disclosureFor('s8', 'birthdate', '1815-12-10');
  const payload = {
    iss: ISSUER_ID,
    vct: LICENCE_VCT,
    iat: NOW_S - 86_400,
    exp: NOW_S + 86_400 * 365,
    ...(holderJwk ? { cnf: { jwk: holderJwk } } : {}),
    licence_number: 'LOVEL815',
    _sd: [address.digest, nationalities.digest, given.digest, birth.digest].sort(),
    _sd_alg: 'sha-256',
  };
  const all = { postal, street, address, gb, fr, nationalities, given, birth };
  const jws = signJwt({ typ: 'dc+sd-jwt', kid: 'dvla-1' }, payload, issuer);
  return { raw: `${jws}~${Object.values(all).map((d) => `${d.encoded}~`).join('')}`, encoded: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.encoded])) };
}

export function presentationSpecs(): void {
  describe('presentations', () => {
    let holder: { privateKey: CryptoKey; jwk: JsonWebKey };
    let licence: { raw: string; encoded: Record<string, string> };
    const verifyOpts = (extra: Partial<PresentationOptions> = {}): PresentationOptions => ({ trustList, verifier: nobleVerifier, now: NOW, audience: AUD, nonce: NONCE, ...extra });
    const present = (disclose: (string | number | null)[][], now = NOW) => createPresentation(licence.raw, { disclose: disclose as string[][], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now });
    const presented = (p: string) => parseSdJwt(p).disclosures.map((d) => d.encoded);

    beforeAll(async () => {
      holder = await holderKeyPair();
      licence = issueLicence(holder.jwk);
    });

    it('discloses a nested claim and the parent it sits in, nothing else', async () => {
      const p = await present([['address', 'postal_code']]);
      expect(presented(p).sort()).toEqual([licence.encoded.address, licence.encoded.postal].sort());
      const report = await verifyPresentation(p, verifyOpts());
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.valid).toBe(true);
      const { iss, vct, iat, exp, cnf, licence_number, address } = report.claims as Record<string, unknown>;
      expect({ iss, vct, iat, exp, cnf, licence_number, address }).toEqual(report.claims);
      expect(address).toEqual({ country: 'GB', postal_code: 'CF10 1AA' });
    });
    it('a whole object brings everything inside it', async () => {
      const p = await present([['address']]);
      expect(presented(p).sort()).toEqual([licence.encoded.address, licence.encoded.postal, licence.encoded.street].sort());
      expect((await verifyPresentation(p, verifyOpts())).claims.address).toEqual({ country: 'GB', postal_code: 'CF10 1AA', street: '1 Queen St' });
    });
    it('array elements: one by index, or all with null', async () => {
      const one = await verifyPresentation(await present([['nationalities', 1]]), verifyOpts());
      expect(one.claims.nationalities).toEqual(['FR']);
      const all = await verifyPresentation(await present([['nationalities', null]]), verifyOpts());
      expect(all.claims.nationalities).toEqual(['GB', 'FR']);
    });
    it('nothing chosen: only always-visible claims', async () => {
      const p = await present([['licence_number']]);
      expect(presented(p)).toEqual([]);
      expect((await verifyPresentation(p, verifyOpts())).valid).toBe(true);
    });
    it('the KB-JWT has typ kb+jwt, iat, aud, nonce and sd_hash', async () => {
      const p = await present([['given_name']]);
      const kb = p.slice(p.lastIndexOf('~') + 1).split('.');
      expect(decodeJson(kb[0]!)).toEqual({ alg: 'ES256', typ: 'kb+jwt' });
      expect(Object.keys(decodeJson(kb[1]!)).sort()).toEqual(['aud', 'iat', 'nonce', 'sd_hash']);
      expect(decodeJson(kb[1]!).iat).toBe(NOW_S);
    });
    it('signatures of a presentation go to the verifier as one batch', async () => {
      const verifier = recordingVerifier();
      await verifyPresentation(await present([['given_name']]), verifyOpts({ verifier }));
      expect(verifier.batches.map((b) => b.length)).toEqual([2]);
    });
    it('a claim the credential does not have is an error', async () => {
      await expect(present([['passport_number']])).rejects.toThrow(/no claim at \["passport_number"\]/);
      await expect(present([['nationalities', 5]])).rejects.toThrow(/no claim/);
    });

    describe('verifyPresentation refuses', () => {
      const kbCheck = async (p: string, opts = verifyOpts()) => {
        const report = await verifyPresentation(p, opts);
        expect(report.valid).toBe(false);
        return report.checks.find((c) => c.name === 'key-binding')!;
      };
      it('says why, with a stable code for each reason', async () => {
        const p = await present([['given_name']]);
        expect((await kbCheck(p, verifyOpts({ audience: 'https://evil.example' }))).code).toBe('wrong-audience');
        expect((await kbCheck(p, verifyOpts({ nonce: 'other' }))).code).toBe('wrong-nonce');
        expect((await kbCheck(p, verifyOpts({ now: new Date((NOW_S + KB_JWT_MAX_AGE_S + CLOCK_SKEW_S + 1) * 1000) }))).code).toBe('stale');
        expect((await kbCheck(p, verifyOpts({ now: new Date((NOW_S - CLOCK_SKEW_S - 1) * 1000) }))).code).toBe('from-future');
        expect((await kbCheck(p.slice(0, p.lastIndexOf('~') + 1))).code).toBe('missing');
        const added = `${p.slice(0, p.lastIndexOf('~') + 1)}${licence.encoded.birth}~${p.slice(p.lastIndexOf('~') + 1)}`;
        expect((await kbCheck(added)).code).toBe('altered');
        const other = await holderKeyPair();
        const stolen = await createPresentation(licence.raw, { disclose: [['given_name']], audience: AUD, nonce: NONCE, holderKey: other.privateKey, now: NOW });
        expect((await kbCheck(stolen)).code).toBe('not-holder');
        const unbound = await createPresentation(issueLicence(undefined).raw, { disclose: [['given_name']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now: NOW });
        expect((await kbCheck(unbound)).code).toBe('not-bound');
      });
      it('the wrong audience', async () => {
        expect((await kbCheck(await present([['given_name']]), verifyOpts({ audience: 'https://evil.example' }))).message).toMatch(/different verifier/);
      });
      it('the wrong nonce (a replay)', async () => {
        expect((await kbCheck(await present([['given_name']]), verifyOpts({ nonce: 'other' }))).message).toMatch(/replay/);
      });
      it('a stale presentation (iat too old)', async () => {
        const old = new Date((NOW_S - KB_JWT_MAX_AGE_S - CLOCK_SKEW_S - 1) * 1000);
        expect((await kbCheck(await present([['given_name']], old))).message).toMatch(/minutes ago/);
      });
      it('accepts one just inside the freshness window', async () => {
        const recent = new Date((NOW_S - KB_JWT_MAX_AGE_S) * 1000);
        expect((await verifyPresentation(await present([['given_name']], recent), verifyOpts())).valid).toBe(true);
      });
      it('a presentation from the future', async () => {
        const future = new Date((NOW_S + CLOCK_SKEW_S + 1) * 1000);
        expect((await kbCheck(await present([['given_name']], future))).message).toMatch(/future/);
      });
      it('a disclosure removed after signing (sd_hash)', async () => {
        const p = await present([['given_name'], ['birthdate']]);
        expect((await kbCheck(p.replace(`${licence.encoded.birth}~`, ''))).message).toMatch(/sd_hash/);
      });
      it('a disclosure added after signing (sd_hash)', async () => {
        const p = await present([['given_name']]);
        const i = p.lastIndexOf('~');
        expect((await kbCheck(`${p.slice(0, i + 1)}${licence.encoded.birth}~${p.slice(i + 1)}`)).message).toMatch(/sd_hash/);
      });
      it('a KB-JWT signed by someone else\'s key', async () => {
        const other = await holderKeyPair();
        const p = await createPresentation(licence.raw, { disclose: [['given_name']], audience: AUD, nonce: NONCE, holderKey: other.privateKey, now: NOW });
        expect((await kbCheck(p)).message).toMatch(/not signed by the holder's key/);
      });
      it('no KB-JWT at all', async () => {
        const p = await present([['given_name']]);
        expect((await kbCheck(p.slice(0, p.lastIndexOf('~') + 1))).message).toMatch(/no key-binding proof/);
      });
      it('a KB-JWT with the wrong typ', async () => {
        const p = await present([['given_name']]);
        const withoutKb = p.slice(0, p.lastIndexOf('~') + 1);
        const kbPayload = decodeJson(p.slice(p.lastIndexOf('~') + 1).split('.')[1]!);
        const holderTest = es256Key();
        const kb = signSegments(b64uJson({ alg: 'ES256', typ: 'JWT' }), b64uJson(kbPayload), holderTest);
        expect((await kbCheck(withoutKb + kb)).message).toMatch(/not kb\+jwt/);
      });
      it('a credential without cnf', async () => {
        const unbound = issueLicence(undefined);
        const p = await createPresentation(unbound.raw, { disclose: [['given_name']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now: NOW });
        expect((await kbCheck(p)).message).toMatch(/not bound to a holder key/);
      });
    });

    describe('misuse throws TypeError naming the parameter', () => {
      it('createPresentation', async () => {
        const base = { disclose: [['given_name']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey };
        await expect(createPresentation(1 as never, base)).rejects.toThrow(/^raw must be a string/);
        await expect(createPresentation(licence.raw, { ...base, disclose: 'x' as never })).rejects.toThrow(/options\.disclose/);
        await expect(createPresentation(licence.raw, { ...base, disclose: [[]] })).rejects.toThrow(/options\.disclose\[0\]/);
        await expect(createPresentation(licence.raw, { ...base, audience: '' })).rejects.toThrow(/options\.audience/);
        await expect(createPresentation(licence.raw, { ...base, nonce: 3 as never })).rejects.toThrow(/options\.nonce/);
        await expect(createPresentation(licence.raw, { ...base, holderKey: holder.jwk as never })).rejects.toThrow(/options\.holderKey/);
        const pub = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
        await expect(createPresentation(licence.raw, { ...base, holderKey: pub.publicKey })).rejects.toThrow(/options\.holderKey/);
      });
      it('verifyPresentation', async () => {
        await expect(verifyPresentation('x', { ...verifyOpts(), audience: undefined as never })).rejects.toThrow(/options\.audience/);
        await expect(verifyPresentation('x', { ...verifyOpts(), nonce: '' })).rejects.toThrow(/options\.nonce/);
      });
    });
  });
}
