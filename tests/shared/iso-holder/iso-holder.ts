/**
 * A holder's phone for tests of Satchel's ISO/IEC 18013-5 reader: it shows a device engagement and
 * answers a reader's session, written from the standard with @owf/mdoc (openwallet-foundation-labs
 * mdoc-ts: engagement, DeviceRequest, SessionTranscript, DeviceResponse) and WebCrypto
 * (session-crypto.ts). It imports nothing from src/protocols/iso18013-5 — the point is to meet the
 * reader from the other side. Runs in Node and Chromium.
 *
 * The session, holder's side (§9.1.1.4):
 *   1. engagement: EDeviceKey (fresh P-256 ECDH key), cipher suite 1, BLE in mdoc peripheral
 *      server mode with its service UUID (option 10), shown as `mdoc:` + base64url (§8.2.2.3);
 *   2. SessionEstablishment {eReaderKey: #6.24(EReaderKey), data} → derive SKReader/SKDevice over
 *      SessionTranscript = [DeviceEngagementBytes, EReaderKeyBytes, null] (QR handover, §9.1.5.1),
 *      decrypt the DeviceRequest (§8.3.2.1.2.1);
 *   3. answer SessionData {data: AES-GCM(SKDevice, DeviceResponse)} — the DeviceResponse built by
 *      @owf/mdoc for exactly the elements asked for, with deviceSignature ES256 (§9.1.3.6);
 *   4. the reader's SessionData {status: 20} ends it (§9.1.1.4, Table 20).
 *
 * `misbehave` makes it a bad holder for the failure cases (see Misbehaviour).
 */
import {
  BleOptions,
  CoseKey,
  Curve,
  DataItem,
  DeviceEngagement,
  DeviceRequest,
  DeviceResponse,
  DeviceRetrievalMethod,
  DeviceRetrievalMethodType,
  DocRequest,
  EDeviceKey,
  EReaderKey,
  IssuerSigned,
  ItemsRequest,
  KeyType,
  Security,
  SessionTranscript,
  SignatureAlgorithm,
  base64url,
  cborDecode,
  cborEncode,
  type MdocContext,
} from '@owf/mdoc';
import { bleIdent, decryptSessionMessage, deriveSessionKeys, encryptSessionMessage, p256Point, type P256Point, type SessionKeys } from './session-crypto';

/** §9.1.1.4 Table 20: session status codes. */
export const SESSION_STATUS = { encryptionError: 10, decodingError: 11, termination: 20 } as const;

/**
 * How the holder goes wrong, for the reader's failure cases:
 * - 'tamper': changes a disclosed element's value after the issuer signed it (its digest no longer matches);
 * - 'replay': signs the DeviceResponse over another reader's SessionTranscript (as if replayed from it);
 * - 'decline': ends the session with status 20 and no data (the person said no);
 * - 'garbage': SessionData whose data is not ciphertext under SKDevice;
 * - 'unrequested': also discloses one issuer-signed element the reader did not ask for;
 * - 'no-documents': a DeviceResponse with status 0 and no documents;
 * - 'silent': never answers the SessionEstablishment (for a reader's inactivity limit).
 */
export type Misbehaviour = 'tamper' | 'replay' | 'decline' | 'garbage' | 'unrequested' | 'no-documents' | 'silent';

export interface IsoHolderOptions {
  /** The mdoc held: its IssuerSigned, or the base64url of it (OpenID4VCI 1.0 Appendix A.2), as wallets store it. */
  issuerSigned: IssuerSigned | string;
  /** The private ECDSA P-256 key of the MSO's deviceKey (§9.1.2.4), which signs DeviceAuthentication. */
  deviceKey: CryptoKey;
  /** The GATT service UUID to offer for mdoc peripheral server mode (default: a random one). */
  serviceUuid?: string;
  misbehave?: Misbehaviour;
}

