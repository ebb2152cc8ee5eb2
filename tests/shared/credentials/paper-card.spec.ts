/**
 * The paper card format (issue 17) through verifyCredential with a trust list, in Node and Chromium:
 * a card whose COSE_Sign1 is made by an implementation we did not write (@owf/mdoc's Sign1, its
 * payload encoded by its CBOR encoder, cbor-x) verifies; a card preparePaperCard makes is verified
 * by @owf/mdoc; RFC 8392 Appendix A.3's signed CWT is read with the RFC's key; every tampering fails;
 * an untrusted issuer, an expired or a revoked card fails; malformed cards name what is wrong; the
 * printed code round-trips; a licence card's code fits a small QR code.
 */
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { cborDecode, cborEncode, CoseKey, Sign1, SignatureAlgorithm } from '@owf/mdoc';
import qrcode from 'qrcode-generator';
import { trustListFromIssuers, verifyCredential, type VerificationReport } from '../../../src/credentials/index';
import { detectFormat } from '../../../src/credentials/formats/index';
import { decodeCbor, encodeCbor, Tagged } from '../../../src/credentials/formats/mso-mdoc/cbor';
import { coseSign1VerifyItem, parseCoseSign1 } from '../../../src/credentials/formats/mso-mdoc/cose';
import { paperCardFormat, preparePaperCard, type PaperCardInput } from '../../../src/credentials/formats/paper-card/index';
import { base64urlDecode, base64urlEncode } from '../../../src/lib/base64url';
import { DataError } from '../../../src/lib/errors';
import { CardCodeError, decodeCardCode, encodeCardCode } from '../../../src/protocols/paper/card-code';
import { es256Key, ISSUER_ID, LICENCE_VCT, nobleVerifier, nobleVerify, NOW, NOW_S, STATUS_URI, statusListToken } from './helpers';
import { owfContext } from './owf-mdoc';

const secret = p256.utils.randomSecretKey();
const issuerKey = es256Key('dvla-card-1', secret);
const otherKey = es256Key('dvla-card-2');
const strangerKey = es256Key('dvla-card-1');
const VETERAN_VCT = 'https://credentials.example.gov.uk/veteran-card';
const trustList = trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [issuerKey.jwk, otherKey.jwk], types: [LICENCE_VCT] }]);
const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

const licenceClaims = { given_name: 'Ava', family_name: 'Jones', birth_date: '2007-03-25', driving_privileges: 'AM, B, BE' };
const baseInput: PaperCardInput = { iss: ISSUER_ID, kid: 'dvla-card-1', vct: LICENCE_VCT, claims: licenceClaims, iat: NOW_S - 86400, exp: NOW_S + 365 * 86400 };

/** A card made by preparePaperCard and signed by `key` (base64url, the stored form). */
function card(overrides: Partial<PaperCardInput> = {}, key = issuerKey): string {
  const prepared = preparePaperCard({ ...baseInput, ...overrides });
  return base64urlEncode(prepared.finish(key.sign(prepared.toBeSigned)));
}

/** A card whose COSE_Sign1 and CWT @owf/mdoc builds and signs (its Sign1 is untagged: the one-byte tag 18 head 0xD2, RFC 8949 §3.4, goes in front). */
async function owfCard(cwt: Map<unknown, unknown>, kid = 'dvla-card-1'): Promise<string> {
  const point = p256.getPublicKey(secret, false);
  const jwk = { kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)), d: base64urlEncode(secret) };
  const sign1 = await Sign1.create(
    { protectedHeaders: new Map<number, unknown>([[1, -7], [4, new TextEncoder().encode(kid)]]), unprotectedHeaders: new Map(), payload: cborEncode(cwt), signingKey: CoseKey.fromJwk(jwk), algorithm: SignatureAlgorithm.ES256 },
    owfContext,
  );
  const untagged = sign1.encode();
  const tagged = new Uint8Array(untagged.length + 1);
  tagged[0] = 0xd2;
  tagged.set(untagged, 1);
  return base64urlEncode(tagged);
}

