/**
 * A presented mdoc (DeviceResponse, ISO/IEC 18013-5 §8.3.2.1.2.2) through the format module: the
 * holder proof the pipeline checks is the device signature (§9.1.3) over this session
 * (device-auth.ts), with the device key the issuer put in the MSO; a device MAC cannot be checked
 * without a proximity session; peekHolderProof identifies what was signed.
 */
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import auth0 from '../../../vectors/mdoc/auth0-lab-mdl_examples.json';
import { CheckError } from '../../../../src/credentials/check-error';
import { decodeCbor, embedCbor, encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { deviceAuthenticationBytes } from '../../../../src/credentials/formats/mso-mdoc/device-auth';
import { msoMdocFormat } from '../../../../src/credentials/formats/mso-mdoc/index';
import { detectFormat } from '../../../../src/credentials/formats/index';
import { sessionTranscriptBytes } from '../../../../src/credentials/formats/mso-mdoc/session-transcript';
import type { HolderProofExpectations, PresentationHandover } from '../../../../src/credentials/formats/format';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { buildIssuerSigned, MDL, MDL_NS } from './build-mdoc';

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const AUDIENCE = 'x509_san_dns:checker.example.gov.uk';
const NONCE = 'n-0S6_WzA2Mj';
const HANDOVER: PresentationHandover = { kind: 'openid4vp', responseUri: 'https://checker.example.gov.uk/response', encryptionKeyThumbprint: null };
const EXPECT: HolderProofExpectations = { nowS: Date.parse('2027-01-01T00:00:00Z') / 1000, audience: AUDIENCE, nonce: NONCE, handover: HANDOVER };

/** A DeviceResponse presenting a built mdoc, signed by its device key over this session (detached payload, §9.1.3.6). */
function presented(): string {
  const built = buildIssuerSigned();
  const nameSpaces = embedCbor(new Map());
  const signed = deviceAuthenticationBytes(sessionTranscriptBytes(HANDOVER, AUDIENCE, NONCE), MDL, nameSpaces);
  const protectedBytes = encodeCbor(new Map([[1, -7]]));
  const signature = p256.sign(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), signed]), built.deviceSecret, { prehash: true, format: 'compact' });
  const document = new Map<string, unknown>([
    ['docType', MDL],
    ['issuerSigned', built.issuerSigned],
    ['deviceSigned', new Map<string, unknown>([['nameSpaces', nameSpaces], ['deviceAuth', new Map([['deviceSignature', [protectedBytes, new Map(), null, signature]]])]])],
  ]);
  return base64urlEncode(encodeCbor(new Map<string, unknown>([['version', '1.0'], ['documents', [document]], ['status', 0]])));
}

async function verifies(raw: string, expect: HolderProofExpectations): Promise<boolean> {
  const proof = msoMdocFormat.parse(raw).holderProof!(expect);
  // A device signature is a batch item (a device MAC, a Promise, needs a proximity session: mdoc-proximity.spec.ts).
  if (proof instanceof Promise) throw new Error('expected a device signature, not a device MAC');
  const [ok] = await nobleVerifier.verifyBatch([proof]);
  return ok!;
}

