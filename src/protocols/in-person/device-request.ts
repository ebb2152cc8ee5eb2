/**
 * The ISO/IEC 18013-5 DeviceRequest a Satchel request QR carries for its mdoc credential queries
 * (docs/sharing.md, "mdoc in person"), in place of their DCQL (OpenID4VP 1.0 §6, B.2):
 *
 *   DeviceRequest = { "version": "1.0", "docRequests": [+ DocRequest] }        §8.3.2.1.2.1
 *   DocRequest    = { "itemsRequest": ItemsRequestBytes, ? "readerAuth": … }
 *   ItemsRequestBytes = #6.24(bstr .cbor ItemsRequest)
 *   ItemsRequest  = { "docType": tstr, "nameSpaces": { + tstr => { + tstr => bool } } , ? "requestInfo": { * tstr => any } }
 *
 * The bool is IntentToRetain (B.2.4's intent_to_retain). Only an mdoc query an ItemsRequest can say
 * exactly is carried this way: one docType, claims [namespace, element] without claim ids, values,
 * claim_sets or `multiple` (anything else stays DCQL). Its place in the DCQL query is kept by a stub
 * `{ "id", "format": "mso_mdoc", "doc_request": <index> }`, so ids and credential_sets are untouched.
 * A reader's authentication (readerAuth, §9.1.4) is not used between Satchels and is ignored: the
 * request's name is shown unverified, as for DCQL.
 */
