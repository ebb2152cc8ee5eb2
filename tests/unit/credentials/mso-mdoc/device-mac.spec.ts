/**
 * Device MAC (ISO/IEC 18013-5 §9.1.3.5) against the Annex D exchange: EMacKey from the reader's
 * ephemeral key, the MSO's device key and the session transcript equals the published derivation,
 * and the Annex D DeviceResponse's deviceMac tag verifies; another transcript, reader key or a
 * changed tag does not. Run in Node (device-mac.test.ts) and in Chromium
 * (tests/browser/credentials/mso-mdoc-present.test.ts): the key agreement, HKDF and HMAC are WebCrypto's.
 */
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import { CheckError } from '../../../../src/credentials/check-error';
import { decodeCbor, encodeCbor, EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { deviceMacMatches, eMacKeyBytes, type DeviceMacDocument } from '../../../../src/credentials/formats/mso-mdoc/device-mac';
import { mdocParts } from '../../../../src/credentials/formats/mso-mdoc/parse';
import { base64urlEncode } from '../../../../src/lib/base64url';

const hex = annexD.hex;
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const transcript = fromHex(hex.SESSION_TRANSCRIPT_BYTES);

async function readerKey(x = hex.EPHEMERAL_READER_KEY_X, y = hex.EPHEMERAL_READER_KEY_Y, d = hex.EPHEMERAL_READER_KEY_D): Promise<CryptoKey> {
  const b64u = (h: string) => base64urlEncode(fromHex(h));
  return crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64u(x), y: b64u(y), d: b64u(d) }, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
}

function annexDDocument(): { doc: DeviceMacDocument; deviceKey: unknown } {
  const { document, issuerSigned } = mdocParts(base64urlEncode(fromHex(hex.DEVICE_RESPONSE)));
  return { doc: { docType: document!.docType, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceMac: document!.deviceSigned.deviceMac! }, deviceKey: issuerSigned.mso.deviceKey };
}

export function deviceMacSpecs(): void {
  describe('device MAC, ISO/IEC 18013-5 Annex D', () => {
    it('derives the published EMacKey from the reader key, the MSO device key and SessionTranscriptBytes', async () => {
      const { deviceKey } = annexDDocument();
      expect(toHex(await eMacKeyBytes(await readerKey(), deviceKey, transcript))).toBe(annexD.expected.derived_by_collector.EMacKey);
    });

    it("verifies the Annex D DeviceResponse's deviceMac", async () => {
      const { doc, deviceKey } = annexDDocument();
      expect(toHex(doc.deviceMac.tag)).toBe(annexD.expected.deviceMac_tag);
      expect(await deviceMacMatches(doc, deviceKey, await readerKey(), transcript)).toBe(true);
    });

    it('fails for a changed tag, another session transcript or another reader key', async () => {
      const { doc, deviceKey } = annexDDocument();
      const tag = doc.deviceMac.tag.slice();
      tag[0]! ^= 1;
      expect(await deviceMacMatches({ ...doc, deviceMac: { ...doc.deviceMac, tag } }, deviceKey, await readerKey(), transcript)).toBe(false);
      const otherTranscript = encodeCbor(new EmbeddedCbor(encodeCbor([null, null, ['OpenID4VPHandover', new Uint8Array(32)]])));
      expect(await deviceMacMatches(doc, deviceKey, await readerKey(), otherTranscript)).toBe(false);
      // The device's ephemeral key pair stands in for "some other reader key".
      const other = await readerKey(hex.EPHEMERAL_DEVICE_KEY_X, hex.EPHEMERAL_DEVICE_KEY_Y, hex.EPHEMERAL_DEVICE_KEY_D);
      expect(await deviceMacMatches(doc, deviceKey, other, transcript)).toBe(false);
    });

    it('a device key that cannot agree a key with the P-256 reader key fails key binding (key-mismatch), never throws anything else', async () => {
      const { doc } = annexDDocument();
      const key = await readerKey();
      const p384 = new Map<number, unknown>([[1, 2], [-1, 2], [-2, new Uint8Array(48).fill(1)], [-3, new Uint8Array(48).fill(2)]]);
      await expect(deviceMacMatches(doc, p384, key, transcript)).rejects.toMatchObject({ name: 'CheckError', check: 'key-binding', code: 'key-mismatch', message: expect.stringMatching(/P-256 device key/) });
      // (1, 1) is not a point on P-256 (SEC 1 §3.2.2): WebCrypto refuses it, and that is a failed check.
      const one = new Uint8Array(32);
      one[31] = 1;
      const offCurve = new Map<number, unknown>([[1, 2], [-1, 1], [-2, one], [-3, one]]);
      await expect(deviceMacMatches(doc, offCurve, key, transcript)).rejects.toMatchObject({ name: 'CheckError', check: 'key-binding', code: 'key-mismatch', message: expect.stringMatching(/cannot agree a key/) });
    });

    it('refuses a MAC algorithm other than HMAC 256/256, an embedded payload, and a transcript not given as SessionTranscriptBytes', async () => {
      const { doc, deviceKey } = annexDDocument();
      const key = await readerKey();
      await expect(deviceMacMatches({ ...doc, deviceMac: { ...doc.deviceMac, alg: 6 } }, deviceKey, key, transcript)).rejects.toThrow(CheckError);
      await expect(deviceMacMatches({ ...doc, deviceMac: { ...doc.deviceMac, payload: new Uint8Array(1) } }, deviceKey, key, transcript)).rejects.toThrow(/detached/);
      const bare = (decodeCbor(transcript, 'test') as EmbeddedCbor).bytes;
      await expect(deviceMacMatches(doc, deviceKey, key, bare)).rejects.toThrow(/SessionTranscriptBytes/);
    });
  });
}
