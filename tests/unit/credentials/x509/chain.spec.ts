/** The mdoc issuer check: a DS certificate chaining to an IACA root on the trust list (ISO/IEC 18013-5 §9.3.3, Annex B). */
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import { CheckError } from '../../../../src/credentials/check-error';
import { trustListFromIssuers, type TrustedIssuer } from '../../../../src/credentials/trust-list';
import { MAX_X5CHAIN_CERTIFICATES, validateMdocIssuer } from '../../../../src/credentials/x509/chain';
import { annexBPki, keyId, keyPair, KU, makeCertificate, NOW, NOW_S, pkiVerifier, type Pki } from './test-pki';

const MDL = 'org.iso.18013.5.1.mDL';
const DVLA = 'https://dvla.example.gov.uk';
const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));
const pem = (text: string): Uint8Array => Uint8Array.from(atob(text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));

function issuers(iaca: Uint8Array, doctypes = [MDL], more: { id: string; iaca: Uint8Array }[] = []): readonly TrustedIssuer[] {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs' };
  return trustListFromIssuers([
    { id: DVLA, name: 'Driver and Vehicle Licensing Agency', keys: [jwk], types: [MDL], iaca: [{ certificate: iaca, doctypes }] },
    ...more.map((m) => ({ id: m.id, name: m.id, keys: [jwk], iaca: [{ certificate: m.iaca, doctypes: [MDL] }] })),
  ]).issuers;
}

function refusal(run: () => unknown): CheckError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckError);
    expect((e as CheckError).check).toBe('issuer-trusted');
    return e as CheckError;
  }
  throw new Error('expected a refusal');
}

function refused(pki: Pki, code: string, message: RegExp, list = issuers(pki.iaca), chain = [pki.ds], nowS = NOW_S): void {
  const e = refusal(() => validateMdocIssuer(chain, list, MDL, nowS));
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
}