import { decodeCbor, decodeEmbedded, embedCbor, encodeCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { DataError } from '../../lib/errors';
import { isJsonObject } from '../../lib/json-safe';

/** §8.3.2.1.2.1: the DeviceRequest version this reads and writes. */
export const DEVICE_REQUEST_VERSION = '1.0';
/** The DCQL member that points a stub at its DocRequest. */
export const DOC_REQUEST_MEMBER = 'doc_request';
/** More documents or elements than any check needs; a bound on what one QR makes the holder build. */
const MAX_DOC_REQUESTS = 10;
const MAX_ELEMENTS = 100;
const MDOC_FORMAT = 'mso_mdoc';

interface MdocQuery {
  id: string;
  docType: string;
  /** namespace → element → IntentToRetain, in the query's order. */
  nameSpaces: Map<string, Map<string, boolean>>;
}

/** An mdoc credential query an ItemsRequest says exactly (see the top), else undefined. */
function asItemsRequest(query: unknown): MdocQuery | undefined {
  if (!isJsonObject(query) || query.format !== MDOC_FORMAT || typeof query.id !== 'string') return undefined;
  const { id, meta, claims, claim_sets: claimSets, multiple } = query;
  const extra = Object.keys(query).filter((k) => !['id', 'format', 'meta', 'claims'].includes(k));
  if (extra.length > 0 || claimSets !== undefined || multiple !== undefined) return undefined;
  if (!isJsonObject(meta) || Object.keys(meta).length !== 1 || typeof meta.doctype_value !== 'string') return undefined;
  if (!Array.isArray(claims) || claims.length === 0) return undefined;
  const nameSpaces = new Map<string, Map<string, boolean>>();
  for (const claim of claims) {
    if (!isJsonObject(claim) || Object.keys(claim).some((k) => k !== 'path' && k !== 'intent_to_retain')) return undefined;
    const { path, intent_to_retain: retain } = claim;
    if (!Array.isArray(path) || path.length !== 2 || !path.every((s) => typeof s === 'string' && s !== '')) return undefined;
    if (retain !== undefined && typeof retain !== 'boolean') return undefined;
    const [ns, element] = path as [string, string];
    const elements = nameSpaces.get(ns) ?? new Map<string, boolean>();
    if (elements.has(element)) return undefined;
    elements.set(element, retain === true);
    nameSpaces.set(ns, elements);
  }
  return { id, docType: meta.doctype_value, nameSpaces };
}

/**
 * Splits a DCQL query for the QR: each mdoc query an ItemsRequest can say becomes a DocRequest of
 * one DeviceRequest and a stub in the query. Returns the query unchanged (and no DeviceRequest)
 * when there is none.
 */
export function withDeviceRequest(dcqlQuery: unknown): { dcqlQuery: unknown; deviceRequest?: string } {
  if (!isJsonObject(dcqlQuery) || !Array.isArray(dcqlQuery.credentials)) return { dcqlQuery };
  const docRequests: unknown[] = [];
  const credentials = dcqlQuery.credentials.map((query: unknown) => {
    const items = asItemsRequest(query);
    if (!items) return query;
    // §8.3.2.1.2.1: ItemsRequest, embedded as #6.24 in the DocRequest.
    docRequests.push(new Map([['itemsRequest', embedCbor(new Map<string, unknown>([['docType', items.docType], ['nameSpaces', items.nameSpaces]]))]]));
    return { id: items.id, format: MDOC_FORMAT, [DOC_REQUEST_MEMBER]: docRequests.length - 1 };
  });
  if (docRequests.length === 0) return { dcqlQuery };
  const deviceRequest = new Map<string, unknown>([['version', DEVICE_REQUEST_VERSION], ['docRequests', docRequests]]);
  return { dcqlQuery: { ...dcqlQuery, credentials }, deviceRequest: base64urlEncode(encodeCbor(deviceRequest)) };
}

/** A map read from CBOR (the decoder gives Map), or a DataError naming it. */
function map(value: unknown, what: string): Map<unknown, unknown> {
  if (!(value instanceof Map)) throw new DataError(`The request's ${what} must be a CBOR map.`);
  return value;
}

/** One ItemsRequest (§8.3.2.1.2.1) as the DCQL credential query it stands for (B.2.3, B.2.4). */
function itemsRequestQuery(id: string, itemsRequest: Map<unknown, unknown>, count: { elements: number }): Record<string, unknown> {
  const docType = itemsRequest.get('docType');
  if (typeof docType !== 'string' || docType === '') throw new DataError('The request\'s ItemsRequest has no docType.');
  const claims: Record<string, unknown>[] = [];
  for (const [ns, elements] of map(itemsRequest.get('nameSpaces'), 'ItemsRequest nameSpaces')) {
    if (typeof ns !== 'string' || ns === '') throw new DataError('The request\'s ItemsRequest names a namespace that is not text.');
    for (const [element, retain] of map(elements, `ItemsRequest namespace ${ns}`)) {
      if (typeof element !== 'string' || element === '' || typeof retain !== 'boolean') throw new DataError(`The request's ItemsRequest must map each element of ${ns} to IntentToRetain (true or false).`);
      if (++count.elements > MAX_ELEMENTS) throw new DataError(`The request asks for more than ${MAX_ELEMENTS} data elements.`);
      claims.push({ path: [ns, element], intent_to_retain: retain });
    }
  }
  if (claims.length === 0) throw new DataError('The request\'s ItemsRequest asks for no data element.');
  return { id, format: MDOC_FORMAT, meta: { doctype_value: docType }, claims };
}

/** The DocRequests of a DeviceRequest (§8.3.2.1.2.1), each as a DCQL credential query with no id yet. */
export function readDeviceRequest(bytes: Uint8Array): ((id: string) => Record<string, unknown>)[] {
  const request = map(decodeCbor(bytes, 'DeviceRequest'), 'DeviceRequest');
  if (request.get('version') !== DEVICE_REQUEST_VERSION) throw new DataError(`The request's DeviceRequest version must be "${DEVICE_REQUEST_VERSION}".`);
  const docRequests = request.get('docRequests');
  if (!Array.isArray(docRequests) || docRequests.length === 0 || docRequests.length > MAX_DOC_REQUESTS) throw new DataError(`The request's DeviceRequest must hold 1 to ${MAX_DOC_REQUESTS} DocRequests.`);
  const count = { elements: 0 };
  return docRequests.map((docRequest: unknown) => {
    const itemsRequest = map(decodeEmbedded(map(docRequest, 'DocRequest').get('itemsRequest'), 'ItemsRequest'), 'ItemsRequest');
    const query = itemsRequestQuery('', itemsRequest, count);
    return (id: string) => ({ ...query, id });
  });
}

/**
 * The whole DCQL query of a request QR: each stub replaced by the query its DocRequest says. Throws
 * DataError for a damaged DeviceRequest, a stub pointing at no DocRequest, or a DocRequest no stub uses.
 */
export function dcqlWithDocRequests(dcqlQuery: unknown, deviceRequest: unknown): unknown {
  if (deviceRequest === undefined) return dcqlQuery;
  const bytes = typeof deviceRequest === 'string' ? base64urlDecode(deviceRequest) : undefined;
  if (!bytes) throw new DataError('The request\'s device_request must be base64url text.');
  const docs = readDeviceRequest(bytes);
  if (!isJsonObject(dcqlQuery) || !Array.isArray(dcqlQuery.credentials)) throw new DataError('The request has a DeviceRequest but no DCQL query to place it in.');
  const used = new Set<number>();
  const credentials = dcqlQuery.credentials.map((query: unknown) => {
    if (!isJsonObject(query) || query[DOC_REQUEST_MEMBER] === undefined) return query;
    const at = query[DOC_REQUEST_MEMBER];
    if (typeof at !== 'number' || !Number.isInteger(at) || docs[at] === undefined || used.has(at) || typeof query.id !== 'string' || query.format !== MDOC_FORMAT || Object.keys(query).length !== 3) {
      throw new DataError('The request\'s DCQL query points at a DocRequest that is not there.');
    }
    used.add(at);
    return docs[at]!(query.id);
  });
  if (used.size !== docs.length) throw new DataError('The request\'s DeviceRequest holds a DocRequest its DCQL query does not use.');
  return { ...dcqlQuery, credentials };
}
