/**
 * The independent side of the mdoc benchmark: @owf/mdoc 0.6.0's Verifier.verifyDeviceResponse with
 * every cryptographic callback on WebCrypto (W3C Web Cryptography API §23 ECDSA): COSE_Sign1
 * signatures (the MSO's and the device signature, RFC 9052 §4.4), the Document Signer
 * certificate's signature by its IACA root (@peculiar/x509, whose verify is WebCrypto), digests.
 * Parsed certificates and imported CryptoKeys are cached per certificate / key, as a verifier
 * would cache its issuers'; each response's signatures and chain are still checked.
 */
import '../src/server/reference/reflect-metadata-shim';
import { CoseKey, DeviceResponse, SessionTranscript, Verifier, type MdocContext } from '@owf/mdoc';
import * as x509 from '@peculiar/x509';
import { base64urlEncode } from '../src/lib/base64url';
import { NOW, REQUEST } from './mdoc-inputs';

const HASH_OF_CURVE: Record<string, string> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' };

function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** An @owf/mdoc verifier on WebCrypto trusting `iacaRoots` (DER). */
export function owfWebCryptoVerifier(iacaRoots: Uint8Array[]): { verifyAll(presentations: string[]): Promise<number> } {
  const certificates = new Map<string, x509.X509Certificate>();
  const cryptoKeys = new Map<string, Promise<CryptoKey>>();
  const certificate = (der: Uint8Array) => cached(certificates, base64urlEncode(der), () => new x509.X509Certificate(der as Uint8Array<ArrayBuffer>));
  const importJwk = (jwk: JsonWebKey) => cached(cryptoKeys, `${jwk.crv}:${jwk.x}:${jwk.y}`, () =>
    crypto.subtle.importKey('jwk', { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: jwk.crv! }, false, ['verify']));
  const certificateKey = (der: Uint8Array) => cached(cryptoKeys, `cert:${base64urlEncode(der)}`, () => certificate(der).publicKey.export());

  const ctx = {
    crypto: {
      random: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
      digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)),
      calculateEphemeralMacKey: () => {
        throw new Error('device MAC is not used by this benchmark');
      },
    },
    cose: {
      sign1: {
        sign: () => {
          throw new Error('the verifier does not sign');
        },
        verify: async ({ sign1, key }: { sign1: { signature: Uint8Array; toBeSigned: Uint8Array }; key: CoseKey }) => {
          const jwk = key.jwk as JsonWebKey;
          return crypto.subtle.verify({ name: 'ECDSA', hash: HASH_OF_CURVE[jwk.crv!]! }, await importJwk(jwk), sign1.signature as BufferSource, sign1.toBeSigned as BufferSource);
        },
      },
      mac0: {
        sign: () => {
          throw new Error('device MAC is not used by this benchmark');
        },
        verify: () => {
          throw new Error('device MAC is not used by this benchmark');
        },
      },
    },
    x509: {
      getIssuerNameField: ({ certificate: der, field }: { certificate: Uint8Array; field: string }) => certificate(der).issuerName.getField(field),
      getPublicKey: async ({ certificate: der }: { certificate: Uint8Array }) => {
        const jwk = await crypto.subtle.exportKey('jwk', await certificateKey(der));
        return CoseKey.fromJwk({ kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y });
      },
      // RFC 5280 §6.1 reduced to what an IACA → DS chain needs: the DS names a trusted root as its issuer, its signature verifies under that root's key, and both are valid now.
      verifyCertificateChain: async ({ trustedCertificates, x5chain, now }: { trustedCertificates: Uint8Array[]; x5chain: Uint8Array[]; now?: Date }) => {
        const leaf = certificate(x5chain[0]!);
        const root = trustedCertificates.find((t) => certificate(t).subject === leaf.issuer);
        if (!root) throw new Error('no trusted IACA root issued this Document Signer certificate');
        const date = now ?? new Date();
        const ok = await leaf.verify({ publicKey: await certificateKey(root), date });
        if (!ok || date < certificate(root).notBefore || date > certificate(root).notAfter) throw new Error('the Document Signer certificate does not verify under its IACA root');
      },
      getCertificateData: ({ certificate: der }: { certificate: Uint8Array }) => {
        const c = certificate(der);
        return { issuerName: c.issuer, subjectName: c.subject, serialNumber: c.serialNumber, thumbprint: '', notBefore: c.notBefore, notAfter: c.notAfter, pem: '' };
      },
    },
  } as unknown as MdocContext;

  const transcript = SessionTranscript.forOid4Vp(REQUEST, ctx);
  return {
    /** Verifies every presentation at once (WebCrypto calls in flight together); resolves with how many passed. */
    async verifyAll(presentations) {
      const sessionTranscript = await transcript;
      const results = await Promise.all(presentations.map((p) => Verifier.verifyDeviceResponse(
        { deviceResponse: DeviceResponse.fromEncodedForOid4Vp(p), sessionTranscript, trustedCertificates: iacaRoots, now: NOW },
        ctx,
      ).then(() => true, () => false)));
      return results.filter(Boolean).length;
    },
  };
}
