/**
 * Interop with code Satchel did not write: a QR code engagement built by @owf/mdoc
 * (openwallet-foundation-labs/mdoc-ts), the SessionTranscript @owf/mdoc builds for it
 * (SessionTranscript.forQrHandover, ISO/IEC 18013-5 §9.1.5.1), and a holder that derives its
 * session keys with @noble/hashes' HKDF (RFC 5869) and reads the reader's SessionEstablishment.
 */
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { BleOptions, DeviceEngagement as OwfDeviceEngagement, DeviceRetrievalMethod, EDeviceKey, EReaderKey, Security, SessionTranscript } from '@owf/mdoc';
import { decodeCbor, type EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { parseDeviceEngagement } from '../../../../src/protocols/iso18013-5/device-engagement';
import { ReaderSession } from '../../../../src/protocols/iso18013-5/reader-session';
import { fromHex, hex, toHex } from './annex-d';

const SERVICE_UUID = Uint8Array.from({ length: 16 }, (_, i) => i);

/** A holder's QR code, built by @owf/mdoc around Annex D's EDeviceKey (whose private key the test holder knows). */
function owfEngagementQr(): { qr: string; owf: OwfDeviceEngagement } {
  // E_DEVICE_KEY_BYTES is #6.24(bstr): its 4-byte header (d8 18 58 4b), then the COSE_Key.
  const security = Security.create({ cipherSuiteIdentifier: 1, eDeviceKey: EDeviceKey.decode(fromHex(hex.E_DEVICE_KEY_BYTES).subarray(4)) });
  const ble = DeviceRetrievalMethod.create({ type: 2, version: 1, retrievalOptions: BleOptions.create({ peripheralServerMode: true, centralClientMode: false, peripheralServerModeUuid: SERVICE_UUID }) });
  // @owf/mdoc 0.6.0's DeviceEngagement.create fails on its own parts; built from their encoded structures.
  const built = OwfDeviceEngagement.fromEncodedStructure(new Map<number, unknown>([[0, '1.0'], [1, security.encodedStructure], [2, [ble.encodedStructure]]]) as never);
  const bytes = built.encode();
  return { qr: `mdoc:${base64urlEncode(bytes)}`, owf: OwfDeviceEngagement.decode(bytes) };
}

/** The reader's COSE_Key, read back out of the session's transcript. */
function eReaderKeyOf(sessionTranscriptBytes: Uint8Array): Uint8Array {
  const transcript = decodeCbor((decodeCbor(sessionTranscriptBytes, 'transcript') as EmbeddedCbor).bytes, 'transcript') as EmbeddedCbor[];
  return transcript[1]!.bytes;
}

describe('ISO/IEC 18013-5 reader session with @owf/mdoc', () => {
  it("builds the SessionTranscript @owf/mdoc builds for the same QR engagement and reader key", async () => {
    const { qr, owf } = owfEngagementQr();
    const session = await ReaderSession.start(parseDeviceEngagement(qr));
    const eReaderKey = EReaderKey.decode(eReaderKeyOf(session.sessionTranscriptBytes));
    const theirs = SessionTranscript.forQrHandover({ deviceEngagement: owf, eReaderKey }).encode();
    const ours = (decodeCbor(session.sessionTranscriptBytes, 'transcript') as EmbeddedCbor).bytes;
    expect(toHex(ours)).toBe(toHex(theirs));
  });

  it("lets a holder deriving SKReader with @noble/hashes (HKDF, §9.1.1.5) decrypt the reader's DeviceRequest", async () => {
    const { qr } = owfEngagementQr();
    const session = await ReaderSession.start(parseDeviceEngagement(qr));
    const deviceRequest = fromHex(hex.DEVICE_REQUEST);
    const establishment = decodeCbor(await session.establishment(deviceRequest), 'establishment') as Map<string, unknown>;
    // The holder's side: ECDH(EDeviceKey.priv, EReaderKey.pub) (SEC 1 §3.3.1: Z is the x-coordinate).
    const readerKey = decodeCbor((establishment.get('eReaderKey') as EmbeddedCbor).bytes, 'EReaderKey') as Map<number, Uint8Array>;
    const readerPublic = Uint8Array.of(4, ...readerKey.get(-2)!, ...readerKey.get(-3)!);
    const z = p256.getSharedSecret(fromHex(hex.EPHEMERAL_DEVICE_KEY_D), readerPublic).subarray(1);
    const skReader = hkdf(sha256, z, sha256(session.sessionTranscriptBytes), new TextEncoder().encode('SKReader'), 32);
    const key = await crypto.subtle.importKey('raw', skReader, 'AES-GCM', false, ['decrypt']);
    const iv = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    const plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, (establishment.get('data') as Uint8Array).slice()));
    expect(toHex(plaintext)).toBe(hex.DEVICE_REQUEST);
  });
});
