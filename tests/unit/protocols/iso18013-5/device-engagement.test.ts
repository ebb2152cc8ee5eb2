/**
 * Reading a holder's device engagement (ISO/IEC 18013-5 §8.2.1.1, §8.2.2.3): Annex D's engagement,
 * one built by @owf/mdoc (code Satchel did not write), and each way a QR code can be refused.
 */
import { describe, expect, it } from 'vitest';
import { BleOptions, DeviceEngagement as OwfDeviceEngagement, DeviceRetrievalMethod, EDeviceKey, NfcOptions, Security } from '@owf/mdoc';
import { embedCbor, encodeCbor, EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { decodeDeviceEngagement, MAX_ENGAGEMENT_QR_CHARS, parseDeviceEngagement } from '../../../../src/protocols/iso18013-5/device-engagement';
import { ProximityError, type ProximityErrorCode } from '../../../../src/protocols/iso18013-5/proximity-error';
import { fromHex, hex, toHex } from './annex-d';

const SERVICE_UUID = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const SERVICE_UUID_TEXT = 'a0a1a2a3-a4a5-a6a7-a8a9-aaabacadaeaf';
const annexDKey = fromHex(hex.E_DEVICE_KEY_BYTES);

function coseKey(overrides: [number, unknown][] = []): Map<number, unknown> {
  const key = new Map<number, unknown>([[1, 2], [-1, 1], [-2, fromHex(hex.EPHEMERAL_DEVICE_KEY_X)], [-3, fromHex(hex.EPHEMERAL_DEVICE_KEY_Y)]]);
  for (const [label, value] of overrides) {
    if (value === undefined) key.delete(label);
    else key.set(label, value);
  }
  return key;
}

interface Shape {
  version?: unknown;
  suite?: unknown;
  key?: unknown;
  methods?: unknown;
}

/** A DeviceEngagement map built here, BLE peripheral server mode by default. */
function engagementBytes(shape: Shape = {}): Uint8Array {
  const { version = '1.0', suite = 1, key = embedCbor(coseKey()) } = shape;
  const methods = 'methods' in shape ? shape.methods : [[2, 1, new Map<number, unknown>([[0, true], [1, false], [10, SERVICE_UUID]])]];
  const map = new Map<number, unknown>([[0, version], [1, [suite, key]]]);
  if (methods !== undefined) map.set(2, methods);
  return encodeCbor(map);
}

const qr = (bytes: Uint8Array) => `mdoc:${base64urlEncode(bytes)}`;

function refusal(text: string): { code: ProximityErrorCode; message: string } {
  try {
    parseDeviceEngagement(text);
  } catch (error) {
    if (error instanceof ProximityError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the engagement was accepted');
}

describe('device engagement, ISO/IEC 18013-5 Annex D', () => {
  it("reads Annex D's engagement: version, the holder's key as sent, and its BLE central client option", () => {
    const engagement = decodeDeviceEngagement(fromHex(hex.DEVICE_ENGAGEMENT));
    expect(engagement.version).toBe('1.0');
    expect(toHex(engagement.bytes)).toBe(hex.DEVICE_ENGAGEMENT);
    expect(toHex(engagement.eDeviceKeyBytes)).toBe(hex.E_DEVICE_KEY_BYTES);
    expect(toHex(engagement.eDeviceKey.x)).toBe(hex.EPHEMERAL_DEVICE_KEY_X);
    expect(toHex(engagement.eDeviceKey.y)).toBe(hex.EPHEMERAL_DEVICE_KEY_Y);
    // Annex D's holder offers central client mode only (options 0 false, 1 true, 11 its UUID).
    expect(engagement.ble).toEqual({ centralClientUuid: '45efef74-2b2c-4837-a9a3-b0e1d05a6917' });
  });

  it("refuses Annex D's engagement from a QR code: central client mode needs the reader to serve, which a web page cannot", () => {
    const { code, message } = refusal(qr(fromHex(hex.DEVICE_ENGAGEMENT)));
    expect(code).toBe('engagement-unsupported');
    expect(message).toMatch(/central client mode/);
  });
});

describe('device engagement built by @owf/mdoc', () => {
  it('parses, with its BLE peripheral server UUID and device address', () => {
    // E_DEVICE_KEY_BYTES is #6.24(bstr): its 4-byte header (d8 18 58 4b), then the COSE_Key.
    const eDeviceKey = EDeviceKey.decode(annexDKey.subarray(4));
    const security = Security.create({ cipherSuiteIdentifier: 1, eDeviceKey });
    const methods = [
      DeviceRetrievalMethod.create({ type: 1, version: 1, retrievalOptions: NfcOptions.create({ maxCommandDataLength: 255, maxResponseDataLength: 256 }) }),
      DeviceRetrievalMethod.create({ type: 2, version: 1, retrievalOptions: BleOptions.create({ peripheralServerMode: true, centralClientMode: false, peripheralServerModeUuid: SERVICE_UUID, peripheralServerModeDeviceAddress: Uint8Array.of(1, 2, 3, 4, 5, 6) }) }),
    ];
    // @owf/mdoc 0.6.0's DeviceEngagement.create hands its decoded parts to fromEncodedStructure and
    // fails ("Expected tuple"); built from the parts' encoded structures, as its create means to.
    const owf = OwfDeviceEngagement.fromEncodedStructure(new Map<number, unknown>([[0, '1.0'], [1, security.encodedStructure], [2, methods.map((method) => method.encodedStructure)]]) as never);
    const bytes = owf.encode();
    const engagement = parseDeviceEngagement(qr(bytes));
    expect(engagement.bytes).toEqual(bytes);
    expect(engagement.ble).toEqual({ peripheralServerUuid: SERVICE_UUID_TEXT, deviceAddress: Uint8Array.of(1, 2, 3, 4, 5, 6) });
    expect(toHex(engagement.eDeviceKey.x)).toBe(hex.EPHEMERAL_DEVICE_KEY_X);
    expect(toHex(engagement.eDeviceKey.y)).toBe(hex.EPHEMERAL_DEVICE_KEY_Y);
  });
});

describe('device engagement from a QR code', () => {
  it('reads the mdoc: URI whatever the case of its scheme (RFC 3986 §3.1)', () => {
    const bytes = engagementBytes();
    expect(parseDeviceEngagement(`MDOC:${base64urlEncode(bytes)}`).ble?.peripheralServerUuid).toBe(SERVICE_UUID_TEXT);
    expect(parseDeviceEngagement(qr(bytes)).eDeviceKeyBytes).toEqual((embedCbor(coseKey()) as EmbeddedCbor).encoded);
  });

  it('reads version 1.1 and ignores NFC and Wi-Fi Aware methods before the BLE one', () => {
    const methods = [[1, 1, new Map([[0, 255], [1, 256]])], [3, 1, new Map()], [2, 1, new Map<number, unknown>([[0, true], [1, true], [10, SERVICE_UUID], [11, SERVICE_UUID]])]];
    const engagement = parseDeviceEngagement(qr(engagementBytes({ version: '1.1', methods })));
    expect(engagement.version).toBe('1.1');
    expect(engagement.ble).toEqual({ peripheralServerUuid: SERVICE_UUID_TEXT, centralClientUuid: SERVICE_UUID_TEXT });
  });

  const cases: [string, string, ProximityErrorCode, RegExp][] = [
    ['another scheme', `openid4vp://?${base64urlEncode(engagementBytes())}`, 'not-an-engagement', /does not start with "mdoc:"/],
    ['padded base64', `${qr(engagementBytes())}=`, 'not-an-engagement', /not base64url/],
    ['base64url with a + sign', 'mdoc:ab+c', 'not-an-engagement', /not base64url/],
    ['nothing after the scheme', 'mdoc:', 'not-an-engagement', /not base64url/],
    ['bytes that are not CBOR', qr(Uint8Array.of(0xa3, 0x00)), 'not-an-engagement', /not valid CBOR: it is truncated/],
    ['CBOR that is not a map', qr(encodeCbor(['1.0'])), 'not-an-engagement', /not a CBOR map/],
    ['a text over the size limit', `mdoc:${'A'.repeat(MAX_ENGAGEMENT_QR_CHARS)}`, 'not-an-engagement', /at most 4296 characters/],
    ['version "2.0"', qr(engagementBytes({ version: '2.0' })), 'engagement-unsupported', /version "2\.0"/],
    ['no version', qr(engagementBytes({ version: 1 })), 'not-an-engagement', /no version/],
    ['cipher suite 2', qr(engagementBytes({ suite: 2 })), 'engagement-unsupported', /cipher suite 2/],
    ['a key not embedded with tag 24', qr(engagementBytes({ key: encodeCbor(coseKey()) })), 'not-an-engagement', /tag 24/],
    ['a P-384 key', qr(engagementBytes({ key: embedCbor(coseKey([[-1, 2]])) })), 'engagement-unsupported', /curve 2.*P-256/],
    ['an Ed25519 key', qr(engagementBytes({ key: embedCbor(new Map<number, unknown>([[1, 1], [-1, 6], [-2, new Uint8Array(32)]])) })), 'engagement-unsupported', /kty 1, curve 6/],
    ['a compressed P-256 key', qr(engagementBytes({ key: embedCbor(coseKey([[-3, true]])) })), 'not-an-engagement', /compressed/],
    ['a key with its private part', qr(engagementBytes({ key: embedCbor(coseKey([[-4, new Uint8Array(32)]])) })), 'not-an-engagement', /private key/],
    ['no retrieval methods', qr(engagementBytes({ methods: undefined })), 'engagement-unsupported', /no Bluetooth connection/],
    ['NFC only', qr(engagementBytes({ methods: [[1, 1, new Map([[0, 255], [1, 256]])]] })), 'engagement-unsupported', /no Bluetooth connection/],
    ['BLE peripheral mode without its UUID', qr(engagementBytes({ methods: [[2, 1, new Map([[0, true], [1, false]])]] })), 'engagement-unsupported', /no Bluetooth connection/],
    ['a UUID of 15 bytes', qr(engagementBytes({ methods: [[2, 1, new Map<number, unknown>([[0, true], [1, false], [10, new Uint8Array(15)]])]] })), 'not-an-engagement', /option 10\) must be 16 bytes/],
    ['BLE options without the mode flags', qr(engagementBytes({ methods: [[2, 1, new Map<number, unknown>([[10, SERVICE_UUID]])]] })), 'not-an-engagement', /options 0 and 1/],
    ['a retrieval method that is not [type, version, options]', qr(engagementBytes({ methods: [[2, 1]] })), 'not-an-engagement', /\[type, version, options\]/],
  ];
  for (const [name, text, code, message] of cases) {
    it(`refuses ${name}`, () => {
      const refused = refusal(text);
      expect(refused.code).toBe(code);
      expect(refused.message).toMatch(message);
    });
  }
});
