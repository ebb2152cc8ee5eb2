/**
 * A verified credential (the verify pipeline's report) as the on-behalf rule reads it
 * (on-behalf-check.ts): its type, its claims about the subject by flat name as its format reads
 * them (an mdoc's elements by name), its checks, and until when it is valid (`exp`).
 */
import { formatNamed } from './formats/index';
import type { OnBehalfCredential } from './on-behalf-check';
import type { VerificationReport } from './report';
import { formatTime } from './validity';

export function onBehalfCredentialOf(queryId: string, report: VerificationReport): OnBehalfCredential {
  const format = formatNamed(report.format);
  const claims = format ? format.subjectClaims(report.claims) : report.claims;
  const exp = report.claims.exp;
  return {
    queryId,
    type: report.type,
    claims,
    checks: report.checks.map(({ name, ok, code }) => ({ name, ok, code })),
    // SD-JWT VC §3.2.2.2: `exp` as a NumericDate (RFC 7519 §2).
    ...(typeof exp === 'number' && Number.isFinite(exp) ? { validUntil: formatTime(exp) } : {}),
  };
}
