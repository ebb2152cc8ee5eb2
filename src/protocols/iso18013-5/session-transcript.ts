/**
 * The SessionTranscript of an ISO/IEC 18013-5 proximity session (§9.1.5.1), which the session keys
 * are salted with (§9.1.1.5) and the holder's device authentication covers (§9.1.3):
 *
 *   SessionTranscript      = [ DeviceEngagementBytes, EReaderKeyBytes, Handover ]
 *   DeviceEngagementBytes  = #6.24(bstr .cbor DeviceEngagement)   the engagement exactly as scanned
 *   EReaderKeyBytes        = #6.24(bstr .cbor EReaderKey.Pub)      the reader's COSE_Key exactly as sent
 *   Handover               = null for a QR code engagement (§9.1.5.1); NFC's [HandoverSelect, HandoverRequest]
 *   SessionTranscriptBytes = #6.24(bstr .cbor SessionTranscript)
 *
 * Encoded deterministically (RFC 8949 §4.2.1), as both sides must hash the same bytes.
 */
import { EmbeddedCbor, embedCbor, encodeCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { copyBytes } from '../../lib/bytes';

/** §9.1.5.1: the Handover of an engagement by QR code. */
export const QR_HANDOVER = null;

/**
 * SessionTranscriptBytes (the whole tag-24 item) from the DeviceEngagement's CBOR as scanned, the
 * reader's EReaderKey COSE_Key CBOR as sent, and the Handover (null for a QR code).
 */
export function sessionTranscriptBytes(deviceEngagement: Uint8Array, eReaderKey: Uint8Array, handover: unknown = QR_HANDOVER): Uint8Array {
  const transcript = [new EmbeddedCbor(deviceEngagement), new EmbeddedCbor(eReaderKey), handover];
  // A plain Uint8Array of its own: under Node cborg returns a view of a pooled Buffer, whose
  // slice() is another view, so a caller copying with `.slice().buffer` would hash the whole pool.
  return copyBytes(encodeCbor(embedCbor(transcript)));
}