/** The four parts of a card's COSE_Sign1, to tamper with and put back together (signature kept). */
function parts(raw: string): [Uint8Array, Map<unknown, unknown>, Uint8Array, Uint8Array] {
  return (decodeCbor(base64urlDecode(raw)!, 'test card') as Tagged).value as [Uint8Array, Map<unknown, unknown>, Uint8Array, Uint8Array];
}
function rebuild(p: readonly unknown[]): string {
  return base64urlEncode(encodeCbor(new Tagged(18, p)));
}
function cwtOf(raw: string): Map<unknown, unknown> {
  return decodeCbor(parts(raw)[2], 'test payload') as Map<unknown, unknown>;
}
function withPayload(raw: string, cwt: Map<unknown, unknown>): string {
  const [prot, unprot, , sig] = parts(raw);
  return rebuild([prot, unprot, encodeCbor(cwt), sig]);
}

async function verify(raw: string, options: Partial<Parameters<typeof verifyCredential>[1]> = {}): Promise<VerificationReport> {
  return verifyCredential(raw, { trustList, verifier: nobleVerifier, now: NOW, ...options });
}
const check = (report: VerificationReport, name: string) => report.checks.find((c) => c.name === name);

export function paperCardSpecs(): void {
  describe('paper card (CWT in COSE_Sign1)', () => {
    it('a card made and signed by @owf/mdoc (an implementation we did not write) verifies, with its claims, type and issuer', async () => {
      const cwt = new Map<unknown, unknown>([
        [1, ISSUER_ID],
        [6, NOW_S - 3600],
        [4, NOW_S + 3600],
        ['vct', LICENCE_VCT],
        ['claims', new Map<string, unknown>(Object.entries(licenceClaims))],
      ]);
      const raw = await owfCard(cwt);
      expect(detectFormat(raw).id).toBe('paper-card');
      const report = await verify(raw);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.format).toBe('paper-card');
      expect(report.type).toBe(LICENCE_VCT);
      expect(report.claims).toEqual(licenceClaims);
      expect(report.issuer).toMatchObject({ id: ISSUER_ID, name: 'DVLA' });
      // Not bound to a phone: no key-binding check is made or asked for.
      expect(check(report, 'key-binding')).toBeUndefined();
    });

    it('a card preparePaperCard makes is a COSE_Sign1 and CWT @owf/mdoc reads and verifies with the issuer\'s key', async () => {
      const raw = card({ status: { idx: 7, uri: STATUS_URI } });
      const bytes = base64urlDecode(raw)!;
      expect(bytes[0]).toBe(0xd2); // tag 18 (RFC 9052 §4.2)
      const sign1 = Sign1.decode(bytes.subarray(1));
      expect(sign1.protectedHeaders.headers.get(1)).toBe(-7);
      expect(new TextDecoder().decode(sign1.protectedHeaders.headers.get(4) as Uint8Array)).toBe('dvla-card-1');
      const { kty, crv, x, y } = issuerKey.jwk;
      expect(await sign1.verifySignature({ key: CoseKey.fromJwk({ kty: kty!, crv: crv!, x: x!, y: y! }) }, owfContext)).toBe(true);
      const cwt = cborDecode(sign1.payload!, { mapsAsObjects: false }) as Map<unknown, unknown>;
      expect(cwt.get(1)).toBe(ISSUER_ID);
      expect(cwt.get('vct')).toBe(LICENCE_VCT);
      expect(Object.fromEntries(cwt.get('claims') as Map<string, unknown>)).toEqual(licenceClaims);
      const status = cwt.get(65535) as Map<string, Map<string, unknown>>;
      expect(Object.fromEntries(status.get('status_list')!)).toEqual({ idx: 7, uri: STATUS_URI });
    });

    it('RFC 8392 Appendix A.3\'s signed CWT: its signature checks with Appendix A.2.3\'s key, its claims are read, and it is not taken for a card', () => {
      // RFC 8392 A.3 (COSE_Sign1, ES256, kid "AsymmetricECDSA256" unprotected) and A.2.3's public key.
      const a3 = hex('d28443a10126a104524173796d6d657472696345434453413235365850a70175636f61703a2f2f61732e6578616d706c652e636f6d02656572696b77037818636f61703a2f2f6c696768742e6578616d706c652e636f6d041a5612aeb0051a5610d9f0061a5610d9f007420b7158405427c1ff28d23fbad1f29c4c7c6a555e601d6fa29f9179bc3d7438bacaca5acd08c8d4d4f96131680c429a01f85951ecee743a52b9b63632c57209120e1c9e30');
      const publicKey = hex('04' + '143329cce7868e416927599cf65a34f3ce2ffda55a7eca69ed8919a394d42f0f' + '60f7f1a780d8a783bfb7a2dd6b2796e8128dbbcef9d3d168db9529971a36e7b9');
      const sign1 = parseCoseSign1(decodeCbor(a3, 'RFC 8392 A.3'), 'RFC 8392 A.3');
      expect(nobleVerify(coseSign1VerifyItem(sign1, { alg: 'ES256', publicKey }, 'RFC 8392 A.3'))).toBe(true);
      const cwt = decodeCbor(sign1.payload!, 'RFC 8392 A.3 claims') as Map<unknown, unknown>;
      expect([cwt.get(1), cwt.get(2), cwt.get(3), cwt.get(4), cwt.get(5), cwt.get(6)]).toEqual(['coap://as.example.com', 'erikw', 'coap://light.example.com', 1444064944, 1443944944, 1443944944]);
      const raw = base64urlEncode(a3);
      expect(paperCardFormat.detect(raw)).toBe(false);
      // A card names its key in the protected header, where it is signed.
      expect(() => paperCardFormat.parse(raw)).toThrow(/kid\) in the unprotected header/);
    });

    describe('tampering fails the signature', () => {
      it('a claim changed', async () => {
        const raw = card();
        const cwt = cwtOf(raw);
        (cwt.get('claims') as Map<string, unknown>).set('driving_privileges', 'AM, B, BE, C1');
        const report = await verify(withPayload(raw, cwt));
        expect(report.valid).toBe(false);
        expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      });
      it('the dates changed (exp pushed back)', async () => {
        const raw = card();
        const cwt = cwtOf(raw);
        cwt.set(4, NOW_S + 50 * 365 * 86400);
        expect(check(await verify(withPayload(raw, cwt)), 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      });
      it('the kid changed to the issuer\'s other key', async () => {
        const [, unprot, payload, sig] = parts(card());
        const protectedBytes = encodeCbor(new Map<number, unknown>([[1, -7], [4, new TextEncoder().encode('dvla-card-2')]]));
        const report = await verify(rebuild([protectedBytes, unprot, payload, sig]));
        expect(check(report, 'issuer-trusted')?.ok).toBe(true);
        expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      });
      it('the payload swapped from another card by the same issuer', async () => {
        const ava = card();
        const bob = card({ claims: { ...licenceClaims, given_name: 'Bob' } });
        const [prot, unprot, , sig] = parts(ava);
        const report = await verify(rebuild([prot, unprot, parts(bob)[2], sig]));
        expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
        // Nothing a forged card says is reported.
        expect(report.claims).toEqual({});
      });
      it('the alg changed (to EdDSA, whose signatures are also 64 bytes): refused before any key is used', async () => {
        const [, unprot, payload, sig] = parts(card());
        const protectedBytes = encodeCbor(new Map<number, unknown>([[1, -8], [4, new TextEncoder().encode('dvla-card-1')]]));
        const report = await verify(rebuild([protectedBytes, unprot, payload, sig]));
        expect(report.valid).toBe(false);
        expect(check(report, 'format')?.message).toMatch(/signed with EdDSA; a card is signed ES256/);
      });
      it('signed by a key that is not the issuer\'s, under its kid', async () => {
        const report = await verify(card({}, strangerKey));
        expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      });
    });

    it('an issuer not on the trust list fails issuer-trusted (and the signature is not checked)', async () => {
      const report = await verify(card({ iss: 'https://dvla.example.com.evil' }));
      expect(check(report, 'issuer-trusted')).toMatchObject({ ok: false, code: 'unknown-issuer' });
      expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'not-checked' });
    });

    it('a type the issuer may not issue fails issuer-trusted', async () => {
      const report = await verify(card({ vct: VETERAN_VCT }));
      expect(check(report, 'issuer-trusted')).toMatchObject({ ok: false, code: 'type-not-allowed' });
    });

    it('an expired card fails validity', async () => {
      const report = await verify(card({ iat: NOW_S - 10 * 86400, exp: NOW_S - 86400 }));
      expect(report.valid).toBe(false);
      expect(check(report, 'validity')?.ok).toBe(false);
      expect(check(report, 'signature')?.ok).toBe(true);
    });

    it('status from claim 65535: a revoked card fails status, a valid one passes', async () => {
      const token = statusListToken({ key: issuerKey, statuses: [0, 1] });
      const fetchStatusList = async (uri: string) => {
        expect(uri).toBe(STATUS_URI);
        return token;
      };
      const revoked = card({ status: { idx: 1, uri: STATUS_URI } });
      expect(paperCardFormat.peekStatusUri(revoked)).toBe(STATUS_URI);
      const report = await verify(revoked, { fetchStatusList });
      expect(report.valid).toBe(false);
      expect(check(report, 'status')).toMatchObject({ ok: false, code: 'revoked' });
      expect(report.status?.state).toBe('revoked');
      const fine = await verify(card({ status: { idx: 0, uri: STATUS_URI } }), { fetchStatusList });
      expect(fine.valid).toBe(true);
      expect(fine.status?.state).toBe('valid');
    });

    it('the printed code round-trips: encodeCardCode → decodeCardCode → verifies', async () => {
      const raw = card({ status: { idx: 0, uri: STATUS_URI } });
      const code = await encodeCardCode(base64urlDecode(raw)!);
      const back = base64urlEncode(await decodeCardCode(code));
      expect(back).toBe(raw);
      const report = await verify(back, { fetchStatusList: async () => statusListToken({ key: issuerKey, statuses: [0] }) });
      expect(report.valid).toBe(true);
    });

    it('every single character of a card\'s code misread: the code is damaged, or what it reads as does not verify (never a throw, never valid)', async () => {
      const raw = card();
      const code = await encodeCardCode(base64urlDecode(raw)!);
      const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
      let damaged = 0;
      for (let at = 4; at < code.length; at++) {
        const misread = code.slice(0, at) + alphabet[(alphabet.indexOf(code[at]!) + 7) % 45] + code.slice(at + 1);
        let bytes: Uint8Array | undefined;
        try {
          bytes = await decodeCardCode(misread);
        } catch (e) {
          expect(e).toBeInstanceOf(CardCodeError);
          expect((e as CardCodeError).code).toBe('damaged');
          damaged++;
        }
        if (bytes) expect((await verify(base64urlEncode(bytes))).valid).toBe(false);
      }
      expect(damaged).toBeGreaterThan(0);
    });

    describe('a licence card\'s code size (the reference issuers\' kid and URLs, with status)', () => {
      const iss = 'https://issuers.satchel.example/dvla';
      // [who, claims, at most characters, at most QR version at level Q]
      const cases: [string, Record<string, string>, number, number][] = [
        ['a typical card', { given_name: 'Ava', family_name: 'Jones', birth_date: '2007-03-25', driving_privileges: 'AM, B' }, 500, 16],
        ['a long name and five categories', { given_name: 'Alexandra', family_name: 'Montgomery-Smith', birth_date: '1988-11-02', driving_privileges: 'AM, B, BE, C1, C1E' }, 540, 17],
      ];
      for (const [who, claims, maxChars, maxVersion] of cases) {
        it(`${who}: at most ${maxChars} characters, QR version ≤ ${maxVersion} at level Q`, async () => {
          const prepared = preparePaperCard({
            iss,
            // The reference departments' kid: name and 8 characters of the key's thumbprint (src/server/reference/keys.ts).
            kid: 'dvla-Zx3kYqgq',
            vct: 'https://satchel.example/credentials/driving-licence',
            claims,
            iat: NOW_S,
            exp: NOW_S + 10 * 365 * 86400,
            status: { idx: 123456, uri: `${iss}/status/1` },
          });
          const code = await encodeCardCode(prepared.finish(issuerKey.sign(prepared.toBeSigned)));
          expect(code.length).toBeLessThanOrEqual(maxChars);
          const qr = qrcode(0, 'Q');
          qr.addData(code, 'Alphanumeric');
          qr.make();
          // ISO/IEC 18004 §5.3.1: a version v symbol is 17 + 4v modules wide.
          const version = (qr.getModuleCount() - 17) / 4;
          expect(version).toBeLessThanOrEqual(maxVersion);
          console.info(`A licence card's code (${who}): ${code.length} characters, QR version ${version} at level Q (${qr.getModuleCount()} modules: ${(35 / qr.getModuleCount()).toFixed(2)} mm each at 35 mm)`);
        });
      }
    });

    describe('read, and what a card is not', () => {
      it('read gives its type and claims; it is not bound to a key, shared whole, never presented online', async () => {
        const raw = card();
        expect(paperCardFormat.read(raw)).toEqual({ type: LICENCE_VCT, types: [LICENCE_VCT], claims: licenceClaims });
        expect(paperCardFormat.subjectClaims(licenceClaims)).toEqual(licenceClaims);
        expect(paperCardFormat.holderJwk(raw)).toBeUndefined();
        expect(paperCardFormat.selective).toBe(false);
        expect(paperCardFormat.parse(raw).holderProof).toBeUndefined();
        await expect(paperCardFormat.present(raw, { disclose: [], audience: 'x', nonce: 'n', holderKey: {} as CryptoKey })).rejects.toThrow(DataError);
      });
    });

    describe('malformed cards name what is wrong (DataError)', () => {
      const signedWith = (cwt: Map<unknown, unknown>, headers = new Map<number, unknown>([[1, -7], [4, new TextEncoder().encode('dvla-card-1')]]), unprotected = new Map()) => {
        const protectedBytes = encodeCbor(headers);
        const payload = encodeCbor(cwt);
        const sig = issuerKey.sign(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]));
        return rebuild([protectedBytes, unprotected, payload, sig]);
      };
      const good = () => cwtOf(card());
      const cases: [string, () => string, RegExp][] = [
        ['the CWT is not a map', () => signedWith(['not', 'a', 'map'] as unknown as Map<unknown, unknown>), /claims \(CWT\) are not a map/],
        ['no iss', () => { const c = good(); c.delete(1); return signedWith(c); }, /does not say its issuer \(iss\)/],
        ['no vct', () => { const c = good(); c.delete('vct'); return signedWith(c); }, /credential type \(vct\)/],
        ['no claims', () => { const c = good(); c.delete('claims'); return signedWith(c); }, /has no "claims"/],
        ['no iat', () => { const c = good(); c.delete(6); return signedWith(c); }, /no issue \(iat\) date/],
        ['a claim that is a map', () => { const c = good(); (c.get('claims') as Map<string, unknown>).set('address', new Map([['street', 'x']])); return signedWith(c); }, /claim "address" is not text, a number or true\/false/],
        ['a claim that is bytes', () => { const c = good(); (c.get('claims') as Map<string, unknown>).set('portrait', Uint8Array.of(0xff, 0xd8)); return signedWith(c); }, /claim "portrait" is not text/],
        ['a claim that is a list', () => { const c = good(); (c.get('claims') as Map<string, unknown>).set('driving_privileges', ['B']); return signedWith(c); }, /claim "driving_privileges" is not text/],
        ['a wrong alg (ES384)', () => signedWith(good(), new Map<number, unknown>([[1, -35], [4, new TextEncoder().encode('dvla-card-1')]])), /ES384 signature is 64 bytes long; it must be 96/],
        ['no kid', () => signedWith(good(), new Map<number, unknown>([[1, -7]])), /does not say which of its issuer's keys signed it \(no kid\)/],
        ['a kid that is text, not bytes', () => signedWith(good(), new Map<number, unknown>([[1, -7], [4, 'dvla-card-1']])), /kid\) is not a byte string/],
        ['untagged', () => base64urlEncode(encodeCbor(parts(card()))), /not a COSE_Sign1 \(CBOR tag 18\)/],
        ['not base64url', () => 'not a card!', /not base64url/],
      ];
      for (const [what, make, message] of cases) {
        it(what, () => {
          const raw = make();
          expect(() => paperCardFormat.parse(raw)).toThrow(DataError);
          expect(() => paperCardFormat.parse(raw)).toThrow(message);
        });
      }
      it('a status that is not a status_list reference: statusReference names it (the pipeline fails the status check)', () => {
        const c = good();
        c.set(65535, new Map([['status_list', new Map<string, unknown>([['idx', -1], ['uri', STATUS_URI]])]]));
        const parsed = paperCardFormat.parse(signedWith(c));
        expect(() => parsed.statusReference()).toThrow(/status list index \(idx\)/);
      });
      it('verifyCredential reports it as a failed format check, not a throw', async () => {
        const c = good();
        c.delete('claims');
        c.set('claims', new Map([['photo', Uint8Array.of(1)]]));
        const report = await verify(signedWith(c));
        expect(report.valid).toBe(false);
        expect(check(report, 'format')?.message).toMatch(/claim "photo" is not text/);
      });
    });
  });
}