/** What the holder saw, for tests to check the reader's side of the session. */
export interface HolderLog {
  /** The DeviceRequest the reader sent, decrypted and read by @owf/mdoc. */
  deviceRequest?: DeviceRequest;
  /** The SessionTranscriptBytes (#6.24) this session's keys and device signature are bound to. */
  sessionTranscriptBytes?: Uint8Array;
  /** SessionEstablishments received (more than one: the reader connected again). */
  sessionsStarted: number;
  /** Status codes of SessionData received from the reader (20 = it ended the session). */
  statusesReceived: number[];
  /** The reader's messages that could not be read (what was wrong). */
  errors: string[];
}

export interface IsoHolder {
  /** DeviceEngagementBytes' content (§8.2.1.1), as encoded in the QR. */
  readonly engagementBytes: Uint8Array;
  /** The QR code's text (§8.2.2.3): `mdoc:` + base64url(DeviceEngagement) without padding. */
  readonly qrText: string;
  /** The service UUID of BLE option 10 (lower-case 8-4-4-4-12). */
  readonly serviceUuid: string;
  /** EDeviceKeyBytes = #6.24(bstr .cbor EDeviceKey) as in the engagement. */
  readonly eDeviceKeyBytes: Uint8Array;
  /** §8.3.3.1.1.4: the Ident value for this engagement. */
  ident(): Promise<Uint8Array>;
  /**
   * One whole message from the reader in; the holder's answer out (undefined when it sends none:
   * after the reader's termination, or when `silent`). A SessionEstablishment after a dropped link
   * (no termination yet) starts a new session, as a holder still showing its code would.
   */
  onMessage(message: Uint8Array): Promise<Uint8Array | undefined>;
  /** True once the reader ended the session with status 20, or the holder ended it. */
  readonly terminated: boolean;
  readonly log: HolderLog;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
}

/** An @owf/mdoc context that signs with a WebCrypto key (IEEE P1363 r‖s, as COSE wants: RFC 9053 §2.1). */
function signingContext(deviceKey: CryptoKey): Pick<MdocContext, 'crypto' | 'cose'> {
  const unused = () => {
    throw new Error('not used by the holder');
  };
  return {
    crypto: {
      random: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
      digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)),
      calculateEphemeralMacKey: unused,
    },
    cose: {
      sign1: {
        sign: async ({ toBeSigned }: { toBeSigned: Uint8Array }) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, deviceKey, toBeSigned as BufferSource)),
        verify: unused,
      },
      mac0: { sign: unused, verify: unused },
    },
  } as unknown as Pick<MdocContext, 'crypto' | 'cose'>;
}

/**
 * §8.2.1.1 DeviceEngagement with cipher suite 1 and one BLE retrieval method (§8.2.2.1, type 2
 * version 1). Built from @owf/mdoc's parts' encoded structures: its DeviceEngagement.create (0.6.0)
 * hands the decoded parts to fromEncodedStructure, which rejects them.
 */
function engagementFor(eDevice: P256Point, serviceUuid: string): DeviceEngagement {
  const security = Security.create({ cipherSuiteIdentifier: 1, eDeviceKey: EDeviceKey.create({ keyType: KeyType.Ec, curve: Curve['P-256'], x: eDevice.x, y: eDevice.y }) });
  const ble = DeviceRetrievalMethod.create({
    type: DeviceRetrievalMethodType.Ble,
    version: 1,
    retrievalOptions: BleOptions.create({ peripheralServerMode: true, centralClientMode: false, peripheralServerModeUuid: uuidBytes(serviceUuid) }),
  });
  return DeviceEngagement.fromEncodedStructure(new Map<number, unknown>([[0, '1.0'], [1, security.encodedStructure], [2, [ble.encodedStructure]]]) as never);
}

/** SessionTranscriptBytes = #6.24(bstr .cbor SessionTranscript) (§9.1.5.1). */
export function sessionTranscriptBytes(transcript: SessionTranscript): Uint8Array {
  return cborEncode(DataItem.fromBuffer(transcript.encode()));
}

