/**
 * Status List Token in JWT format and the Referenced Token's `status` claim,
 * draft-ietf-oauth-status-list §5.1 ("Status List Token in JWT Format"), §6.1/§6.2
 * ("Referenced Token": `status.status_list.{idx, uri}`) and §8.3 ("Validation Rules").
 */
import { DataError } from '../lib/errors';
import { isJsonObject, type JsonObject } from '../lib/json-safe';
import { parseCompactJws, peekJwsPart, type ParsedJws } from './jws';
import { MAX_STATUS_LIST_TOKEN_CHARS } from './limits';
import { decodeStatusList, type StatusList } from './status-list';
import { inflateZlib } from './inflate';

export const STATUS_LIST_TYP = 'statuslist+jwt';

export interface StatusReference {
  idx: number;
  uri: string;
}

export interface StatusListToken extends StatusListTokenHead {
  list: StatusList;
}

/** §6.1: `status: { status_list: { idx, uri } }`; undefined when the credential has no status. */
export function statusReference(payload: JsonObject): StatusReference | undefined {
  const status = payload.status;
  if (status === undefined) return undefined;
  if (!isJsonObject(status)) throw new DataError('The credential\'s "status" claim is not an object');
  const ref = status.status_list;
  if (ref === undefined) throw new DataError('The credential names a status mechanism Satchel does not support (only status_list)');
  if (!isJsonObject(ref)) throw new DataError('The credential\'s status_list reference is not an object');
  // §6.2: idx is a non-negative integer, uri a string (the Status List Token's `sub`).
  if (typeof ref.idx !== 'number' || !Number.isSafeInteger(ref.idx) || ref.idx < 0) throw new DataError('The credential\'s status list index (idx) is not a non-negative whole number');
  if (typeof ref.uri !== 'string' || ref.uri === '') throw new DataError('The credential\'s status list address (uri) is missing');
  return { idx: ref.idx, uri: ref.uri };
}

/**
 * §6.1's `status.status_list.uri` of a JWT-based credential (the part before any "~"), read
 * WITHOUT verifying: only so the wallet can fetch the status list before verifying.
 */
export function peekStatusUri(raw: string): string | undefined {
  const status = peekJwsPart(raw.split('~')[0]!, 1)?.status as { status_list?: { uri?: unknown } } | undefined;
  return typeof status?.status_list?.uri === 'string' ? status.status_list.uri : undefined;
}

/**
 * A Status List Token whose header and claims have been checked but whose `lst` is still
 * compressed: §8.3 has the signature checked before the list is used, and inflating is the costly
 * step, so nothing is inflated until the signature has verified (inflateStatusListToken).
 */
export interface StatusListTokenHead {
  jws: ParsedJws;
  issuedAt: number;
  expires?: number;
  ttl?: number;
}

/** Checks a Status List Token for `uri` without inflating its list; the signature is checked by the caller. */
export function readStatusListToken(token: string, uri: string): StatusListTokenHead {
  if (token.length > MAX_STATUS_LIST_TOKEN_CHARS) throw new DataError(`The status list is larger than ${MAX_STATUS_LIST_TOKEN_CHARS} characters`);
  const jws = parseCompactJws(token, 'The status list');
  const p = jws.payload;
  // §5.1: typ MUST be statuslist+jwt.
  if (jws.header.typ !== STATUS_LIST_TYP) throw new DataError(`The status list has type ${JSON.stringify(jws.header.typ)}, not ${STATUS_LIST_TYP}`);
  // §5.1 / §8.3: sub MUST equal the uri in the Referenced Token.
  if (p.sub !== uri) throw new DataError('The status list fetched is for a different address than the credential names');
  // §5.1: iat REQUIRED, exp and ttl OPTIONAL (ttl a positive number of seconds).
  if (typeof p.iat !== 'number' || !Number.isFinite(p.iat)) throw new DataError('The status list has no issue time (iat)');
  const out: StatusListTokenHead = { jws, issuedAt: p.iat };
  if (p.exp !== undefined) {
    if (typeof p.exp !== 'number' || !Number.isFinite(p.exp)) throw new DataError('The status list expiry (exp) is not a number');
    out.expires = p.exp;
  }
  if (p.ttl !== undefined) {
    if (typeof p.ttl !== 'number' || !Number.isFinite(p.ttl) || p.ttl <= 0) throw new DataError('The status list time-to-live (ttl) is not a positive number');
    out.ttl = p.ttl;
  }
  return out;
}

/** The list itself (§4.1), inflated under MAX_STATUS_LIST_BYTES; call only once the signature has verified. */
export async function inflateStatusListToken(head: StatusListTokenHead, inflate = inflateZlib): Promise<StatusListToken> {
  return { ...head, list: await decodeStatusList(head.jws.payload.status_list, inflate) };
}

/** Reads and inflates a Status List Token for `uri` whose signature the caller has already verified. */
export async function parseStatusListToken(token: string, uri: string, inflate = inflateZlib): Promise<StatusListToken> {
  return inflateStatusListToken(readStatusListToken(token, uri), inflate);
}
