/**
 * Verifying an OpenID4VP 1.0 response at the reference verifier: decrypt the `response` JWE
 * (§8.3; ECDH-ES P-256 + A256GCM, RFC 7516/7518, HAIP) with the transaction's key, read
 * `vp_token` (§8.1: an object keyed by DCQL credential query id, each an array of presentations),
 * and verify the SD-JWT VC presentation with its key binding to this verifier's client_id and
 * the transaction's nonce (B.3.6; RFC 9901 §7.3), trust list, validity and status.
 */
import { verifyPresentation, type TrustList } from '../../credentials/index';
import { utf8Decode } from '../../lib/bytes';
import { decryptJwe, JweError } from '../../lib/jwe';
import { isJsonObject } from '../../lib/json-safe';
import { nodeSignatureVerifier } from './noble-verifier';
import type { Outcome, Transaction } from './transactions';

const TECHNICAL = new Set(['iss', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'status', 'sub', 'jti', 'vct#integrity']);

export interface VerifyContext {
  clientId: string;
  trustList: () => Promise<TrustList>;
  fetchStatusList: (uri: string) => Promise<string>;
  now: () => number;
}

function hasPath(claims: Record<string, unknown>, path: string[]): boolean {
  let node: unknown = claims;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, step)) return false;
    node = (node as Record<string, unknown>)[step];
  }
  return true;
}

function failure(error: string): Outcome {
  return { ok: false, reasons: [], claims: {}, error };
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
  const queryId = (tx.dcql.credentials as { id: string }[])[0]?.id ?? '';
  const list = isJsonObject(vp) ? vp[queryId] : undefined;
  const presentation = Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
  if (!presentation) return failure(`the response has no presentation for "${queryId}"`);
  const report = await verifyPresentation(presentation, {
    trustList: await ctx.trustList(),
    verifier: nodeSignatureVerifier,
    now: new Date(ctx.now()),
    audience: ctx.clientId,
    nonce: tx.nonce,
    fetchStatusList: ctx.fetchStatusList,
  });
  const claims = Object.fromEntries(Object.entries(report.claims).filter(([k]) => !TECHNICAL.has(k)));
  const reasons: Outcome['reasons'] = report.checks.map((c) => ({ name: c.name, ok: c.ok, message: c.message }));
  // DCQL §6.4.1: the presentation must be of a requested type and hold every requested claim.
  const query = (tx.dcql.credentials as { meta?: { vct_values?: string[] }; claims?: { path: string[] }[] }[])[0];
  if (report.valid && query) {
    const typeOk = query.meta?.vct_values?.includes(report.type) ?? true;
    const missing = (query.claims ?? []).filter((c) => !hasPath(report.claims, c.path)).map((c) => c.path.join('.'));
    const ok = typeOk && missing.length === 0;
    reasons.push({ name: 'request', ok, message: !typeOk ? `type ${report.type} was not asked for` : missing.length > 0 ? `not shared, though asked for: ${missing.join(', ')}` : 'everything asked for was shared' });
  }
  const outcome: Outcome = { ok: reasons.every((r) => r.ok) && report.valid, reasons, claims, type: report.type };
  const issuer = report.issuer.name ?? report.issuer.id;
  if (issuer) outcome.issuer = issuer;
  return outcome;
}
