/**
 * Device authentication by signature (ISO/IEC 18013-5 §9.1.3.4, §9.1.3.6): the four auth0-lab/mdl
 * DeviceResponses' device signatures over their own SessionTranscripts (they embed the payload,
 * which must then be this session's DeviceAuthenticationBytes), and device signatures made here
 * over an OpenID4VP 1.0 / Satchel QR transcript: they verify for that session and no other.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import auth0 from '../../../vectors/mdoc/auth0-lab-mdl_examples.json';
import { CheckError } from '../../../../src/credentials/check-error';
import { decodeCbor, EmbeddedCbor, encodeCbor, Tagged } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { parseCoseSign1, publicKeyFromCoseKey, type CoseSign1 } from '../../../../src/credentials/formats/mso-mdoc/cose';
import { deviceAuthenticationBytes, deviceSignatureItem, deviceSignatureItemForTranscript, type DeviceSignedDocument } from '../../../../src/credentials/formats/mso-mdoc/device-auth';
import { parseMso } from '../../../../src/credentials/formats/mso-mdoc/mso';
import { sessionTranscriptBytes } from '../../../../src/credentials/formats/mso-mdoc/session-transcript';
import type { PresentationHandover } from '../../../../src/credentials/formats/format';
import type { PublicKey } from '../../../../src/credentials/jwk';
import { nobleVerify } from '../../../shared/credentials/helpers';

const MDL = 'org.iso.18013.5.1.mDL';
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const NOW_S = Date.parse('2026-06-01T00:00:00Z') / 1000;

/** An auth0 example's document, read straight from the CBOR (example 3's tampered element would stop the full parser before the device signature). */
function auth0Document(hex: string): { doc: DeviceSignedDocument; deviceKey: PublicKey } {
  const response = decodeCbor(fromHex(hex), 'auth0 example') as Map<string, unknown>;
  const document = (response.get('documents') as Map<string, unknown>[])[0]!;
  const issuerAuth = parseCoseSign1((document.get('issuerSigned') as Map<string, unknown>).get('issuerAuth'), 'issuerAuth');
  const deviceSigned = document.get('deviceSigned') as Map<string, unknown>;
  const deviceSignature = parseCoseSign1((deviceSigned.get('deviceAuth') as Map<string, unknown>).get('deviceSignature'), 'device signature');
  const doc = { docType: document.get('docType') as string, deviceNameSpacesBytes: deviceSigned.get('nameSpaces') as EmbeddedCbor, deviceSignature };
  return { doc, deviceKey: publicKeyFromCoseKey(parseMso(issuerAuth).deviceKey, 'device key') };
}

/** SessionTranscriptBytes (#6.24) as the vectors give them → the SessionTranscript's own CBOR. */
function transcriptOf(taggedHex: string): Uint8Array {
  return (decodeCbor(fromHex(taggedHex), 'transcript') as EmbeddedCbor).bytes;
}

function checkError(run: () => unknown): CheckError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).check).toBe('key-binding');
    return error as CheckError;
  }
  throw new Error('expected a CheckError');
}

describe('the auth0-lab/mdl DeviceResponses, against their own SessionTranscripts', () => {
  for (const example of auth0.examples) {
    it(`${example.name}: the device signature verifies with the MSO's device key`, () => {
      const { doc, deviceKey } = auth0Document(example.device_response_hex);
      expect(doc.deviceSignature.payload).not.toBeNull();
      expect(nobleVerify(deviceSignatureItemForTranscript(doc, deviceKey, transcriptOf(example.encoded_session_transcript_hex)))).toBe(true);
    });
  }

  it('their embedded payload is exactly the DeviceAuthenticationBytes built from the session; detached, the same signature verifies', () => {
    const example = auth0.examples[0]!;
    const { doc, deviceKey } = auth0Document(example.device_response_hex);
    const transcript = transcriptOf(example.encoded_session_transcript_hex);
    expect(deviceAuthenticationBytes(transcript, doc.docType, doc.deviceNameSpacesBytes)).toEqual(doc.deviceSignature.payload);
    const detached = { ...doc, deviceSignature: { ...doc.deviceSignature, payload: null } };
    expect(nobleVerify(deviceSignatureItemForTranscript(detached, deviceKey, transcript))).toBe(true);
  });

  it('another session: the embedded payload no longer fits, and is refused rather than verified', () => {
    const example = auth0.examples[1]!;
    const { doc, deviceKey } = auth0Document(example.device_response_hex);
    const other = encodeCbor([null, null, ['123456', 'another-client', 'https://elsewhere.example/response', 'abcdefg']]);
    expect(checkError(() => deviceSignatureItemForTranscript(doc, deviceKey, other)).code).toBe('mismatch');
    const detached = { ...doc, deviceSignature: { ...doc.deviceSignature, payload: null } };
    expect(nobleVerify(deviceSignatureItemForTranscript(detached, deviceKey, other))).toBe(false);
  });
});

interface Session {
  nowS: number;
  audience: string;
  nonce: string;
  handover: PresentationHandover;
}
const openid4vp: PresentationHandover = { kind: 'openid4vp', responseUri: 'https://verifier.example/response', encryptionKeyThumbprint: new Uint8Array(32).fill(7) };
const expectation: Session = { nowS: NOW_S, audience: 'x509_san_dns:verifier.example', nonce: 'n-0123456789', handover: openid4vp };

