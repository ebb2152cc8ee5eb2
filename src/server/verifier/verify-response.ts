/**
 * Verifying an OpenID4VP 1.0 response at the reference verifier: decrypt the `response` JWE
 * (§8.3; ECDH-ES P-256 + A256GCM, RFC 7516/7518, HAIP) with the transaction's key, read
 * `vp_token` (§8.1: an object keyed by DCQL credential query id, each an array of presentations),
 * and verify every presentation in one batch: an SD-JWT VC's key binding to this verifier's
 * client_id and the transaction's nonce (B.3.6; RFC 9901 §7.3), an mdoc DeviceResponse's device
 * signature over the SessionTranscript with the OpenID4VPHandover of B.2.6.1 (client_id, nonce,
 * the thumbprint of this transaction's encryption key, the response URI); trust list, validity and
 * status. Then whether the answer is what was asked (§6.4.1 per credential, §6.4.2 as a whole),
 * and, when the request asked for an authority or the answer holds one, the on-behalf rule
 * (checkOnBehalf, as Satchel's checker applies it: docs/carers.md).
 */
import { formatNamed, jwkThumbprintSha256, verifyPresentations, type SignatureVerifier, type TrustList, type VerificationReport } from '../../credentials/index';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE, type AuthorityPower, type OnBehalfFailure } from '../../credentials/on-behalf';
import { checkOnBehalf, isAuthorityPower } from '../../credentials/on-behalf-check';
import { onBehalfCredentialOf } from '../../credentials/on-behalf-report';
import { utf8Decode } from '../../lib/bytes';
import { decryptJwe, JweError } from '../../lib/jwe';
import { isJsonObject } from '../../lib/json-safe';
import { nodeSignatureVerifier } from './noble-verifier';
import type { Outcome, Transaction } from './transactions';

export interface VerifyContext {
  clientId: string;
  /** Where answers are posted: part of an mdoc's OpenID4VPHandover (B.2.6.1). */
  responseUri: string;
  trustList: () => Promise<TrustList>;
  fetchStatusList: (uri: string) => Promise<string>;
  now: () => number;
  /** Checks the signatures; default nodeSignatureVerifier (@noble/curves). */
  verifier?: SignatureVerifier;
}

/** The DCQL credential queries this site makes (verifier-app.ts QUERIES), as far as it reads them. */
interface SiteQuery {
  id: string;
  format: string;
  meta?: { vct_values?: string[]; doctype_value?: string };
  claims?: { path: string[]; values?: unknown[] }[];
}

/** The query asking for an authority (AUTHORITY_TYPE), and the one power its power claim's `values` name (§6.3). */
function authorityAsked(queries: readonly SiteQuery[]): { queryId: string; power?: AuthorityPower } | undefined {
  const asked = queries.find((q) => q.meta?.vct_values?.includes(AUTHORITY_TYPE));
  if (!asked) return undefined;
  const values = asked.claims?.find((c) => c.path.length === 1 && c.path[0] === AUTHORITY_CLAIMS.power)?.values;
  const power = values?.length === 1 && isAuthorityPower(values[0]) ? values[0] : undefined;
  return { queryId: asked.id, ...(power ? { power } : {}) };
}

function hasPath(claims: Record<string, unknown>, path: string[]): boolean {
  let node: unknown = claims;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, step)) return false;
    node = (node as Record<string, unknown>)[step];
  }
  return true;
}

/** The reference verifier's page is in English: each on-behalf failure said plainly. */
const ON_BEHALF_MESSAGES: Record<OnBehalfFailure, string> = {
  'authority-missing': 'no authority to act for the person was shared, though one was asked for',
  'authority-invalid': 'the authority failed its checks (signature, issuer or type)',
  'authority-revoked': 'the authority has been revoked or suspended by the department',
  'authority-expired': 'the authority is not valid now (its end date has passed)',
  'authority-not-bound': 'the authority was not presented by the person it was issued to (key binding)',
  'person-claims-missing': 'the person\'s credential did not show their name and date of birth to match with the authority',
  'person-mismatch': 'the authority names someone other than the person whose credential was shown',
  'power-not-covered': 'the authority does not cover what was asked',
};

function failure(error: string): Outcome {
  return { ok: false, reasons: [], claims: {}, error };
}

/** The claims to show: what the credential says about the person, as its format reads it (an mdoc's elements by name), less the technical ones. */
function shownClaims(report: VerificationReport): Record<string, unknown> {
  const format = formatNamed(report.format);
  if (!format) return {};
  return Object.fromEntries(Object.entries(format.subjectClaims(report.claims)).filter(([k]) => !format.technicalClaims.has(k)));
}

/** §6.4.2: the query ids a complete answer needs — all without credential_sets, else one whole option of each required set. */
function missingQueries(dcql: Record<string, unknown>, answered: ReadonlySet<string>): string[] {
  const queries = dcql.credentials as SiteQuery[];
  const sets = dcql.credential_sets as { options: string[][]; required?: boolean }[] | undefined;
  if (!sets) return queries.map((q) => q.id).filter((id) => !answered.has(id));
  return sets
    .filter((s) => s.required !== false && !s.options.some((o) => o.every((id) => answered.has(id))))
    .map((s) => s.options.map((o) => o.join(' and ')).join(' or '));
}

