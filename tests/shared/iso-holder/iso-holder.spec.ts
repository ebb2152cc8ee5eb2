/**
 * The test holder (iso-holder.ts) against code and data Satchel did not write: its session crypto
 * against the ISO/IEC 18013-5 Annex D worked example (the SESSION_ESTABLISHMENT decrypts to the
 * DEVICE_REQUEST, the DEVICE_RESPONSE encrypts to the SESSION_DATA), and its answers against
 * @owf/mdoc's own verifier. Run in Node (tests/unit/interop/iso-holder.test.ts) and Chromium
 * (tests/browser/protocols/iso-holder.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { CoseKey, Curve, DataItem, DeviceEngagement, DeviceRequest, DeviceResponse, DocRequest, EReaderKey, ItemsRequest, KeyType, SessionTranscript, Verifier, cborDecode, cborEncode, hex } from '@owf/mdoc';
import annexD from '../../vectors/mdoc/iso18013-5_annex_d.json';
import { MDL, MDL_NAMESPACE, issueToNewHolder, owfContext } from '../credentials/owf-mdoc';
import { createIsoHolder, sessionTranscriptBytes, type IsoHolder, type Misbehaviour } from './iso-holder';
import { bleIdent, decryptSessionMessage, deriveSessionKeys, encryptSessionMessage, hkdfSha256, p256Point } from './session-crypto';

const V = annexD.hex;
const bytes = (h: string) => hex.decode(h);
const b64u = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

async function annexDDeviceKey(): Promise<CryptoKey> {
  const jwk = { kty: 'EC', crv: 'P-256', x: b64u(bytes(V.EPHEMERAL_DEVICE_KEY_X)), y: b64u(bytes(V.EPHEMERAL_DEVICE_KEY_Y)), d: b64u(bytes(V.EPHEMERAL_DEVICE_KEY_D)) };
  return crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
}

/** Reads an EC2 COSE_Key's coordinates out of a #6.24 item. */
function pointOf(item: DataItem): { x: Uint8Array; y: Uint8Array } {
  const key = CoseKey.decode(item.buffer);
  return { x: key.x!, y: key.y! };
}

/** The reader's side of a QR-engaged session, as far as the tests need it: @owf/mdoc structures, this folder's session crypto. */
async function readerSession(holder: IsoHolder) {
  const readerKeys = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const { x, y } = await p256Point(readerKeys.publicKey);
  const eReaderKeyBytes = CoseKey.create({ keyType: KeyType.Ec, curve: Curve['P-256'], x, y }).encode();
  const engagement = DeviceEngagement.decode(holder.engagementBytes);
  const transcript = SessionTranscript.forQrHandover({ deviceEngagement: engagement, eReaderKey: EReaderKey.decode(eReaderKeyBytes) });
  const transcriptBytes = sessionTranscriptBytes(transcript);
  const eDevice = engagement.security.eDeviceKey;
  const keys = await deriveSessionKeys(readerKeys.privateKey, { x: eDevice.x!, y: eDevice.y! }, transcriptBytes);
  const request = DeviceRequest.create({
    docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL, namespaces: { [MDL_NAMESPACE]: { given_name: false, family_name: false, portrait: false } } }) })],
  });
  const establishment = cborEncode(new Map<string, unknown>([['eReaderKey', DataItem.fromBuffer(eReaderKeyBytes)], ['data', await encryptSessionMessage(keys.skReader, 'reader', 1, request.encode())]]));
  return { keys, transcript, transcriptBytes, request, establishment };
}

async function answered(misbehave?: Misbehaviour) {
  const held = await issueToNewHolder();
  const holder = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey, misbehave });
  const session = await readerSession(holder);
  const answer = await holder.onMessage(session.establishment);
  return { held, holder, session, answer };
}

async function deviceResponseOf(answer: Uint8Array | undefined, skDevice: Uint8Array): Promise<Uint8Array> {
  const data = cborDecode<Map<string, unknown>>(answer!).get('data') as Uint8Array;
  return decryptSessionMessage(skDevice, 'device', 1, data);
}

const verifyWithOwf = (response: Uint8Array, session: Awaited<ReturnType<typeof readerSession>>, certificate: Uint8Array) =>
  Verifier.verifyDeviceResponse({ deviceRequest: session.request, deviceResponse: response, sessionTranscript: session.transcript, trustedCertificates: [certificate], now: new Date('2027-01-01T00:00:00Z') }, owfContext);

