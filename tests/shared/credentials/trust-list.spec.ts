/** The signed trust list (format in docs/credentials.md) and the issuer-trusted rules. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrustList, TRUST_LIST_TYP, trustListAgeSeconds, trustListFromIssuers, verifyCredential, type TrustList } from '../../../src/credentials/index';
import { b64uJson, ed25519Key, es256Key, ISSUER_ID, issueSdJwtVc, LICENCE_VCT, nobleVerifier, NOW, NOW_S, signJwt, type TestKey } from './helpers';

const operator = es256Key('operator-2026');
const dvla = es256Key('dvla-1');
const homeOffice = ed25519Key('ho-1');
const HOME_OFFICE = 'https://home-office.example.gov.uk';
const RIGHT_TO_WORK = 'https://credentials.example.gov.uk/right-to-work';

function listPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: 'https://trust.example.gov.uk',
    iat: NOW_S - 86_400,
    exp: NOW_S + 7 * 86_400,
    issuers: [
      { id: ISSUER_ID, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, jwks: { keys: [dvla.jwk] }, types: [LICENCE_VCT] },
      { id: HOME_OFFICE, name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, jwks: { keys: [homeOffice.jwk] }, types: [RIGHT_TO_WORK] },
    ],
    status_list_signers: [{ id: 'https://status.example.gov.uk', jwks: { keys: [es256Key('s1').jwk] }, issuers: [ISSUER_ID] }],
    ...overrides,
  };
}

function signedList(payload = listPayload(), key: TestKey = operator, header: Record<string, unknown> = { typ: TRUST_LIST_TYP, kid: operator.jwk.kid }): string {
  return signJwt(header, payload, key);
}

async function parse(jwt: string, now = NOW) {
  return parseTrustList(jwt, { pinnedKeys: [operator.jwk], verifier: nobleVerifier, now });
}

async function refused(jwt: string, message: RegExp, now = NOW): Promise<void> {
  const result = await parse(jwt, now);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(/keeps using the last good trust list/);
  }
}

export function trustListSpecs(): void {
  describe('trust list', () => {
    it('a signed list parses, and credentials from its issuers verify (ES256 operator key)', async () => {
      const result = await parse(signedList());
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const list = result.trustList;
      expect(list.signed).toBe(true);
      expect(list.operator).toBe('https://trust.example.gov.uk');
      expect(list.issuers.map((i) => i.id)).toEqual([ISSUER_ID, HOME_OFFICE]);
      const report = await verifyCredential(issueSdJwtVc({ key: dvla, sd: { given_name: 'Ada' } }).raw, { trustList: list, verifier: nobleVerifier, now: NOW });
      expect(report.valid).toBe(true);
      expect(report.issuer).toEqual({ id: ISSUER_ID, name: 'Driver and Vehicle Licensing Agency', nameCy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' });
      expect(report.checks.find((c) => c.name === 'issuer-trusted')!.message).toMatch(/trust list of 2026-05-31/);
    });
    it('an EdDSA operator key works too', async () => {
      const edOperator = ed25519Key('op-ed');
      const result = await parseTrustList(signedList(listPayload(), edOperator, { typ: TRUST_LIST_TYP, kid: 'op-ed' }), { pinnedKeys: [edOperator.jwk], verifier: nobleVerifier, now: NOW });
      expect(result.ok).toBe(true);
    });
    it('an unsigned list (alg none) is refused', async () => {
      await refused(`${b64uJson({ alg: 'none', typ: TRUST_LIST_TYP })}.${b64uJson(listPayload())}.`, /empty part|unsigned/);
      await refused(`${b64uJson({ alg: 'none', typ: TRUST_LIST_TYP })}.${b64uJson(listPayload())}.${'A'.repeat(86)}`, /unsigned/);
    });
    it('an expired list is refused', async () => {
      await refused(signedList(), /expired/, new Date((NOW_S + 8 * 86_400) * 1000));
    });
    it('a list without exp is refused', async () => {
      const { exp, ...rest } = listPayload();
      void exp;
      await refused(signedList(rest), /no expiry/);
    });
    it('a list signed by another key (even with the pinned kid) is refused', async () => {
      await refused(signedList(listPayload(), es256Key('operator-2026')), /signature does not match/);
    });
    it('a list naming an unknown operator kid is refused', async () => {
      await refused(signedList(listPayload(), operator, { typ: TRUST_LIST_TYP, kid: 'old' }), /"old"/);
    });
    it('a list with the wrong typ is refused', async () => {
      await refused(signedList(listPayload(), operator, { typ: 'JWT', kid: operator.jwk.kid }), /not satchel-trust-list\+jwt/);
    });
    it('malformed entries are refused (no Welsh name, no types, private key, duplicate issuer)', async () => {
      const base = listPayload().issuers as Record<string, unknown>[];
      await refused(signedList(listPayload({ issuers: [{ ...base[0], name: { en: 'DVLA' } }] })), /Welsh name/);
      await refused(signedList(listPayload({ issuers: [{ ...base[0], types: [] }] })), /types/);
      await refused(signedList(listPayload({ issuers: [{ ...base[0], jwks: { keys: [{ ...dvla.jwk, d: 'AAAA' }] } }] })), /private key/);
      await refused(signedList(listPayload({ issuers: [base[0], base[0]] })), /twice/);
    });
    it('an issuer may name its status lists (status_lists), which a checker fetches ahead of offline checks; anything but a list of strings is refused', async () => {
      const base = listPayload().issuers as Record<string, unknown>[];
      const named = await parse(signedList(listPayload({ issuers: [{ ...base[0], status_lists: [`${ISSUER_ID}/status/1`] }, base[1]] })));
      expect(named.ok && named.trustList.issuers.map((i) => i.statusLists)).toEqual([[`${ISSUER_ID}/status/1`], undefined]);
      await refused(signedList(listPayload({ issuers: [{ ...base[0], status_lists: `${ISSUER_ID}/status/1` }] })), /status_lists/);
      await refused(signedList(listPayload({ issuers: [{ ...base[0], status_lists: [42] }] })), /status_lists/);
    });
    it('an expired list that was parsed while good stays usable offline, and says how old it is', async () => {
      const result = await parse(signedList());
      if (!result.ok) throw new Error(result.message);
      const later = new Date((NOW_S + 30 * 86_400) * 1000);
      const raw = issueSdJwtVc({ key: dvla, plain: { exp: NOW_S + 365 * 86_400 } }).raw;
      const report = await verifyCredential(raw, { trustList: result.trustList, verifier: nobleVerifier, now: later });
      expect(report.valid).toBe(true);
      expect(report.checks.find((c) => c.name === 'issuer-trusted')!.message).toMatch(/trust list of/);
      expect(trustListAgeSeconds(result.trustList, later)).toBe(31 * 86_400);
      expect(trustListAgeSeconds(trustListFromIssuers([]), later)).toBeUndefined();
    });
    it('misuse throws TypeError naming the parameter', async () => {
      await expect(parseTrustList(1 as never, { pinnedKeys: [operator.jwk], verifier: nobleVerifier })).rejects.toThrow(/^jwt must be a string/);
      await expect(parseTrustList('x', { pinnedKeys: [], verifier: nobleVerifier })).rejects.toThrow(/options\.pinnedKeys/);
      await expect(parseTrustList('x', { pinnedKeys: [{ kty: 'oct' }], verifier: nobleVerifier })).rejects.toThrow(/options\.pinnedKeys\[0\]/);
      await expect(parseTrustList('x', { pinnedKeys: [operator.jwk], verifier: null as never })).rejects.toThrow(/options\.verifier/);
    });

    describe('issuer rules', () => {
      let list: TrustList;
      beforeAll(async () => {
        const result = await parse(signedList());
        if (!result.ok) throw new Error(result.message);
        list = result.trustList;
      });
      it('a driving-licence key cannot vouch for immigration status', async () => {
        const raw = issueSdJwtVc({ key: dvla, plain: { vct: RIGHT_TO_WORK } }).raw;
        const report = await verifyCredential(raw, { trustList: list, verifier: nobleVerifier, now: NOW });
        expect(report.valid).toBe(false);
        expect(report.checks.find((c) => c.name === 'issuer-trusted')).toMatchObject({ message: expect.stringMatching(/not allowed to issue credentials of type/), code: 'type-not-allowed' });
        expect(report.claims).toEqual({});
      });
      it('the Home Office key cannot sign as DVLA', async () => {
        const raw = issueSdJwtVc({ key: homeOffice, header: { kid: 'dvla-1' } }).raw;
        const report = await verifyCredential(raw, { trustList: list, verifier: nobleVerifier, now: NOW });
        expect(report.valid).toBe(false);
        expect(report.checks.find((c) => c.name === 'signature')!.ok).toBe(false);
      });
      it('an issuer that is not listed', async () => {
        const raw = issueSdJwtVc({ key: dvla, plain: { iss: 'https://fake.example' } }).raw;
        const report = await verifyCredential(raw, { trustList: list, verifier: nobleVerifier, now: NOW });
        expect(report.checks.find((c) => c.name === 'issuer-trusted')).toMatchObject({ message: expect.stringMatching(/not on Satchel's trust list/), code: 'unknown-issuer' });
        expect(report.checks.find((c) => c.name === 'signature')).toMatchObject({ message: expect.stringMatching(/not checked/), code: 'not-checked' });
      });
      it('the Home Office EdDSA key verifies its own right-to-work credential', async () => {
        const raw = issueSdJwtVc({ key: homeOffice, plain: { iss: HOME_OFFICE, vct: RIGHT_TO_WORK }, sd: { right_to_work: true } }).raw;
        const report = await verifyCredential(raw, { trustList: list, verifier: nobleVerifier, now: NOW });
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        expect(report.claims.right_to_work).toBe(true);
      });
      it('two keys with the same kid are ambiguous', async () => {
        const twin = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [dvla.jwk, { ...es256Key().jwk, kid: 'dvla-1' }] }]);
        const report = await verifyCredential(issueSdJwtVc({ key: dvla }).raw, { trustList: twin, verifier: nobleVerifier, now: NOW });
        expect(report.checks.find((c) => c.name === 'issuer-trusted')!.message).toMatch(/several keys with the identifier "dvla-1"/);
      });
      it('no kid: the only key is used; with several keys a kid is required', async () => {
        const { kid, ...jwkWithoutKid } = dvla.jwk;
        expect(kid).toBe('dvla-1');
        const one = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [jwkWithoutKid] }]);
        const noKid = issueSdJwtVc({ key: { ...dvla, jwk: jwkWithoutKid } }).raw;
        expect((await verifyCredential(noKid, { trustList: one, verifier: nobleVerifier, now: NOW })).valid).toBe(true);
        const two = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [dvla.jwk, es256Key('dvla-2').jwk] }]);
        const report = await verifyCredential(noKid, { trustList: two, verifier: nobleVerifier, now: NOW });
        expect(report.checks.find((c) => c.name === 'issuer-trusted')!.message).toMatch(/does not say which of DVLA's 2 keys/);
      });
    });
  });
}
