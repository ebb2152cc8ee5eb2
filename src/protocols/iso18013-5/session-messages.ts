/**
 * The session messages of ISO/IEC 18013-5 §9.1.1.4, as CBOR:
 *
 *   SessionEstablishment = { "eReaderKey": EReaderKeyBytes, "data": bstr }   EReaderKeyBytes = #6.24(bstr .cbor COSE_Key)
 *   SessionData          = { ? "data": bstr, ? "status": uint }
 *
 * "data" is an encrypted DeviceRequest or DeviceResponse (session-encryption.ts); "status" is one of
 * Table 20's codes, each of which ends the session.
 */
import { decodeCbor, EmbeddedCbor, encodeCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { concatBytes, copyBytes } from '../../lib/bytes';
import { DataError } from '../../lib/errors';
import { ProximityError } from './proximity-error';

/** §9.1.1.4 Table 20: SessionData status codes; each one ends the session. */
export const SessionStatus = {
  /** Error: session encryption (a message failed to decrypt). */
  sessionEncryptionError: 10,
  /** Error: CBOR decoding (a message was not the CBOR expected). */
  cborDecodingError: 11,
  /** Session termination. */
  sessionTermination: 20,
} as const;

export interface SessionData {
  data?: Uint8Array;
  status?: number;
}

const decodingFailed = (message: string) => new ProximityError('session-failed', message, SessionStatus.cborDecodingError);

/** CBOR major type 5 (map) with two entries (RFC 8949 §3.1). */
const MAP_OF_TWO = 0xa2;

/**
 * SessionEstablishment (§9.1.1.4): the reader's COSE_Key CBOR (as in the transcript) and its first
 * encrypted message. Its members in the order §9.1.1.4 lists them, "eReaderKey" then "data", as
 * Annex D and Multipaz send it (a map's order means nothing to a decoder; RFC 8949 §4.2.1 would
 * put "data" first, and matching Annex D byte for byte is the evidence this encoder is right).
 */
export function encodeSessionEstablishment(eReaderKey: Uint8Array, data: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(MAP_OF_TWO), encodeCbor('eReaderKey'), encodeCbor(new EmbeddedCbor(eReaderKey)), encodeCbor('data'), encodeCbor(data));
}

/** SessionData (§9.1.1.4) with data, status or both. */
export function encodeSessionData(message: SessionData): Uint8Array {
  const map = new Map<string, unknown>();
  if (message.data !== undefined) map.set('data', message.data);
  if (message.status !== undefined) map.set('status', message.status);
  if (map.size === 0) throw new TypeError('A SessionData needs data or a status.');
  // A plain Uint8Array of its own (under Node cborg returns a view of a pooled Buffer).
  return copyBytes(encodeCbor(map));
}

/**
 * Reads a SessionData from the holder. Throws ProximityError 'session-failed' (status 11) for
 * anything else: not CBOR, not a map, neither data nor status, data that is not bytes, a status
 * that is not an unsigned integer. Other members are ignored (§9.1.1.4 allows none, and they carry
 * nothing the reader uses).
 */
export function decodeSessionData(bytes: Uint8Array): SessionData {
  let message: unknown;
  try {
    message = decodeCbor(bytes, "holder's session message (SessionData)");
  } catch (error) {
    if (error instanceof DataError) throw decodingFailed(error.message);
    throw error;
  }
  if (!(message instanceof Map)) throw decodingFailed("The holder's session message (SessionData) is not a CBOR map.");
  const data = message.get('data');
  const status = message.get('status');
  if (data !== undefined && !(data instanceof Uint8Array)) throw decodingFailed("The holder's session message has data that is not a byte string.");
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 0)) throw decodingFailed("The holder's session message has a status that is not an unsigned integer.");
  if (data === undefined && status === undefined) throw decodingFailed("The holder's session message has neither data nor a status.");
  const result: SessionData = {};
  if (data !== undefined) result.data = data;
  if (status !== undefined) result.status = status as number;
  return result;
}
