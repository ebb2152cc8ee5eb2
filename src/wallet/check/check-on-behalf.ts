/**
 * An answer given on someone's behalf, at Satchel's checker (docs/carers.md): when the request asked
 * for an authority (a credential query of AUTHORITY_TYPE, its power the DCQL `values` of its power
 * claim, OpenID4VP 1.0 §6.3) or the answer holds one, the on-behalf rule (checkOnBehalf, the same
 * the reference verifier applies) over the verified credentials, as CheckResult.onBehalf and as
 * reasons `on-behalf` (passed) or `on-behalf:<failure>`.
 */
import type { VerificationReport } from '../../credentials/index';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE, type AuthorityPower, type OnBehalfOutcome } from '../../credentials/on-behalf';
import { checkOnBehalf, isAuthorityPower } from '../../credentials/on-behalf-check';
import { onBehalfCredentialOf } from '../../credentials/on-behalf-report';
import { typesAsked, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import type { CheckReason } from './check-api';

/** The query asking for an authority, and the one power it asks for (Satchel's purposes always name one; several or none: undefined). */
export function authorityAsked(query: DcqlQuery | undefined): { queryId: string; power?: AuthorityPower } | undefined {
  const asked = query?.credentials.find((q) => typesAsked(q).includes(AUTHORITY_TYPE));
  if (!asked) return undefined;
  const values = asked.claims?.find((c) => c.path.length === 1 && c.path[0] === AUTHORITY_CLAIMS.power)?.values;
  const power = values?.length === 1 && isAuthorityPower(values[0]) ? values[0] : undefined;
  return { queryId: asked.id, ...(power ? { power } : {}) };
}

/** The reasons an outcome adds to the answer's: one passed, or one per failure. */
export function onBehalfReasons(outcome: OnBehalfOutcome): CheckReason[] {
  return outcome.ok ? [{ code: 'on-behalf', ok: true }] : outcome.failures.map((failure) => ({ code: `on-behalf:${failure}`, ok: false }));
}

/** The rule over an answer's verified credentials (in the answer's order, each under its query id); undefined when not on anyone's behalf. */
export function onBehalfOf(query: DcqlQuery | undefined, answer: readonly { queryId: string }[], reports: readonly VerificationReport[]): OnBehalfOutcome | undefined {
  const asked = authorityAsked(query);
  return checkOnBehalf({
    credentials: answer.map((a, i) => onBehalfCredentialOf(a.queryId, reports[i]!)),
    ...(asked ? { authorityQueryId: asked.queryId } : {}),
    ...(asked?.power ? { powerAsked: asked.power } : {}),
  });
}