export function isoHolderSpecs(): void {
  describe('ISO/IEC 18013-5 Annex D: the holder\'s session crypto', () => {
    it('derives SKReader and SKDevice from EDeviceKey.d, the eReaderKey of SESSION_ESTABLISHMENT and SESSION_TRANSCRIPT_BYTES (§9.1.1.5)', async () => {
      const establishment = cborDecode<Map<string, unknown>>(bytes(V.SESSION_ESTABLISHMENT));
      const keys = await deriveSessionKeys(await annexDDeviceKey(), pointOf(establishment.get('eReaderKey') as DataItem), bytes(V.SESSION_TRANSCRIPT_BYTES));
      expect(hex.encode(keys.skReader)).toBe(annexD.expected.derived_by_collector.SKReader);
      expect(hex.encode(keys.skDevice)).toBe(annexD.expected.derived_by_collector.SKDevice);
      // The reader's key in the message is Annex D's EPHEMERAL_READER_KEY.
      expect(hex.encode(pointOf(establishment.get('eReaderKey') as DataItem).x)).toBe(V.EPHEMERAL_READER_KEY_X);
    });

    it('decrypts SESSION_ESTABLISHMENT to DEVICE_REQUEST, and @owf/mdoc reads it', async () => {
      const establishment = cborDecode<Map<string, unknown>>(bytes(V.SESSION_ESTABLISHMENT));
      const keys = await deriveSessionKeys(await annexDDeviceKey(), pointOf(establishment.get('eReaderKey') as DataItem), bytes(V.SESSION_TRANSCRIPT_BYTES));
      const plaintext = await decryptSessionMessage(keys.skReader, 'reader', 1, establishment.get('data') as Uint8Array);
      expect(hex.encode(plaintext)).toBe(V.DEVICE_REQUEST);
      expect(DeviceRequest.decode(plaintext).docRequests[0]!.itemsRequest.docType).toBe(MDL);
      // The wrong counter or the wrong side's key does not decrypt (§9.1.1.5: IV = identifier ‖ counter).
      await expect(decryptSessionMessage(keys.skReader, 'reader', 2, establishment.get('data') as Uint8Array)).rejects.toThrow();
      await expect(decryptSessionMessage(keys.skDevice, 'reader', 1, establishment.get('data') as Uint8Array)).rejects.toThrow();
    });

    it('encrypts DEVICE_RESPONSE with SKDevice, device counter 1, to SESSION_DATA byte for byte', async () => {
      const establishment = cborDecode<Map<string, unknown>>(bytes(V.SESSION_ESTABLISHMENT));
      const keys = await deriveSessionKeys(await annexDDeviceKey(), pointOf(establishment.get('eReaderKey') as DataItem), bytes(V.SESSION_TRANSCRIPT_BYTES));
      const sessionData = cborEncode(new Map([['data', await encryptSessionMessage(keys.skDevice, 'device', 1, bytes(V.DEVICE_RESPONSE))]]));
      expect(hex.encode(sessionData)).toBe(V.SESSION_DATA);
      expect(cborDecode<Map<string, unknown>>(bytes(V.SESSION_TERMINATION)).get('status')).toBe(20);
    });

    it('reads the engagement with @owf/mdoc byte for byte, and EDeviceKeyBytes is its Security item', () => {
      const engagement = DeviceEngagement.decode(bytes(V.DEVICE_ENGAGEMENT));
      expect(hex.encode(engagement.encode())).toBe(V.DEVICE_ENGAGEMENT);
      const security = cborDecode<Map<number, unknown>>(bytes(V.DEVICE_ENGAGEMENT)).get(1) as [number, DataItem];
      expect(hex.encode(cborEncode(security[1]))).toBe(V.E_DEVICE_KEY_BYTES);
      // SessionTranscriptBytes re-encode byte for byte through @owf/mdoc (Annex D's handover is NFC's).
      const inner = (cborDecode(bytes(V.SESSION_TRANSCRIPT_BYTES), { unwrapTopLevelDataItem: false } as never) as DataItem).buffer;
      expect(hex.encode(sessionTranscriptBytes(SessionTranscript.decode(inner)))).toBe(V.SESSION_TRANSCRIPT_BYTES);
    });

    it('BLE Ident is HKDF-SHA-256 of EDeviceKeyBytes, empty salt, info "BLEIdent", 16 bytes (§8.3.3.1.1.4)', async () => {
      const ident = await bleIdent(bytes(V.E_DEVICE_KEY_BYTES));
      expect(ident).toEqual(await hkdfSha256(bytes(V.E_DEVICE_KEY_BYTES), new Uint8Array(32), new TextEncoder().encode('BLEIdent'), 16));
      expect(ident.length).toBe(16);
    });
  });

  describe('the test holder', () => {
    it('shows an mdoc: engagement with cipher suite 1 and BLE peripheral server mode on its service UUID (§8.2.2.3)', async () => {
      const held = await issueToNewHolder();
      const holder = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey, serviceUuid: '0000abcd-0000-1000-8000-00805f9b34fb' });
      expect(holder.qrText).toMatch(/^mdoc:[A-Za-z0-9_-]+$/);
      const engagement = DeviceEngagement.decode(holder.engagementBytes);
      expect(engagement.version).toBe('1.0');
      expect(engagement.security.cipherSuiteIdentifier).toBe(1);
      const ble = engagement.deviceRetrievalMethods![0]!;
      expect(ble.type).toBe(2);
      expect(hex.encode((ble.retrievalOptions as { peripheralServerModeUuid: Uint8Array }).peripheralServerModeUuid)).toBe('0000abcd000010008000' + '00805f9b34fb');
      expect(holder.serviceUuid).toBe('0000abcd-0000-1000-8000-00805f9b34fb');
      expect((await holder.ident()).length).toBe(16);
    });

    it('answers with a DeviceResponse @owf/mdoc verifies over this session\'s transcript, then takes the termination', async () => {
      const { held, holder, session, answer } = await answered();
      expect(holder.log.sessionTranscriptBytes).toEqual(session.transcriptBytes);
      const response = await deviceResponseOf(answer, session.keys.skDevice);
      await verifyWithOwf(response, session, held.certificate);
      const disclosed = DeviceResponse.decode(response).documents![0]!.issuerSigned.getIssuerNamespace(MDL_NAMESPACE)!.map((i) => i.elementIdentifier);
      expect(disclosed.sort()).toEqual(['family_name', 'given_name', 'portrait']);
      expect(await holder.onMessage(cborEncode(new Map([['status', 20]])))).toBeUndefined();
      expect(holder.terminated).toBe(true);
      expect(holder.log.statusesReceived).toEqual([20]);
    });

    it('tamper: a disclosed value changed after signing fails @owf/mdoc\'s digest check', async () => {
      const { held, session, answer } = await answered('tamper');
      await expect(verifyWithOwf(await deviceResponseOf(answer, session.keys.skDevice), session, held.certificate)).rejects.toThrow(/digest/i);
    });

    it('replay: signed over another reader\'s transcript, its device signature fails over this one', async () => {
      const { held, session, answer } = await answered('replay');
      await expect(verifyWithOwf(await deviceResponseOf(answer, session.keys.skDevice), session, held.certificate)).rejects.toThrow(/signature/i);
    });

    it('unrequested: discloses one more element than asked, still issuer-signed', async () => {
      const { session, answer } = await answered('unrequested');
      const response = DeviceResponse.decode(await deviceResponseOf(answer, session.keys.skDevice));
      const disclosed = response.documents![0]!.issuerSigned.getIssuerNamespace(MDL_NAMESPACE)!.map((i) => i.elementIdentifier);
      expect(disclosed).toHaveLength(4);
      expect(disclosed).toEqual(expect.arrayContaining(['family_name', 'given_name', 'portrait']));
    });

    it('decline: status 20 and no data; garbage: data that does not decrypt; no-documents; silent', async () => {
      const declined = await answered('decline');
      expect(cborDecode<Map<string, unknown>>(declined.answer!)).toEqual(new Map([['status', 20]]));
      expect(declined.holder.terminated).toBe(true);
      const garbage = await answered('garbage');
      await expect(deviceResponseOf(garbage.answer, garbage.session.keys.skDevice)).rejects.toThrow();
      const empty = await answered('no-documents');
      const response = DeviceResponse.decode(await deviceResponseOf(empty.answer, empty.session.keys.skDevice));
      expect(response.status).toBe(0);
      expect(response.documents).toBeUndefined();
      expect((await answered('silent')).answer).toBeUndefined();
    });

    it('starts afresh on a new SessionEstablishment (the reader connecting again), and ends on SessionData before any', async () => {
      const held = await issueToNewHolder();
      const holder = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey });
      await holder.onMessage((await readerSession(holder)).establishment);
      const second = await readerSession(holder);
      const response = await deviceResponseOf(await holder.onMessage(second.establishment), second.keys.skDevice);
      await verifyWithOwf(response, second, held.certificate);
      expect(holder.log.sessionsStarted).toBe(2);
      const fresh = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey });
      expect(cborDecode<Map<string, unknown>>((await fresh.onMessage(cborEncode(new Map([['data', Uint8Array.of(1)]]))))!)).toEqual(new Map([['status', 11]]));
    });

    it('ends with status 10 when the DeviceRequest does not decrypt, and 11 when the message is not CBOR (§9.1.1.4)', async () => {
      const held = await issueToNewHolder();
      const holder = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey });
      const { establishment } = await readerSession(await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey }));
      expect(cborDecode<Map<string, unknown>>((await holder.onMessage(establishment))!)).toEqual(new Map([['status', 10]]));
      expect(holder.log.errors[0]).toMatch(/did not decrypt/);
      const other = await createIsoHolder({ issuerSigned: held.raw, deviceKey: held.holderKey });
      expect(cborDecode<Map<string, unknown>>((await other.onMessage(Uint8Array.of(0xff, 0x00)))!)).toEqual(new Map([['status', 11]]));
    });
  });
}