/** The same DocRequests asking, in addition, for one issuer-signed element they did not ask for. */
function withOneMoreElement(request: DeviceRequest, issuerSigned: IssuerSigned): DeviceRequest {
  const docRequests = request.docRequests.map((docRequest) => {
    const namespaces = new Map([...docRequest.itemsRequest.namespaces].map(([ns, elements]) => [ns, new Map(elements)]));
    for (const [ns, elements] of namespaces) {
      const extra = issuerSigned.getIssuerNamespace(ns)?.find((item) => !elements.has(item.elementIdentifier));
      if (extra) {
        elements.set(extra.elementIdentifier, false);
        break;
      }
    }
    return DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: docRequest.itemsRequest.docType, namespaces }) });
  });
  return DeviceRequest.create({ version: request.version, docRequests });
}

/**
 * The DeviceResponse with one disclosed element's value changed after signing: the IssuerSignedItem
 * is re-encoded, so SHA-256 of its #6.24 bytes no longer matches the MSO's valueDigests (§9.1.2.5).
 */
function tampered(response: Uint8Array): Uint8Array {
  const decoded = cborDecode<Map<string, unknown>>(response);
  const documents = decoded.get('documents') as Map<string, unknown>[];
  const nameSpaces = (documents[0]!.get('issuerSigned') as Map<string, unknown>).get('nameSpaces') as Map<string, DataItem[]>;
  const items = [...nameSpaces.values()][0]!;
  const item = cborDecode<Map<string, unknown>>(items[0]!.buffer);
  const value = item.get('elementValue');
  item.set('elementValue', typeof value === 'string' ? `${value}X` : 'tampered');
  items[0] = DataItem.fromBuffer(cborEncode(item));
  return cborEncode(decoded);
}

