/**
 * One verified presentation as the checker reports it (CredentialCheck): the credentials library's
 * checks as reasons, then — when a request was made — whether it is what its credential query asked
 * for (OpenID4VP 1.0 §6.4.1), the claims labelled, and claims not asked for flagged. Shared by
 * verify (Satchel's request QR, quick show) and checkInPerson (an ISO/IEC 18013-5 reader session,
 * whose DeviceRequest is held as the equivalent DCQL query, B.2).
 */
import type { TrustList, VerificationReport } from '../../credentials/index';
import type { DcqlCredentialQuery } from '../../protocols/openid4vp/dcql';
import { labelPath, notAskedFor, presentedClaims } from '../held';
import { nameOfClaim, nameOfType } from '../shared';
import type { ClaimPath, DisplayName, Localised } from '../shared';
import { claimsAskedFor, credentialAnswers } from './check-answer';
import type { CheckResult, CredentialCheck } from './check-api';
import { answersRequest, NOT_ASKED, reasonFor, verdictOf } from './check-reasons';

export interface CredentialCheckContext {
  /** The credential query id it was given for (the vp_token key, OpenID4VP 1.0 §8.1). */
  queryId: string;
  /** Whether something was asked (a request, an ISO DeviceRequest); false for quick show, which asks nothing. */
  asked: boolean;
  /** The credential query with that id, when the request made one. */
  query?: DcqlCredentialQuery;
  trustList: TrustList;
  /** Claim labels (the issuers' display metadata); default: from the claim name. */
  claimLabel?: (type: string, path: ClaimPath) => Localised | undefined;
}

/** One verified presentation: the checks, then whether it is what its credential query asked for (§6.4.1). */
export function credentialCheck(report: VerificationReport, context: CredentialCheckContext): CredentialCheck {
  const { queryId, asked, query, trustList } = context;
  const issuer = trustList.issuers.find((i) => i.id === report.issuer.id);
  const label = (path: ClaimPath): DisplayName => nameOfClaim(labelPath(path), context.claimLabel?.(report.type, path));
  // About the person: an SD-JWT VC's claims, a W3C VC's credentialSubject (held-credentials.ts).
  const presented = presentedClaims(report.format, report.claims);
  const reasons = report.checks.map(reasonFor);
  // Claims are only known once the signature and disclosures checked out.
  const trustworthy = Object.keys(report.claims).length > 0;
  if (asked && trustworthy) {
    if (!query) reasons.push({ ...NOT_ASKED });
    else {
      const { typeOk, missing } = credentialAnswers(query, report.type, report.claims, report.format);
      reasons.push(answersRequest(typeOk, missing.map(label)));
    }
  }
  const ok = report.valid && reasons.every((r) => r.ok);
  const result: CredentialCheck = {
    queryId,
    ok,
    verdict: verdictOf(ok, reasons),
    reasons,
    claims: presented.map((c) => ({ path: c.path, label: label(c.path), value: c.value })),
    unrequested: asked ? notAskedFor(presented, claimsAskedFor(query)) : [],
  };
  if (issuer) result.issuerName = { ...issuer.name };
  if (report.type) result.typeName = nameOfType(report.type);
  if (report.status) result.status = report.status.checkedAt ? { state: report.status.state, checkedAt: report.status.checkedAt } : { state: report.status.state };
  return result;
}

/**
 * The result of an answer holding one credential: that credential's fields at the top level,
 * `extraReasons` (about the answer as a whole) added to its own; elapsedMs is set by the caller.
 */
export function singleCredentialResult(credential: CredentialCheck, extraReasons: CheckResult['reasons'] = []): CheckResult {
  const { queryId: _, ...only } = credential;
  const reasons = [...only.reasons, ...extraReasons];
  const ok = reasons.every((r) => r.ok) && only.ok;
  return { ...only, ok, verdict: verdictOf(ok, reasons), reasons, credentials: [credential], elapsedMs: 0 };
}
