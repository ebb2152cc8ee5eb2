/**
 * Damaged input never escapes as anything but a ProximityError naming what was wrong: every
 * truncation and every single-bit flip of an engagement QR built from Annex D's key, and of Annex D's
 * SessionData (ISO/IEC 18013-5 §8.2.1.1, §9.1.1.4). A bit flip may leave a valid engagement (a
 * different UUID, say); what matters is that nothing else is thrown.
 */
import { describe, expect, it } from 'vitest';
import { encodeCbor, EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { decodeDeviceEngagement, parseDeviceEngagement } from '../../../../src/protocols/iso18013-5/device-engagement';
import { ProximityError } from '../../../../src/protocols/iso18013-5/proximity-error';
import { ReaderSession } from '../../../../src/protocols/iso18013-5/reader-session';
import { decodeSessionData } from '../../../../src/protocols/iso18013-5/session-messages';
import { annexDReaderKeyPair, annexDTranscriptParts, fromHex, hex } from './annex-d';

const engagement = encodeCbor(new Map<number, unknown>([
  [0, '1.0'],
  // E_DEVICE_KEY_BYTES is #6.24(bstr): its 4-byte header, then the COSE_Key.
  [1, [1, new EmbeddedCbor(fromHex(hex.E_DEVICE_KEY_BYTES).subarray(4))]],
  [2, [[2, 1, new Map<number, unknown>([[0, true], [1, false], [10, new Uint8Array(16).fill(0x42)]])]]],
]));

function damaged(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let end = 0; end < bytes.length; end++) out.push(bytes.subarray(0, end));
  for (let i = 0; i < bytes.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const copy = bytes.slice();
      copy[i]! ^= 1 << bit;
      out.push(copy);
    }
  }
  return out;
}

function outcome(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof ProximityError && error.message.length > 0 ? 'refused' : `threw ${String(error)}`;
  }
}

describe('damaged ISO/IEC 18013-5 input', () => {
  it('an engagement QR, truncated or with one bit flipped, is accepted or refused with a ProximityError', () => {
    expect(parseDeviceEngagement(`mdoc:${base64urlEncode(engagement)}`).ble?.peripheralServerUuid).toBe('42424242-4242-4242-4242-424242424242');
    const outcomes = damaged(engagement).map((bytes) => outcome(() => parseDeviceEngagement(`mdoc:${base64urlEncode(bytes)}`)));
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'refused')).toEqual([]);
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(engagement.length);
  });

  it("Annex D's SessionData, truncated or with one bit flipped, is refused with a ProximityError", async () => {
    const sessionData = fromHex(hex.SESSION_DATA);
    const headers = damaged(sessionData.subarray(0, 12));
    const outcomes = headers.map((head) => outcome(() => decodeSessionData(head)));
    expect(outcomes.filter((o) => o !== 'accepted' && o !== 'refused')).toEqual([]);
    // A bit flipped in the member name, the ciphertext or the tag: refused (a fresh session each time).
    const keyPair = await annexDReaderKeyPair();
    const { deviceEngagement, handover } = annexDTranscriptParts();
    for (const at of [5, 100, sessionData.length - 16, sessionData.length - 1]) {
      const session = await ReaderSession.start(decodeDeviceEngagement(deviceEngagement), { readerKeyPair: keyPair, handover });
      await session.establishment(fromHex(hex.DEVICE_REQUEST));
      const flipped = sessionData.slice();
      flipped[at]! ^= 0x80;
      await expect(session.open(flipped)).rejects.toBeInstanceOf(ProximityError);
    }
  });
});