/** A holder with a fresh ephemeral key and engagement. */
export async function createIsoHolder(options: IsoHolderOptions): Promise<IsoHolder> {
  const issuerSigned = typeof options.issuerSigned === 'string' ? IssuerSigned.fromEncodedForOid4Vci(options.issuerSigned) : options.issuerSigned;
  const serviceUuid = (options.serviceUuid ?? crypto.randomUUID()).toLowerCase();
  // §9.1.1.4: EDeviceKey, fresh for each engagement.
  const eDeviceKeys = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const engagement = engagementFor(await p256Point(eDeviceKeys.publicKey), serviceUuid);
  const engagementBytes = engagement.encode();
  // §8.2.1.1 Security = [cipher suite, EDeviceKeyBytes]: the #6.24 item exactly as encoded in the engagement.
  const security = cborDecode<Map<number, unknown>>(engagementBytes).get(1) as [number, DataItem];
  const eDeviceKeyBytes = cborEncode(security[1]);
  const context = signingContext(options.deviceKey);
  const signingKey = CoseKey.create({ keyType: KeyType.Ec, curve: Curve['P-256'], algorithm: SignatureAlgorithm.ES256 });
  const log: HolderLog = { sessionsStarted: 0, statusesReceived: [], errors: [] };
  let keys: SessionKeys | undefined;
  let readerCounter = 0;
  let deviceCounter = 0;
  let terminated = false;

  const sessionData = async (plaintext: Uint8Array) => {
    deviceCounter += 1;
    return cborEncode(new Map([['data', await encryptSessionMessage(keys!.skDevice, 'device', deviceCounter, plaintext)]]));
  };
  const endWith = (status: number, why?: string) => {
    if (why) log.errors.push(why);
    terminated = true;
    return cborEncode(new Map([['status', status]]));
  };

  const responseFor = async (request: DeviceRequest, transcript: SessionTranscript): Promise<Uint8Array> => {
    if (options.misbehave === 'no-documents') return DeviceResponse.createSimple({ version: '1.0', status: 0 }).encode();
    let signedOver = transcript;
    if (options.misbehave === 'replay') {
      // Another reader's session: the same engagement, that reader's own ephemeral key.
      const other = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
      const { x, y } = await p256Point(other.publicKey);
      signedOver = SessionTranscript.forQrHandover({ deviceEngagement: DeviceEngagement.decode(engagementBytes), eReaderKey: EReaderKey.create({ keyType: KeyType.Ec, curve: Curve['P-256'], x, y }) });
    }
    const asked = options.misbehave === 'unrequested' ? withOneMoreElement(request, issuerSigned) : request;
    const response = await DeviceResponse.createWithDeviceRequest({ deviceRequest: asked, sessionTranscript: signedOver, issuerSigned: [issuerSigned], signature: { signingKey } }, context);
    return options.misbehave === 'tamper' ? tampered(response.encode()) : response.encode();
  };

  const establish = async (message: Map<string, unknown>): Promise<Uint8Array | undefined> => {
    const eReaderKeyItem = message.get('eReaderKey');
    const data = message.get('data');
    if (!(eReaderKeyItem instanceof DataItem) || !(data instanceof Uint8Array)) return endWith(SESSION_STATUS.decodingError, 'SessionEstablishment without eReaderKey (#6.24) and data (bstr)');
    const eReaderKey = EReaderKey.decode(eReaderKeyItem.buffer);
    if (eReaderKey.x === undefined || eReaderKey.y === undefined) return endWith(SESSION_STATUS.decodingError, 'eReaderKey is not an EC2 key');
    // §9.1.5.1: both items byte for byte as sent; the QR handover is null.
    const transcript = SessionTranscript.forQrHandover({ deviceEngagement: DeviceEngagement.decode(engagementBytes), eReaderKey });
    log.sessionTranscriptBytes = sessionTranscriptBytes(transcript);
    keys = await deriveSessionKeys(eDeviceKeys.privateKey, { x: eReaderKey.x, y: eReaderKey.y }, log.sessionTranscriptBytes);
    readerCounter += 1;
    let request: DeviceRequest;
    try {
      request = DeviceRequest.decode(await decryptSessionMessage(keys.skReader, 'reader', readerCounter, data));
    } catch (error) {
      return endWith(SESSION_STATUS.encryptionError, `the DeviceRequest did not decrypt or decode: ${String(error)}`);
    }
    log.deviceRequest = request;
    switch (options.misbehave) {
      case 'silent':
        return undefined;
      case 'decline':
        return endWith(SESSION_STATUS.termination);
      case 'garbage':
        deviceCounter += 1;
        return cborEncode(new Map([['data', crypto.getRandomValues(new Uint8Array(64))]]));
      default:
        return sessionData(await responseFor(request, transcript));
    }
  };

  return {
    engagementBytes,
    qrText: `mdoc:${base64url.encode(engagementBytes)}`,
    serviceUuid,
    eDeviceKeyBytes,
    ident: () => bleIdent(eDeviceKeyBytes),
    log,
    get terminated() {
      return terminated;
    },
    async onMessage(bytes) {
      if (terminated) {
        log.errors.push('a message after the session ended');
        return undefined;
      }
      let message: unknown;
      try {
        message = cborDecode(bytes);
      } catch {
        return endWith(SESSION_STATUS.decodingError, 'a message that is not CBOR');
      }
      if (!(message instanceof Map)) return endWith(SESSION_STATUS.decodingError, 'a message that is not a CBOR map');
      // A SessionEstablishment starts a session; a new one (the reader connecting again after the
      // link dropped, before the holder ended it) starts afresh with the reader's new key.
      if (message.has('eReaderKey')) {
        readerCounter = 0;
        deviceCounter = 0;
        log.sessionsStarted += 1;
        return establish(message);
      }
      if (keys === undefined) return endWith(SESSION_STATUS.decodingError, 'SessionData before any SessionEstablishment');
      // §9.1.1.4: SessionData after establishment; status 20 ends the session.
      const status = message.get('status');
      if (typeof status === 'number') {
        log.statusesReceived.push(status);
        if (status === SESSION_STATUS.termination) terminated = true;
        if (!message.has('data')) return undefined;
      }
      log.errors.push('a second request in one session (this holder answers one)');
      return endWith(SESSION_STATUS.termination);
    },
  };
}