export function x509ChainSpecs(): void {
  describe('validateMdocIssuer', () => {
    it('a P-256 DS issued by a P-384 IACA listed for the mDL: the issuer, the DS key and the DS signature item (ES384) that verifies', async () => {
      const pki = annexBPki();
      const result = validateMdocIssuer([pki.ds], issuers(pki.iaca), MDL, NOW_S);
      expect(result.issuer.id).toBe(DVLA);
      expect(result.signerKey).toEqual({ alg: 'ES256', publicKey: pki.dsKey.publicKey });
      expect(result.items).toHaveLength(1);
      expect(result.items[0]!.item.alg).toBe('ES384');
      expect(result.items[0]!.what).toMatch(/document signer certificate \(CN=Test DVLA Document Signer, C=GB\), signed by the IACA CN=Test DVLA IACA/);
      expect(await pkiVerifier.verifyBatch(result.items.map((i) => i.item))).toEqual([true]);
      // The x5chain may repeat the IACA after the DS (RFC 9360 §2).
      expect(validateMdocIssuer([pki.ds, pki.iaca], issuers(pki.iaca), MDL, NOW_S).issuer.id).toBe(DVLA);
    });

    it('the Annex D DS and IACA at 2021-01-01 (the vectors\' "now")', async () => {
      const iaca = pem(annexD.pem.IACA_ROOT_CERT);
      const result = validateMdocIssuer([hex(annexD.hex.DS_CERT)], issuers(iaca), MDL, Date.parse('2021-01-01T00:00:00Z') / 1000);
      expect(result.issuer.id).toBe(DVLA);
      expect(await pkiVerifier.verifyBatch(result.items.map((i) => i.item))).toEqual([true]);
      // After the DS expired (2021-10-01): refused as expired.
      const e = refusal(() => validateMdocIssuer([hex(annexD.hex.DS_CERT)], issuers(iaca), MDL, Date.parse('2021-10-02T00:00:00Z') / 1000));
      expect(e.code).toBe('expired');
      expect(e.message).toMatch(/document signer certificate \(CN=utopia ds, C=US\) expired on 2021-10-01/);
    });

    it('an IACA not on the trust list: unknown-issuer, naming the DS\'s issuer', () => {
      const pki = annexBPki();
      refused(pki, 'unknown-issuer', /issued by CN=Test DVLA IACA, C=GB, which is not an IACA on Satchel's trust list/, issuers(annexBPki().iaca));
      refused(pki, 'unknown-issuer', /not an IACA on Satchel's trust list/, trustListFromIssuers([{ id: DVLA, name: 'DVLA', keys: [] }]).issuers);
    });

    it('an IACA listed for another doctype only: type-not-allowed', () => {
      const pki = annexBPki();
      refused(pki, 'type-not-allowed', /only for org\.example\.other, not for "org\.iso\.18013\.5\.1\.mDL"/, issuers(pki.iaca, ['org.example.other']));
    });

    it('a trust list naming the Document Signer itself instead of its IACA does not trust it (an IACA is the root, never the DS)', () => {
      const pki = annexBPki();
      refused(pki, 'unknown-issuer', /issued by CN=Test DVLA IACA, C=GB, which is not an IACA on Satchel's trust list/, issuers(pki.ds));
    });

    it('the same IACA listed twice by one issuer, once per doctype: one IACA for both', () => {
      const pki = annexBPki();
      const list = trustListFromIssuers([{ id: DVLA, name: 'DVLA', keys: [], iaca: [{ certificate: pki.iaca, doctypes: ['org.example.other'] }, { certificate: pki.iaca.slice(), doctypes: [MDL] }] }]).issuers;
      expect(validateMdocIssuer([pki.ds], list, MDL, NOW_S).issuer.id).toBe(DVLA);
    });

    it('the same IACA listed for two issuers: refused as ambiguous', () => {
      const pki = annexBPki();
      refused(pki, 'unknown-issuer', /more than once/, issuers(pki.iaca, [MDL], [{ id: 'https://other.example', iaca: pki.iaca }]));
    });

    it('an expired or not yet valid DS or IACA', () => {
      const day = 86_400_000;
      refused(annexBPki({ ds: { notBefore: new Date(NOW.getTime() - 10 * day), notAfter: new Date(NOW.getTime() - day) } }), 'expired', /document signer certificate .* expired on/);
      refused(annexBPki({ ds: { notBefore: new Date(NOW.getTime() + day), notAfter: new Date(NOW.getTime() + 10 * day) } }), 'not-yet-valid', /document signer certificate .* is not valid until/);
      const oldIaca = annexBPki({ iaca: { notBefore: new Date(NOW.getTime() - 400 * day), notAfter: new Date(NOW.getTime() - day) }, ds: { notBefore: new Date(NOW.getTime() - 300 * day), notAfter: new Date(NOW.getTime() - 2 * day) } });
      refused(oldIaca, 'expired', /IACA certificate of Driver and Vehicle Licensing Agency .* expired on/);
      const futureIaca = annexBPki({ iaca: { notBefore: new Date(NOW.getTime() + day), notAfter: new Date(NOW.getTime() + 400 * day) }, ds: { notBefore: new Date(NOW.getTime() + 2 * day), notAfter: new Date(NOW.getTime() + 300 * day) } });
      refused(futureIaca, 'not-yet-valid', /IACA certificate of Driver and Vehicle Licensing Agency .* is not valid until/);
    });

    it('an MSO signed outside the DS certificate\'s dates (beyond the clock skew)', () => {
      const pki = annexBPki();
      const ds = validateMdocIssuer([pki.ds], issuers(pki.iaca), MDL, NOW_S, NOW_S - 199 * 86_400);
      expect(ds.issuer.id).toBe(DVLA);
      const e = refusal(() => validateMdocIssuer([pki.ds], issuers(pki.iaca), MDL, NOW_S, NOW_S - 201 * 86_400));
      expect(e.code).toBe('bad-certificate');
      expect(e.message).toMatch(/The document says it was signed on .*, outside the dates of its document signer certificate \(.* to .*\)/);
      expect(() => validateMdocIssuer([pki.ds], issuers(pki.iaca), MDL, NOW_S, NOW_S + 201 * 86_400)).toThrow(/outside the dates of its document signer certificate/);
    });

    it('a DS valid beyond its IACA, or the wrong key usage, extended key usage, CA flag or authority key identifier', () => {
      const far = new Date(NOW.getTime() + 20 * 365 * 86_400_000);
      refused(annexBPki({ ds: { notAfter: far } }), 'bad-certificate', /valid outside the dates of the IACA/);
      refused(annexBPki({ ds: { keyUsage: KU.keyCertSign } }), 'bad-certificate', /wrong key usage/);
      refused(annexBPki({ ds: { keyUsage: KU.digitalSignature | KU.keyCertSign } }), 'bad-certificate', /wrong key usage/);
      refused(annexBPki({ ds: { extKeyUsage: ['1.3.6.1.5.5.7.3.1'] } }), 'bad-certificate', /extended key usage 1\.0\.18013\.5\.1\.2 missing/);
      refused(annexBPki({ ds: { basicConstraints: { ca: true } } }), 'bad-certificate', /marked as a certificate authority/);
      refused(annexBPki({ ds: { authorityKeyId: undefined } }), 'bad-certificate', /authority key identifier/);
      refused(annexBPki({ ds: { unknownCritical: true } }), 'bad-certificate', /critical extension Satchel does not understand/);
    });

    it('an IACA that is not a CA, may not sign certificates, or has no subject key identifier', () => {
      refused(annexBPki({ iaca: { basicConstraints: { ca: false } } }), 'bad-certificate', /not marked as a certificate authority/);
      refused(annexBPki({ iaca: { basicConstraints: undefined } }), 'bad-certificate', /not marked as a certificate authority/);
      refused(annexBPki({ iaca: { keyUsage: KU.keyCertSign } }), 'bad-certificate', /lacks keyCertSign or cRLSign/);
      refused(annexBPki({ iaca: { keyUsage: KU.digitalSignature } }), 'bad-certificate', /lacks keyCertSign or cRLSign/);
      refused(annexBPki({ iaca: { subjectKeyId: undefined } }), 'bad-certificate', /no subject key identifier/);
    });

    it('a listed CA certificate that is not a root (issued by another) is refused as an IACA', () => {
      const pki = annexBPki({ iaca: { issuer: 'Some Other Root' } });
      refused(pki, 'bad-certificate', /is not a root certificate: it was issued by CN=Some Other Root/);
    });

    it(`a chain longer than ${MAX_X5CHAIN_CERTIFICATES} certificates, one that loops, a self-issued DS, a stranger in the chain`, () => {
      const pki = annexBPki();
      refused(pki, 'bad-certificate', /has 3 certificates; ISO\/IEC 18013-5 allows at most 2/, issuers(pki.iaca), [pki.ds, pki.iaca, pki.iaca]);
      refused(pki, 'bad-certificate', /loops: it names the document signer certificate twice/, issuers(pki.iaca), [pki.ds, pki.ds]);
      const dsKey = keyPair('P-256');
      const selfIssued = makeCertificate({ subject: 'Test DVLA IACA', subjectKey: dsKey, signerKey: dsKey, notBefore: NOW, notAfter: NOW, keyUsage: KU.digitalSignature, extKeyUsage: ['1.0.18013.5.1.2'], authorityKeyId: keyId(pki.iacaKey) });
      refused(pki, 'bad-certificate', /names itself as its issuer/, issuers(pki.iaca), [selfIssued]);
      refused(pki, 'bad-certificate', /carries a certificate \(CN=Test DVLA IACA, C=GB\) that is not the IACA on the trust list/, issuers(pki.iaca), [pki.ds, annexBPki().iaca]);
      refused(pki, 'bad-certificate', /The issuer signature carries no document signer certificate/, issuers(pki.iaca), []);
    });

    it('a certificate that does not parse: in the x5chain, and on the trust list', () => {
      const pki = annexBPki();
      refused(pki, 'bad-certificate', /The document signer certificate .*(ends early|not one DER)/, issuers(pki.iaca), [pki.ds.subarray(0, 100)]);
      refused(pki, 'bad-certificate', /IACA certificate 1 of Driver and Vehicle Licensing Agency on the trust list .*so Satchel cannot tell whether it issued this document/, issuers(Uint8Array.of(0x30, 0x00)));
    });

    it('another issuer\'s damaged IACA entry does not stop this issuer\'s mdocs', () => {
      const pki = annexBPki();
      const list = issuers(pki.iaca, [MDL], [{ id: 'https://broken.example', iaca: Uint8Array.of(0x30, 0x00) }]);
      expect(validateMdocIssuer([pki.ds], list, MDL, NOW_S).issuer.id).toBe(DVLA);
    });

    it('a DS signed by a different key than the listed IACA\'s: the item is made, and fails', async () => {
      // Same names and key identifier, another key: only the signature shows it is a forgery.
      const forger = keyPair('P-384');
      const pki = annexBPki();
      const forged = annexBPki({ iacaKey: forger, iaca: { subjectKeyId: keyId(pki.iacaKey) } });
      const result = validateMdocIssuer([forged.ds], issuers(pki.iaca), MDL, NOW_S);
      expect(await pkiVerifier.verifyBatch(result.items.map((i) => i.item))).toEqual([false]);
    });

    it('an Ed25519 IACA and DS, and an ES256 IACA, are accepted too', async () => {
      for (const [iacaCurve, dsCurve] of [['Ed25519', 'Ed25519'], ['P-256', 'P-256']] as const) {
        const pki = annexBPki({ iacaKey: keyPair(iacaCurve), dsKey: keyPair(dsCurve) });
        const result = validateMdocIssuer([pki.ds], issuers(pki.iaca), MDL, NOW_S);
        expect(await pkiVerifier.verifyBatch(result.items.map((i) => i.item))).toEqual([true]);
      }
    });
  });
}
