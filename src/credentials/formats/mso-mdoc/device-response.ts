/**
 * DeviceResponse (ISO/IEC 18013-5 §8.3.2.1.2.2): what a holder presents, here always exactly one
 * document (the vp_token value for one credential query, one in-person answer, or the answer to an
 * ISO/IEC 18013-5 reader, which asks for one mDL; a response with more is refused): its docType,
 * the disclosed IssuerSigned, and DeviceSigned, the holder device's own signature (or MAC) over
 * the session (DeviceAuth, §9.1.3).
 */
import { DataError } from '../../../lib/errors';
import { decodeCbor, EmbeddedCbor } from './cbor';
import { parseCoseMac0, parseCoseSign1, type CoseMac0, type CoseSign1 } from './cose';
import { checkDocType, parseIssuerSigned, type IssuerSigned } from './issuer-signed';

export interface DeviceSigned {
  /** DeviceNameSpacesBytes' content (the CBOR inside the tag 24), as DeviceAuthentication signs it (§9.1.3.4). */
  nameSpacesBytes: Uint8Array;
  /** The tag-24 item as sent. */
  nameSpacesItem: EmbeddedCbor;
  /** Elements the device itself asserts: namespace → element → value (decoded CBOR). Not the issuer's: never shown as claims. */
  nameSpaces: Map<string, Map<string, unknown>>;
  deviceSignature?: CoseSign1;
  deviceMac?: CoseMac0;
}

export interface MdocDocument {
  docType: string;
  issuerSigned: IssuerSigned;
  deviceSigned: DeviceSigned;
}

/** §8.3.2.1.2.2 DeviceResponse version this reads. */
export const DEVICE_RESPONSE_VERSION = '1.0';
/** §8.3.2.1.2.3 status 0: "OK". */
const STATUS_OK = 0;

function deviceNameSpaces(item: EmbeddedCbor): Map<string, Map<string, unknown>> {
  const decoded = decodeCbor(item.bytes, 'device-signed nameSpaces');
  if (!(decoded instanceof Map)) throw new DataError('The device-signed nameSpaces is not a map.');
  for (const [namespace, elements] of decoded) {
    if (typeof namespace !== 'string' || !(elements instanceof Map) || ![...elements.keys()].every((k) => typeof k === 'string')) {
      throw new DataError('The device-signed nameSpaces must map each namespace to its elements by name.');
    }
  }
  return decoded as Map<string, Map<string, unknown>>;
}

/** §8.3.2.1.2.2 DeviceSigned = { "nameSpaces": DeviceNameSpacesBytes, "deviceAuth": { "deviceSignature" or "deviceMac" } }. */
function parseDeviceSigned(value: unknown): DeviceSigned {
  if (!(value instanceof Map)) throw new DataError('The document has no device-signed part (deviceSigned), so nothing shows the holder presented it.');
  const item = value.get('nameSpaces');
  if (!(item instanceof EmbeddedCbor)) throw new DataError('The device-signed nameSpaces is not embedded CBOR (tag 24 around a byte string).');
  const deviceAuth = value.get('deviceAuth');
  if (!(deviceAuth instanceof Map)) throw new DataError('The document has no device authentication (deviceAuth).');
  const hasSignature = deviceAuth.has('deviceSignature');
  const hasMac = deviceAuth.has('deviceMac');
  // §8.3.2.1.2.2: DeviceAuth holds one of the two.
  if (hasSignature === hasMac) throw new DataError('The device authentication must hold either a device signature or a device MAC, and not both.');
  const signed: DeviceSigned = { nameSpacesBytes: item.bytes, nameSpacesItem: item, nameSpaces: deviceNameSpaces(item) };
  if (hasSignature) signed.deviceSignature = parseCoseSign1(deviceAuth.get('deviceSignature'), 'device signature');
  else signed.deviceMac = parseCoseMac0(deviceAuth.get('deviceMac'), 'device MAC');
  return signed;
}

/**
 * Parses a DeviceResponse (decoded CBOR) holding exactly one document with status OK, checking
 * the document's elements against its MSO and its docType against the MSO's. Throws DataError,
 * or CheckError for an element or docType the issuer did not sign.
 */
export function parseDeviceResponse(value: unknown): MdocDocument {
  if (!(value instanceof Map)) throw new DataError('The presentation is not a DeviceResponse (a map).');
  const version = value.get('version');
  if (version !== DEVICE_RESPONSE_VERSION) throw new DataError(`The presentation is DeviceResponse version ${JSON.stringify(version)}; Satchel reads version ${DEVICE_RESPONSE_VERSION}.`);
  const status = value.get('status');
  if (status !== STATUS_OK) throw new DataError(`The presentation reports status ${JSON.stringify(status)} instead of 0 (OK): the holder's device could not answer.`);
  const documents = value.get('documents');
  if (!Array.isArray(documents) || documents.length !== 1) {
    throw new DataError(`The presentation must hold exactly one document; it holds ${Array.isArray(documents) ? documents.length : 'none'}.`);
  }
  const doc = documents[0] as unknown;
  if (!(doc instanceof Map)) throw new DataError('The presented document is not a map.');
  const docType = doc.get('docType');
  if (typeof docType !== 'string' || docType === '') throw new DataError('The presented document does not say what it is (docType).');
  const issuerSigned = parseIssuerSigned(doc.get('issuerSigned'), 'presented issuer-signed data');
  checkDocType(docType, issuerSigned.mso);
  return { docType, issuerSigned, deviceSigned: parseDeviceSigned(doc.get('deviceSigned')) };
}
