/** Reading certificates (RFC 5280) and their signatures as batch items: the Annex D pair and certificates made here. */
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import owfExamples from '../../../vectors/mdoc/owf-mdoc-ts_examples.json';
import { msoMdocFormat } from '../../../../src/credentials/formats/mso-mdoc/index';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { DataError } from '../../../../src/lib/errors';
import { parseCertificate } from '../../../../src/credentials/x509/certificate';
import { ecdsaSignatureToRaw, tbsCertificateBytes } from '../../../../src/credentials/x509/der';
import { certificateSignatureItem } from '../../../../src/credentials/x509/signature-item';
import { annexBPki, keyPair, makeCertificate, NOW, pkiVerifier, SIGNATURE_OIDS } from './test-pki';

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));
const pem = (text: string): Uint8Array => Uint8Array.from(atob(text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));

export function x509CertificateSpecs(): void {
  describe('parseCertificate', () => {
    it('reads the ISO/IEC 18013-5 Annex D IACA and Document Signer', async () => {
      const iaca = parseCertificate(pem(annexD.pem.IACA_ROOT_CERT), 'IACA');
      const ds = parseCertificate(hex(annexD.hex.DS_CERT), 'DS');
      expect(iaca.subject).toBe('CN=utopia iaca, C=US');
      expect(ds.subject).toBe('CN=utopia ds, C=US');
      expect(ds.issuer).toBe(iaca.subject);
      expect(iaca.basicConstraints).toEqual({ ca: true, pathLength: 0 });
      expect(iaca.keyUsage).toBe(32 | 64);
      expect(ds.keyUsage).toBe(1);
      expect(ds.extKeyUsage).toEqual(['1.0.18013.5.1.2']);
      expect(ds.authorityKeyId).toEqual(iaca.subjectKeyId);
      expect(ds.publicKey.alg).toBe('ES256');
      expect(ds.publicKey.publicKey).toHaveLength(65);
      expect(ds.notAfter).toBe(Date.parse('2021-10-01T00:00:00Z') / 1000);
      expect(ds.unknownCritical).toEqual([]);
      // The DS's signature, as a batch item with the IACA's key, checks out.
      expect(await pkiVerifier.verifyBatch([certificateSignatureItem(ds, iaca.publicKey, 'DS')])).toEqual([true]);
    });

    it('reads the Document Signer certificates of five other implementations\' mdocs (Google, France, Ubique, Animo, Bundesdruckerei)', () => {
      const subjects = owfExamples.examples.map((example) => {
        const x5chain = msoMdocFormat.parse(base64urlEncode(hex(example.hex))).issuerSignature.x5chain!;
        const ds = parseCertificate(x5chain[0]!, `${example.name}'s document signer`);
        expect(ds.publicKey.alg).toBe('ES256');
        expect(ds.unknownCritical).toEqual([]);
        // The trust anchors the upstream tests use parse too.
        for (const pemText of Object.values(example.certificates_pem)) parseCertificate(pem(pemText), `${example.name}'s anchor`);
        return [ds.subject, ds.extKeyUsage ?? []];
      });
      expect(subjects).toEqual([
        ['C=US, ST=California, L=Mountain View, O=Digital Credentials, CN=digitalcredentials.dev', ['1.0.18013.5.1.2']],
        ['CN=utopia ds, C=US', ['1.0.18013.5.1.2']],
        ['C=CH, CN=Subject', []],
        ['CN=credo dcs, C=NL', ['1.0.18013.5.1.2']],
        ['C=DE, CN=BDR DS ISO/IEC 18013-5 v1 TEST-ONLY', ['1.0.18013.5.1.2']],
      ]);
    });

    it('reads P-384, P-256 and Ed25519 keys, and each signature pair the profile allows verifies', async () => {
      for (const [signer, subject] of [['P-384', 'P-256'], ['P-256', 'P-384'], ['Ed25519', 'Ed25519']] as const) {
        const signerKey = keyPair(signer);
        const subjectKey = keyPair(subject);
        const der = makeCertificate({ subject: 'S', issuer: 'I', subjectKey, signerKey, notBefore: NOW, notAfter: new Date(NOW.getTime() + 1000) });
        const certificate = parseCertificate(der, 'the certificate');
        expect(certificate.publicKey.publicKey).toEqual(subjectKey.publicKey);
        const signerPublic = signer === 'P-384' ? 'ES384' : signer === 'P-256' ? 'ES256' : 'EdDSA';
        const item = certificateSignatureItem(certificate, { alg: signerPublic, publicKey: signerKey.publicKey }, 'the certificate');
        expect(item.alg).toBe(signerPublic);
        expect(item.message).toEqual(tbsCertificateBytes(der, 'x'));
        expect(await pkiVerifier.verifyBatch([item])).toEqual([true]);
      }
    });

    it('refuses a pair the profile does not allow: a P-384 key with ecdsa-with-SHA256, a P-256 key with SHA-384, an unknown algorithm', () => {
      const p384 = keyPair('P-384');
      const p256 = keyPair('P-256');
      const sha256ByP384 = parseCertificate(makeCertificate({ subject: 'S', issuer: 'I', subjectKey: p256, signerKey: p384, signatureAlgorithm: SIGNATURE_OIDS['ecdsa-with-SHA256'], notBefore: NOW, notAfter: NOW }), 'C');
      expect(() => certificateSignatureItem(sha256ByP384, { alg: 'ES384', publicKey: p384.publicKey }, 'C')).toThrow(/ecdsa-with-SHA256 by a P-384 key/);
      const sha384ByP256 = parseCertificate(makeCertificate({ subject: 'S', issuer: 'I', subjectKey: p256, signerKey: p256, signatureAlgorithm: SIGNATURE_OIDS['ecdsa-with-SHA384'], notBefore: NOW, notAfter: NOW }), 'C');
      expect(() => certificateSignatureItem(sha384ByP256, { alg: 'ES256', publicKey: p256.publicKey }, 'C')).toThrow(/ecdsa-with-SHA384 by a P-256 key/);
      const rsa = parseCertificate(makeCertificate({ subject: 'S', issuer: 'I', subjectKey: p256, signerKey: p256, signatureAlgorithm: '1.2.840.113549.1.1.11', notBefore: NOW, notAfter: NOW }), 'C');
      expect(() => certificateSignatureItem(rsa, { alg: 'ES256', publicKey: p256.publicKey }, 'C')).toThrow(DataError);
    });

    it('refuses what is not one DER certificate: trailing bytes, truncation, garbage, a P-521 key', () => {
      const { ds } = annexBPki();
      expect(() => parseCertificate(Uint8Array.of(...ds, 0), 'The DS')).toThrow(/nothing after it/);
      expect(() => parseCertificate(ds.subarray(0, ds.length - 10), 'The DS')).toThrow(/ends early|not one DER/);
      expect(() => parseCertificate(Uint8Array.of(0x30, 0x03, 0x30, 0x01, 0x00), 'The DS')).toThrow(DataError);
      const p521Spki = hex(annexD.hex.DS_CERT);
      // Swap the DS's curve OID (prime256v1) for secp521r1's first bytes: the key is then on a curve Satchel does not take.
      const at = p521Spki.findIndex((_, i) => p521Spki[i] === 0x06 && p521Spki[i + 1] === 0x08 && p521Spki[i + 2] === 0x2a && p521Spki[i + 9] === 0x07 && p521Spki[i + 8] === 0x01);
      p521Spki.set([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x09], at);
      expect(() => parseCertificate(p521Spki, 'The DS')).toThrow(/curve Satchel does not accept/);
    });

    it('damaged certificates (random flips, cuts and insertions) give DataErrors only, never another error', () => {
      const { ds, iaca } = annexBPki();
      const samples = [ds, iaca, hex(annexD.hex.DS_CERT)];
      let refusedCount = 0;
      for (let round = 0; round < 1500; round++) {
        const source = samples[round % samples.length]!;
        const bytes = Array.from(source);
        const at = Math.floor(Math.random() * bytes.length);
        const kind = round % 3;
        if (kind === 0) bytes[at] = bytes[at]! ^ (1 << Math.floor(Math.random() * 8));
        else if (kind === 1) bytes.length = at;
        else bytes.splice(at, 0, Math.floor(Math.random() * 256));
        try {
          const certificate = parseCertificate(Uint8Array.from(bytes), 'The certificate');
          // What still parses must still be usable: its signature as an item, or a DataError.
          try {
            certificateSignatureItem(certificate, certificate.publicKey, 'The certificate');
          } catch (e) {
            expect(e).toBeInstanceOf(DataError);
          }
        } catch (e) {
          if (!(e instanceof DataError)) throw new Error(`round ${round} (${kind}) at ${at}: ${String(e)}`);
          refusedCount++;
        }
      }
      expect(refusedCount).toBeGreaterThan(500);
    });

    it('reads a DER ECDSA-Sig-Value into r‖s strictly', () => {
      expect(ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02), 2, 's')).toEqual(Uint8Array.of(0, 1, 0, 2));
      // A leading zero only where the next byte has its top bit set.
      expect(ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x02), 1, 's')).toEqual(Uint8Array.of(0x80, 2));
      expect(() => ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x02), 2, 's')).toThrow(/minimally/);
      expect(() => ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x02), 2, 's')).toThrow(/negative/);
      expect(() => ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x08, 0x02, 0x03, 0x01, 0x02, 0x03, 0x02, 0x01, 0x02), 2, 's')).toThrow(/longer than 2/);
      expect(() => ecdsaSignatureToRaw(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02, 0x00), 2, 's')).toThrow(/not a DER ECDSA/);
    });
  });
}
