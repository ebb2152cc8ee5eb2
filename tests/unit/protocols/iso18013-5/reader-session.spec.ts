/**
 * The reader's session (ISO/IEC 18013-5 §9.1.1, §9.1.5.1) against the Annex D exchange, byte for
 * byte: the SessionTranscript, the SessionEstablishment carrying Annex D's DeviceRequest (AES-GCM
 * is deterministic given its key and IV), the holder's SessionData decrypting to Annex D's
 * DeviceResponse, the termination; then each way a holder's message is refused. Run in Node
 * (reader-session.test.ts) and Chromium (tests/browser/protocols/iso18013-5-session.test.ts): the
 * key agreement, HKDF and AES-GCM are WebCrypto's.
 */
import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { decodeDeviceEngagement } from '../../../../src/protocols/iso18013-5/device-engagement';
import { ProximityError } from '../../../../src/protocols/iso18013-5/proximity-error';
import { ReaderSession } from '../../../../src/protocols/iso18013-5/reader-session';
import { readerCoseKey } from '../../../../src/protocols/iso18013-5/session-keys';
import { decodeSessionData, encodeSessionData, SessionStatus } from '../../../../src/protocols/iso18013-5/session-messages';
import { sessionTranscriptBytes } from '../../../../src/protocols/iso18013-5/session-transcript';
import { annexDReaderKeyPair, annexDTranscriptParts, expected, fromHex, hex, toHex } from './annex-d';

/** A session with Annex D's holder: its (NFC) engagement, its reader key and its NFC handover. */
async function annexDSession(): Promise<ReaderSession> {
  const { deviceEngagement, handover } = annexDTranscriptParts();
  return ReaderSession.start(decodeDeviceEngagement(deviceEngagement), { readerKeyPair: await annexDReaderKeyPair(), handover });
}

async function established(): Promise<ReaderSession> {
  const session = await annexDSession();
  await session.establishment(fromHex(hex.DEVICE_REQUEST));
  return session;
}

/** What the holder would send as its message `counter`, encrypted here with the collector's SKDevice (not Satchel's derivation). */
async function holderMessage(plaintext: Uint8Array, counter: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', fromHex(expected.derived_by_collector.SKDevice), 'AES-GCM', false, ['encrypt']);
  const iv = new Uint8Array(12);
  iv[7] = 1; // §9.1.1.5: the device's identifier, 00 00 00 00 00 00 00 01
  new DataView(iv.buffer).setUint32(8, counter);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext as BufferSource));
  return encodeSessionData({ data });
}

async function refusal(attempt: Promise<unknown>): Promise<ProximityError> {
  const error = await attempt.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ProximityError)) throw new Error(`expected a ProximityError, got ${String(error)}`);
  return error;
}

