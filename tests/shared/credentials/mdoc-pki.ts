/**
 * Test and bench mdoc issuers' certificates and signing, on WebCrypto keys, @peculiar/x509 and
 * @owf/mdoc (development dependencies only; runs in Chromium and in Node):
 * - `makeMdocPki`: an IACA root (ISO/IEC 18013-5 Annex B.1.2) and a Document Signer (B.1.4) it
 *   issued, in the profile Satchel's chain check reads;
 * - `webCryptoIssuingContext`: @owf/mdoc's MdocContext for IssuerSignedBuilder, signing the MSO
 *   with the Document Signer's WebCrypto key.
 */
import '../../../src/server/reference/reflect-metadata-shim';
import type { MdocContext } from '@owf/mdoc';
import * as x509 from '@peculiar/x509';

/** ISO/IEC 18013-5 Annex B.1.4: extKeyUsage of a Document Signer (id-mdl-kp-mdlDS). */
const MDL_DS_EKU = '1.0.18013.5.1.2';

export interface MdocPkiOptions {
  /** Distinguished names, e.g. 'C=GB, CN=Test DVLA IACA'. */
  iacaName: string;
  documentSignerName: string;
  notBefore: Date;
  notAfter: Date;
  /**
   * The IACA's curve (default P-384, as the reference DVLA's); its certificate signatures are
   * ecdsa-with-SHA384 on P-384 and ecdsa-with-SHA256 on P-256. The Document Signer is always P-256.
   */
  iacaCurve?: 'P-384' | 'P-256';
  /** When given, both certificates carry issuerAlternativeName <url> and cRLDistributionPoints <url>/iaca.crl. */
  issuerUrl?: string;
}

export interface MdocPki {
  iaca: x509.X509Certificate;
  documentSigner: x509.X509Certificate;
  iacaDer: Uint8Array;
  documentSignerDer: Uint8Array;
  /** The Document Signer's keys (the private one extractable, for tests that need its JWK). */
  documentSignerKeys: CryptoKeyPair;
}

/** An IACA root and a Document Signer it issued, both valid over [notBefore, notAfter]. */
export async function makeMdocPki(options: MdocPkiOptions): Promise<MdocPki> {
  const { iacaName, documentSignerName, notBefore, notAfter, iacaCurve = 'P-384', issuerUrl } = options;
  const iacaKeys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: iacaCurve }, false, ['sign', 'verify']);
  const documentSignerKeys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const signingAlgorithm = { name: 'ECDSA', hash: iacaCurve === 'P-384' ? 'SHA-384' : 'SHA-256' };
  const issuerExtensions = issuerUrl === undefined ? [] : [new x509.IssuerAlternativeNameExtension([{ type: 'url', value: issuerUrl }]), new x509.CRLDistributionPointsExtension([`${issuerUrl}/iaca.crl`])];
  const iaca = await x509.X509CertificateGenerator.createSelfSigned({
    name: iacaName,
    keys: iacaKeys,
    notBefore,
    notAfter,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(iacaKeys.publicKey),
      ...issuerExtensions,
    ],
  });
  const documentSigner = await x509.X509CertificateGenerator.create({
    subject: documentSignerName,
    issuer: iaca.subject,
    publicKey: documentSignerKeys.publicKey,
    signingKey: iacaKeys.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([MDL_DS_EKU], true),
      await x509.AuthorityKeyIdentifierExtension.create(iacaKeys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(documentSignerKeys.publicKey),
      ...issuerExtensions,
    ],
  });
  return { iaca, documentSigner, iacaDer: new Uint8Array(iaca.rawData), documentSignerDer: new Uint8Array(documentSigner.rawData), documentSignerKeys };
}

/** @owf/mdoc's MdocContext for issuing: WebCrypto digests and the Document Signer's WebCrypto key (IEEE P1363 r‖s, as COSE wants, RFC 9053 §2.1). */
export function webCryptoIssuingContext(signer: CryptoKey): MdocContext {
  const unused = () => {
    throw new Error('not used when issuing');
  };
  return {
    crypto: {
      random: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
      digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)),
      calculateEphemeralMacKey: unused,
    },
    cose: {
      sign1: {
        sign: async ({ toBeSigned }: { toBeSigned: Uint8Array }) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer, toBeSigned as BufferSource)),
        verify: unused,
      },
      mac0: { sign: unused, verify: unused },
    },
    x509: { getIssuerNameField: unused, getPublicKey: unused, verifyCertificateChain: unused, getCertificateData: unused },
  } as unknown as MdocContext;
}