describe('the holder proof of a presented mdoc', () => {
  it('verifies for the session it was made for, and not for another nonce, verifier or response address', async () => {
    const raw = presented();
    expect(await verifies(raw, EXPECT)).toBe(true);
    expect(await verifies(raw, { ...EXPECT, nonce: 'another-nonce' })).toBe(false);
    expect(await verifies(raw, { ...EXPECT, audience: 'x509_san_dns:elsewhere.example' })).toBe(false);
    expect(await verifies(raw, { ...EXPECT, handover: { ...HANDOVER, responseUri: 'https://elsewhere.example/response' } })).toBe(false);
  });

  it('cannot be checked without the session it answers', () => {
    const proof = msoMdocFormat.parse(presented()).holderProof!;
    expect(() => proof({ nowS: EXPECT.nowS })).toThrow(CheckError);
  });

  it('is absent from a stored credential', () => {
    expect(msoMdocFormat.parse(buildIssuerSigned().raw).holderProof).toBeUndefined();
  });

  it('for a device MAC (Annex D) says it needs a proximity session', () => {
    const proof = msoMdocFormat.parse(base64urlEncode(fromHex(annexD.hex.DEVICE_RESPONSE))).holderProof!;
    try {
      proof(EXPECT);
      throw new Error('expected a CheckError');
    } catch (error) {
      expect(error).toBeInstanceOf(CheckError);
      expect((error as CheckError).check).toBe('key-binding');
      expect((error as CheckError).code).toBe('not-checked');
      expect((error as Error).message).toMatch(/device MAC/);
    }
  });

  it('for an auth0 example, whose signature was made for another session, does not verify for ours', () => {
    const raw = base64urlEncode(fromHex(auth0.examples[0]!.device_response_hex));
    // Its embedded payload is not this session's DeviceAuthenticationBytes: refused before any signature check.
    expect(() => msoMdocFormat.parse(raw).holderProof!(EXPECT)).toThrow(/signs something other than this session/);
  });
});

describe('presenting through the format (present.ts) and parsing the answer back', () => {
  it('discloses only the chosen elements, and its holder proof verifies for that session only', async () => {
    const built = buildIssuerSigned();
    const point = built.devicePoint;
    const holderKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)), d: base64urlEncode(built.deviceSecret) },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
    const presentation = await msoMdocFormat.present(built.raw, { disclose: [[MDL_NS, 'age_over_18']], audience: AUDIENCE, nonce: NONCE, holderKey, handover: HANDOVER });
    expect(detectFormat(presentation).id).toBe('mso_mdoc');
    const parsed = msoMdocFormat.parse(presentation);
    expect(parsed.claims).toEqual({ [MDL_NS]: { age_over_18: true } });
    expect(parsed.disclosures).toBe(1);
    expect(await verifies(presentation, EXPECT)).toBe(true);
    expect(await verifies(presentation, { ...EXPECT, nonce: 'another-nonce' })).toBe(false);
    expect(await nobleVerifier.verifyBatch([parsed.issuerSignature.item({ alg: 'ES256', publicKey: built.issuerKey })])).toEqual([true]);
  });
});

describe('peekHolderProof', () => {
  it('names what the device signed, the same for a copy whose ECDSA s was flipped to n − s', async () => {
    const raw = presented();
    const peeked = msoMdocFormat.peekHolderProof(raw)!;
    expect(peeked.nonce).toBeUndefined();
    expect(peeked.aud).toBeUndefined();
    expect(msoMdocFormat.peekHolderProof(presented())!.signingInput).not.toBe(peeked.signingInput);
    // Malleate: (r, s) → (r, n − s) verifies too (SEC 1 §4.1.4), and must be recognised as the same.
    const response = decodeCbor(base64urlDecode(raw)!, 'test') as Map<string, Map<string, unknown>[]>;
    const deviceSigned = response.get('documents')![0]!.get('deviceSigned') as Map<string, Map<string, Uint8Array[]>>;
    const sign1 = deviceSigned.get('deviceAuth')!.get('deviceSignature')!;
    const signature = sign1[3]!;
    const s = BigInt(`0x${toHex(signature.subarray(32))}`);
    sign1[3] = Uint8Array.from([...signature.subarray(0, 32), ...fromHex((p256.Point.Fn.ORDER - s).toString(16).padStart(64, '0'))]);
    const malleated = base64urlEncode(encodeCbor(response));
    expect(malleated).not.toBe(raw);
    expect(await verifies(malleated, EXPECT)).toBe(true);
    expect(msoMdocFormat.peekHolderProof(malleated)!.signingInput).toBe(peeked.signingInput);
  });

  it('is undefined for a stored credential or something unreadable', () => {
    expect(msoMdocFormat.peekHolderProof(buildIssuerSigned().raw)).toBeUndefined();
    expect(msoMdocFormat.peekHolderProof('AAAA')).toBeUndefined();
  });
});
