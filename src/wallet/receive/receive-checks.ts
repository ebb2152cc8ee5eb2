/**
 * Checks on a received credential beyond verifyCredential's (which proves signature, trust list,
 * type allowed, validity and status): it must be the credential that was offered — from the
 * issuer that made the offer, of the offered type — and bound (RFC 7800 cnf.jwk) to the device
 * key made for it (each format says where its holder key is). Plus reading the status list URI
 * before verification, to fetch it first.
 */
import { detectFormat, formatNamed, type VerificationReport } from '../../credentials/index';

/** Where the issuer publishes the credential's status, read by its format before verifying (only to fetch the list first). */
export function statusUriOf(raw: string): string | undefined {
  return detectFormat(raw).peekStatusUri(raw);
}

function sameKey(a: JsonWebKey | undefined, b: JsonWebKey): boolean {
  return !!a && a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;
}

/** What differs from the offer, in plain English; empty when it is the offered credential. */
export function offeredMismatches(raw: string, report: VerificationReport, offered: { issuerId: string; types: readonly string[]; holderJwk: JsonWebKey }): string[] {
  const problems: string[] = [];
  if (report.issuer.id !== offered.issuerId) problems.push(`It was issued by ${report.issuer.id}, not by ${offered.issuerId} who made the offer`);
  if (offered.types.length > 0 && !offered.types.includes(report.type)) problems.push(`It is a ${report.type}, not the offered ${offered.types.join(', ')}`);
  const cnf = formatNamed(report.format)?.holderJwk(raw);
  if (!sameKey(cnf, offered.holderJwk)) problems.push('It is not bound to the key this phone made for it');
  return problems;
}