export function readerSessionSpecs(): void {
  describe('reader session, ISO/IEC 18013-5 Annex D', () => {
    it("encodes Annex D's EReaderKey as the COSE_Key its transcript holds", async () => {
      const { eReaderKey } = annexDTranscriptParts();
      expect(toHex(await readerCoseKey((await annexDReaderKeyPair()).publicKey))).toBe(toHex(eReaderKey));
    });

    it('builds SessionTranscriptBytes equal to Annex D\'s, from its engagement, reader key and handover', () => {
      const { deviceEngagement, eReaderKey, handover } = annexDTranscriptParts();
      expect(toHex(sessionTranscriptBytes(deviceEngagement, eReaderKey, handover))).toBe(hex.SESSION_TRANSCRIPT_BYTES);
    });

    it('puts null as the Handover of a QR code engagement (§9.1.5.1)', () => {
      const { deviceEngagement, eReaderKey } = annexDTranscriptParts();
      const transcript = decodeCbor(sessionTranscriptBytes(deviceEngagement, eReaderKey), 'transcript') as { bytes: Uint8Array };
      expect((decodeCbor(transcript.bytes, 'transcript') as unknown[])[2]).toBeNull();
    });

    it('starts with the same transcript, and establishes the session with exactly Annex D\'s SessionEstablishment', async () => {
      const session = await annexDSession();
      expect(toHex(session.sessionTranscriptBytes)).toBe(hex.SESSION_TRANSCRIPT_BYTES);
      expect(session.readerPrivateKey.extractable).toBe(false);
      // Exactly its own bytes (not a view of a Node Buffer's pool, whose slice() would be the whole pool).
      expect(session.sessionTranscriptBytes.buffer.byteLength).toBe(session.sessionTranscriptBytes.length);
      expect(toHex(await session.establishment(fromHex(hex.DEVICE_REQUEST)))).toBe(hex.SESSION_ESTABLISHMENT);
    });

    it("opens Annex D's SessionData to its DeviceResponse", async () => {
      const session = await established();
      const opened = await session.open(fromHex(hex.SESSION_DATA));
      expect(toHex(opened.deviceResponse!)).toBe(hex.DEVICE_RESPONSE);
      expect(opened.status).toBeUndefined();
    });

    it("reads Annex D's SessionTermination as status 20, and ends a session with exactly those bytes", async () => {
      expect(decodeSessionData(fromHex(hex.SESSION_TERMINATION))).toEqual({ status: SessionStatus.sessionTermination });
      const session = await established();
      expect(await session.open(fromHex(hex.SESSION_TERMINATION))).toEqual({ status: 20 });
      expect(toHex(session.termination())).toBe(hex.SESSION_TERMINATION);
      expect(decodeSessionData(session.termination(SessionStatus.sessionEncryptionError))).toEqual({ status: 10 });
    });

    it("decrypts the holder's second message with counter 2, and data sent with status 20 together", async () => {
      const session = await established();
      await session.open(fromHex(hex.SESSION_DATA));
      const second = await holderMessage(Uint8Array.of(0xa0), 2);
      expect(await session.open(second)).toEqual({ deviceResponse: Uint8Array.of(0xa0) });
      const third = decodeSessionData(await holderMessage(Uint8Array.of(0xa1, 0x01, 0x02), 3));
      expect(await session.open(encodeSessionData({ data: third.data!, status: 20 }))).toEqual({ deviceResponse: Uint8Array.of(0xa1, 0x01, 0x02), status: 20 });
    });

    it("encrypts the reader's second message with counter 2, never reusing an IV", async () => {
      const session = await annexDSession();
      const first = decodeCbor(await session.establishment(fromHex(hex.DEVICE_REQUEST)), 'establishment') as Map<string, Uint8Array>;
      const key = await crypto.subtle.importKey('raw', fromHex(expected.derived_by_collector.SKReader), 'AES-GCM', false, ['decrypt']);
      const iv = (counter: number) => Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, counter);
      expect(toHex(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv(1) }, key, first.get('data')! as BufferSource)))).toBe(hex.DEVICE_REQUEST);
      await expect(session.establishment(fromHex(hex.DEVICE_REQUEST))).rejects.toThrow(/already established/);
    });
  });

  describe("reader session, refusing a holder's message", () => {
    it('refuses a SessionData whose tag was altered: status 10', async () => {
      const session = await established();
      const altered = fromHex(hex.SESSION_DATA);
      altered[altered.length - 1]! ^= 0x01;
      const error = await refusal(session.open(altered));
      expect(error.code).toBe('session-failed');
      expect(error.sessionStatus).toBe(10);
      expect(error.message).toMatch(/could not be decrypted/);
    });

    it('refuses the same SessionData sent again (a replayed counter): status 10, and nothing after it', async () => {
      const session = await established();
      await session.open(fromHex(hex.SESSION_DATA));
      const error = await refusal(session.open(fromHex(hex.SESSION_DATA)));
      expect([error.code, error.sessionStatus]).toEqual(['session-failed', 10]);
      // The genuine second message no longer opens: the session failed.
      await expect(session.open(await holderMessage(Uint8Array.of(0xa0), 2))).rejects.toThrow(/session has failed/);
    });

    it('refuses a message skipping a counter (out of order): status 10', async () => {
      const session = await established();
      const error = await refusal(session.open(await holderMessage(Uint8Array.of(0xa0), 2)));
      expect([error.code, error.sessionStatus]).toEqual(['session-failed', 10]);
    });

    const malformed: [string, Uint8Array, RegExp][] = [
      ['not CBOR', Uint8Array.of(0xa1, 0x64), /not valid CBOR/],
      ['not a map', encodeCbor(['data']), /not a CBOR map/],
      ['neither data nor status', encodeCbor(new Map([['other', 1]])), /neither data nor a status/],
      ['data that is text', encodeCbor(new Map([['data', 'abc']])), /not a byte string/],
      ['a negative status', encodeCbor(new Map([['status', -1]])), /not an unsigned integer/],
    ];
    for (const [name, bytes, message] of malformed) {
      it(`refuses a SessionData that is ${name}: status 11`, async () => {
        const session = await established();
        const error = await refusal(session.open(bytes));
        expect([error.code, error.sessionStatus]).toEqual(['session-failed', 11]);
        expect(error.message).toMatch(message);
      });
    }

    it('refuses a message after the holder ended the session with a status (§9.1.1.4 Table 20)', async () => {
      const session = await established();
      expect(await session.open(fromHex(hex.SESSION_TERMINATION))).toEqual({ status: 20 });
      const error = await refusal(session.open(fromHex(hex.SESSION_DATA)));
      expect(error.code).toBe('session-failed');
      expect(error.message).toMatch(/already ended/);
    });

    it('refuses an answer before the session is established', async () => {
      const session = await annexDSession();
      expect((await refusal(session.open(fromHex(hex.SESSION_DATA)))).code).toBe('session-failed');
    });

    it('refuses an engagement whose key is not a point on P-256', async () => {
      const { deviceEngagement } = annexDTranscriptParts();
      const engagement = decodeDeviceEngagement(deviceEngagement);
      const offCurve = { ...engagement, eDeviceKey: { ...engagement.eDeviceKey, y: new Uint8Array(32).fill(7) } };
      expect((await refusal(ReaderSession.start(offCurve))).code).toBe('not-an-engagement');
    });

    it('makes a fresh, non-extractable reader key for each session', async () => {
      const { deviceEngagement } = annexDTranscriptParts();
      const engagement = decodeDeviceEngagement(deviceEngagement);
      const [a, b] = await Promise.all([ReaderSession.start(engagement), ReaderSession.start(engagement)]);
      expect(a.readerPrivateKey.extractable).toBe(false);
      expect(toHex(a.sessionTranscriptBytes)).not.toBe(toHex(b.sessionTranscriptBytes));
    });
  });
}