/** A detached COSE_Sign1 (§9.1.3.6) over DeviceAuthenticationBytes for `expect`'s session, signed by `sign`. */
function signedDocument(algId: number, sign: (message: Uint8Array) => Uint8Array, session = expectation): DeviceSignedDocument {
  const nameSpaces = new EmbeddedCbor(encodeCbor(new Map()));
  const protectedBytes = encodeCbor(new Map([[1, algId]]));
  const transcript = sessionTranscriptBytes(session.handover, session.audience, session.nonce);
  const toBeSigned = encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), deviceAuthenticationBytes(transcript, MDL, nameSpaces)]);
  const deviceSignature: CoseSign1 = parseCoseSign1(new Tagged(18, [protectedBytes, new Map(), null, sign(toBeSigned)]), 'device signature');
  return { docType: MDL, deviceNameSpacesBytes: nameSpaces, deviceSignature };
}

describe('deviceSignatureItem over an OpenID4VP 1.0 SessionTranscript', () => {
  const secret = p256.utils.randomSecretKey();
  const es256: PublicKey = { alg: 'ES256', publicKey: p256.getPublicKey(secret, false) };
  const es256Sign = (m: Uint8Array) => p256.sign(m, secret, { format: 'compact' });

  it('an ES256 device signature for this verifier, nonce and response URI verifies', () => {
    expect(nobleVerify(deviceSignatureItem(signedDocument(-7, es256Sign), es256, expectation))).toBe(true);
  });

  it('an EdDSA device key is accepted the same way', () => {
    const edSecret = ed25519.utils.randomSecretKey();
    const key: PublicKey = { alg: 'EdDSA', publicKey: ed25519.getPublicKey(edSecret) };
    expect(nobleVerify(deviceSignatureItem(signedDocument(-8, (m) => ed25519.sign(m, edSecret)), key, expectation))).toBe(true);
  });

  it('the same signature checked for another verifier, nonce, response URI or encryption key fails (a replay)', () => {
    const doc = signedDocument(-7, es256Sign);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...expectation, audience: 'x509_san_dns:other.example' }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...expectation, nonce: 'n-other' }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...expectation, handover: { ...(openid4vp as Extract<PresentationHandover, { kind: 'openid4vp' }>), responseUri: 'https://verifier.example/other' } }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...expectation, handover: { ...openid4vp, encryptionKeyThumbprint: null } }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...expectation, handover: { kind: 'satchel-qr', requestQr: 'SVQ1.x' } }))).toBe(false);
  });

  it('a signature made for a Satchel request QR verifies for that QR only', () => {
    const session: Session = { ...expectation, handover: { kind: 'satchel-qr', requestQr: 'SVQ1.request-one' } };
    const doc = signedDocument(-7, es256Sign, session);
    expect(nobleVerify(deviceSignatureItem(doc, es256, session))).toBe(true);
    expect(nobleVerify(deviceSignatureItem(doc, es256, { ...session, handover: { kind: 'satchel-qr', requestQr: 'SVQ1.request-two' } }))).toBe(false);
  });

  it('another key fails; a key for another algorithm is refused (key-mismatch)', () => {
    const other: PublicKey = { alg: 'ES256', publicKey: p256.getPublicKey(p256.utils.randomSecretKey(), false) };
    expect(nobleVerify(deviceSignatureItem(signedDocument(-7, es256Sign), other, expectation))).toBe(false);
    const edKey: PublicKey = { alg: 'EdDSA', publicKey: ed25519.getPublicKey(ed25519.utils.randomSecretKey()) };
    const error = checkError(() => deviceSignatureItem(signedDocument(-7, es256Sign), edKey, expectation));
    expect(error.code).toBe('key-mismatch');
    expect(error.message).toMatch(/signed with ES256.*EdDSA key/);
  });

  it('without a verifier, nonce or handover there is nothing to check against (not-checked)', () => {
    const doc = signedDocument(-7, es256Sign);
    expect(checkError(() => deviceSignatureItem(doc, es256, { nowS: NOW_S })).message).toMatch(/no verifier \(client id\), nonce, handover/);
    expect(checkError(() => deviceSignatureItem(doc, es256, { ...expectation, handover: undefined })).code).toBe('not-checked');
    expect(checkError(() => deviceSignatureItem(doc, es256, { ...expectation, nonce: undefined })).message).toMatch(/no nonce/);
    expect(checkError(() => deviceSignatureItem(doc, es256, { ...expectation, handover: { ...openid4vp, responseUri: '' } })).message).toMatch(/response URI/);
  });

  it('an embedded payload other than this session’s DeviceAuthenticationBytes is refused even when the signature over it is good', () => {
    const protectedBytes = encodeCbor(new Map([[1, -7]]));
    const payload = encodeCbor('something else');
    const signature = es256Sign(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]));
    const deviceSignature = parseCoseSign1([protectedBytes, new Map(), payload, signature], 'device signature');
    const doc = { docType: MDL, deviceNameSpacesBytes: encodeCbor(new Map()), deviceSignature };
    expect(checkError(() => deviceSignatureItem(doc, es256, expectation)).code).toBe('mismatch');
  });
});
