/**
 * Whether a verified answer is what the checker asked for, on the verifier side of DCQL
 * (OpenID4VP 1.0 §6): each credential against the credential query it was given for (§6.4.1), and
 * the answer as a whole against the required credential sets (§6.4.2).
 */
import { formatNamed } from '../../credentials/index';
import { metaAccepts, selectClaim, type DcqlClaimQuery, type DcqlCredentialQuery, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import type { ClaimPath } from '../shared';

/** The DCQL format identifier (§6.1, Appendix B) of a credential format as the verify report names it. */
function dcqlFormatOf(format: string): string | undefined {
  const known = formatNamed(format);
  return known?.id === format ? known.dcqlFormat : undefined;
}

/**
 * §6.4.1: is the credential of the format and a type the query accepts (B.3.5 vct_values; B.1.1
 * type_values against a W3C VC's `type` array; B.2.3 an mdoc's docType), and which asked-for
 * claims are missing.
 */
export function credentialAnswers(query: DcqlCredentialQuery, type: string, claims: Record<string, unknown>, format?: string): { typeOk: boolean; missing: ClaimPath[] } {
  const types = Array.isArray(claims.type) ? claims.type.filter((t): t is string => typeof t === 'string') : [type];
  const typeOk = (format === undefined || dcqlFormatOf(format) === query.format)
    && metaAccepts(query, type, types);
  if (!query.claims) return { typeOk, missing: [] };
  const satisfied = (c: DcqlClaimQuery): boolean => {
    const found = selectClaim(claims, c.path);
    // §6.4.1: with values, at least one selected element must equal one of them.
    return found.length > 0 && (c.values === undefined || found.some((f) => c.values!.some((v) => v === f)));
  };
  // §6.4.1: without claim_sets every claim is required; with them, any one set will do (the first is named when none is met).
  const sets = query.claimSets?.map((ids) => ids.map((id) => query.claims!.find((c) => c.id === id)!)) ?? [query.claims];
  if (sets.some((set) => set.every(satisfied))) return { typeOk, missing: [] };
  return { typeOk, missing: sets[0]!.filter((c) => !satisfied(c)).map((c) => [...c.path]) };
}

/** Every claim path a credential query names (what is "asked for"; anything else disclosed is flagged). */
export function claimsAskedFor(query: DcqlCredentialQuery | undefined): ClaimPath[] {
  return query?.claims?.map((c) => [...c.path]) ?? [];
}

/**
 * §6.4.2: the credential query ids a complete answer still lacks, given the ids answered. Without
 * credential_sets every query is required; with them, each required set needs one option whose
 * queries are all answered (for an unmet set, the option nearest to complete is named).
 */
export function unansweredQueries(query: DcqlQuery, answered: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  const add = (ids: readonly string[]) => missing.push(...ids.filter((id) => !answered.has(id) && !missing.includes(id)));
  if (!query.credentialSets) {
    add(query.credentials.map((c) => c.id));
    return missing;
  }
  for (const set of query.credentialSets) {
    if (!set.required || set.options.some((option) => option.every((id) => answered.has(id)))) continue;
    const gaps = set.options.map((option) => option.filter((id) => !answered.has(id)));
    add(gaps.reduce((best, gap) => (gap.length < best.length ? gap : best)));
  }
  return missing;
}