/** `body` is the decoded form: `response` (direct_post.jwt) or `vp_token` (direct_post). */
export async function verifyResponse(tx: Transaction, form: { response?: string; vp_token?: string }, ctx: VerifyContext): Promise<Outcome> {
  let params: unknown;
  try {
    if (typeof form.response === 'string') {
      const text = utf8Decode(await decryptJwe(form.response, tx.privateKey));
      params = text === undefined ? undefined : JSON.parse(text);
    } else {
      return failure('the response was not encrypted (direct_post.jwt is required)');
    }
  } catch (error) {
    return failure(error instanceof JweError && error.code === 'wrong-key' ? 'the response was encrypted to another key' : 'the response could not be read');
  }
  const vp = isJsonObject(params) ? params.vp_token : undefined;
  if (!isJsonObject(vp)) return failure('the response has no vp_token');
  const queries = tx.dcql.credentials as SiteQuery[];
  const given: { query: SiteQuery; presentation: string }[] = [];
  for (const [queryId, list] of Object.entries(vp)) {
    const query = queries.find((q) => q.id === queryId);
    if (!query) return failure(`the response answers "${queryId}", which was not asked for`);
    // §8.1: one presentation per query (none of this site's queries allows `multiple`).
    if (!Array.isArray(list) || list.length !== 1 || typeof list[0] !== 'string') return failure(`the response must hold one presentation for "${queryId}"`);
    given.push({ query, presentation: list[0] });
  }
  if (given.length === 0) return failure('the response holds no presentation');
  const reports = await verifyPresentations(given.map((g) => g.presentation), {
    trustList: await ctx.trustList(),
    verifier: ctx.verifier ?? nodeSignatureVerifier,
    now: new Date(ctx.now()),
    audience: ctx.clientId,
    nonce: tx.nonce,
    // B.2.6.1: what an mdoc's DeviceAuth must cover besides client_id and nonce.
    handover: { kind: 'openid4vp', responseUri: ctx.responseUri, encryptionKeyThumbprint: jwkThumbprintSha256(tx.publicJwk) },
    fetchStatusList: ctx.fetchStatusList,
  });
  const several = given.length > 1;
  const reasons: Outcome['reasons'] = [];
  const claims: Record<string, unknown> = {};
  const types: string[] = [];
  const issuers: string[] = [];
  reports.forEach((report, i) => {
    const { query } = given[i]!;
    const name = (check: string) => (several ? `${query.id}: ${check}` : check);
    reasons.push(...report.checks.map((c) => ({ name: name(c.name), ok: c.ok, message: c.message })));
    const shown = shownClaims(report);
    for (const [k, v] of Object.entries(shown)) claims[several && k in claims ? `${query.id}.${k}` : k] = v;
    types.push(report.type);
    const issuer = report.issuer.name ?? report.issuer.id;
    if (issuer) issuers.push(issuer);
    // DCQL §6.4.1: of the format and a type asked for (B.3.5 vct_values, B.2.3 doctype_value), every claim asked for held.
    if (!report.valid) return;
    const typeOk = report.format === query.format && (query.meta?.vct_values?.includes(report.type) ?? true) && (query.meta?.doctype_value === undefined || query.meta.doctype_value === report.type);
    const missing = (query.claims ?? []).filter((c) => !hasPath(report.claims, c.path)).map((c) => c.path.join('.'));
    const ok = typeOk && missing.length === 0;
    reasons.push({ name: name('request'), ok, message: !typeOk ? `type ${report.type} was not asked for` : missing.length > 0 ? `not shared, though asked for: ${missing.join(', ')}` : 'everything asked for was shared' });
  });
  // §6.4.2: every required credential (set) answered.
  const missing = missingQueries(tx.dcql, new Set(given.map((g) => g.query.id)));
  if (several || missing.length > 0) reasons.push({ name: 'credentials', ok: missing.length === 0, message: missing.length > 0 ? `not shared, though asked for: ${missing.join('; ')}` : 'every credential asked for was shared' });
  // On someone's behalf (docs/carers.md): the authority holds, names the person shown, covers what was asked.
  const asked = authorityAsked(queries);
  const onBehalf = checkOnBehalf({
    credentials: reports.map((report, i) => onBehalfCredentialOf(given[i]!.query.id, report)),
    ...(asked ? { authorityQueryId: asked.queryId } : {}),
    ...(asked?.power ? { powerAsked: asked.power } : {}),
  });
  if (onBehalf) {
    if (onBehalf.ok) reasons.push({ name: 'on-behalf', ok: true, message: 'the authority holds, names the person whose credential was shown, and covers what was asked' });
    else for (const failure of onBehalf.failures) reasons.push({ name: `on-behalf:${failure}`, ok: false, message: ON_BEHALF_MESSAGES[failure] });
  }
  const outcome: Outcome = { ok: reasons.every((r) => r.ok) && reports.every((r) => r.valid), reasons, claims, type: types.join(', ') };
  if (issuers.length > 0) outcome.issuer = issuers.join(', ');
  if (onBehalf) outcome.onBehalf = onBehalf;
  return outcome;
}
