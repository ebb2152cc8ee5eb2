/**
 * Checks on a received credential beyond verifyCredential's (which proves signature, trust list,
 * type allowed, validity and status): it must be the credential that was offered — from the
 * issuer that made the offer, of the offered type — and bound (RFC 7800 cnf.jwk) to the device
 * key made for it. Plus reading the status list URI before verification, to fetch it first.
 */
import type { VerificationReport } from '../../credentials/index';
import { base64urlDecode } from '../../lib/base64url';
import { utf8Decode } from '../../lib/bytes';

/** Reads a JWS payload without verifying (only to prefetch a status list before verifying). */
function unverifiedPayload(raw: string): Record<string, unknown> {
  const bytes = base64urlDecode(raw.split('~')[0]!.split('.')[1] ?? '');
  const text = bytes && utf8Decode(bytes);
  try {
    const value: unknown = text ? JSON.parse(text) : undefined;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** draft-ietf-oauth-status-list §6.1: status.status_list.uri, if the credential has one. */
export function statusUriOf(raw: string): string | undefined {
  const status = unverifiedPayload(raw).status as { status_list?: { uri?: unknown } } | undefined;
  return typeof status?.status_list?.uri === 'string' ? status.status_list.uri : undefined;
}

function sameKey(a: JsonWebKey | undefined, b: JsonWebKey): boolean {
  return !!a && a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;
}

/** What differs from the offer, in plain English; empty when it is the offered credential. */
export function offeredMismatches(report: VerificationReport, offered: { issuerId: string; types: readonly string[]; holderJwk: JsonWebKey }): string[] {
  const problems: string[] = [];
  if (report.issuer.id !== offered.issuerId) problems.push(`It was issued by ${report.issuer.id}, not by ${offered.issuerId} who made the offer`);
  if (offered.types.length > 0 && !offered.types.includes(report.type)) problems.push(`It is a ${report.type}, not the offered ${offered.types.join(', ')}`);
  const cnf = (report.claims.cnf as { jwk?: JsonWebKey } | undefined)?.jwk;
  if (!sameKey(cnf, offered.holderJwk)) problems.push('It is not bound to the key this phone made for it');
  return problems;
}
