/**
 * Digital Credentials Query Language, OpenID4VP 1.0 §6: parsing a query (§6.1–6.4), claim path
 * selection (§7.1) and matching it against the credentials a wallet holds (§6.4.1, §6.4.2).
 * The formats Satchel reads (src/credentials/formats/: `dc+sd-jwt`, Appendix B.3; `jwt_vc_json`,
 * Appendix B.1; `mso_mdoc`, Appendix B.2) each read their own `meta` into a DcqlMetaRead, which one
 * matcher checks whatever the format (metaAccepts); other formats parse but match nothing.
 * `trusted_authorities` (§6.1.1) is read and ignored: Satchel's own trust list decides whom to trust.
 */
import { selectClaim } from '../../credentials/claim-path';
import { dcqlNamingOf } from '../../credentials/formats/dcql-naming';
import type { DcqlMetaRead } from '../../credentials/formats/format';
import { DataError } from '../../lib/errors';
import { isJsonObject } from '../../lib/json-safe';

export type DcqlPathElement = string | number | null;

export interface DcqlClaimQuery {
  id?: string;
  path: DcqlPathElement[];
  values?: (string | number | boolean)[];
  /** B.2.4 (mso_mdoc): the verifier says it will keep this element after the check (ISO/IEC 18013-5 §8.3.2.1.2.1 IntentToRetain). */
  intentToRetain?: boolean;
}

/**
 * A credential query (§6.1). What its `meta` says the credential must be is the format's own
 * reading (DcqlMetaRead: `vctValues` B.3.5, `typeValues` B.1.1, `doctypeValue` B.2.3), kept as is.
 */
export interface DcqlCredentialQuery extends DcqlMetaRead {
  id: string;
  format: string;
  multiple: boolean;
  claims?: DcqlClaimQuery[];
  claimSets?: string[][];
}

export interface DcqlCredentialSet {
  options: string[][];
  required: boolean;
}

export interface DcqlQuery {
  credentials: DcqlCredentialQuery[];
  credentialSets?: DcqlCredentialSet[];
}

export class DcqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DcqlError';
  }
}

// §6.1: "id … MUST be a non-empty string consisting of alphanumeric, underscore (_), or hyphen (-)".
const ID = /^[A-Za-z0-9_-]+$/;

function fail(message: string): never {
  throw new DcqlError(message);
}

/** B.2.4: an mdoc claim path is exactly [namespace, data element identifier]. */
const MDOC_FORMAT = 'mso_mdoc';

function parseClaim(value: unknown, where: string, format: string): DcqlClaimQuery {
  if (!isJsonObject(value)) fail(`${where} is not an object`);
  const { id, path, values, intent_to_retain: intentToRetain } = value;
  // §6.3: path is a non-empty array (§7: of strings, non-negative integers and null).
  if (!Array.isArray(path) || path.length === 0) fail(`${where}.path must be a non-empty array`);
  for (const step of path) {
    const ok = typeof step === 'string' || step === null || (typeof step === 'number' && Number.isSafeInteger(step) && step >= 0);
    if (!ok) fail(`${where}.path has an element that is not a string, a non-negative integer or null`);
  }
  const claim: DcqlClaimQuery = { path: path as DcqlPathElement[] };
  if (format === MDOC_FORMAT) {
    // B.2.4: "the path MUST contain exactly two elements": a namespace and a data element identifier.
    if (path.length !== 2 || !path.every((step) => typeof step === 'string' && step !== '')) fail(`${where}.path must be [namespace, element] for mso_mdoc`);
    if (intentToRetain !== undefined) {
      if (typeof intentToRetain !== 'boolean') fail(`${where}.intent_to_retain must be a boolean`);
      claim.intentToRetain = intentToRetain;
    }
  }
  if (id !== undefined) {
    if (typeof id !== 'string' || !ID.test(id)) fail(`${where}.id is not a valid identifier`);
    claim.id = id;
  }
  if (values !== undefined) {
    // §6.3: values is a non-empty array of strings, integers or booleans.
    if (!Array.isArray(values) || values.length === 0) fail(`${where}.values must be a non-empty array`);
    for (const v of values) if (!(typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isSafeInteger(v)))) fail(`${where}.values may hold only strings, integers and booleans`);
    claim.values = values as (string | number | boolean)[];
  }
  return claim;
}

function parseCredential(value: unknown, index: number): DcqlCredentialQuery {
  const where = `credentials[${index}]`;
  if (!isJsonObject(value)) fail(`${where} is not an object`);
  const { id, format, meta, claims, claim_sets: claimSets, multiple } = value;
  if (typeof id !== 'string' || !ID.test(id)) fail(`${where}.id is not a valid identifier`);
  if (typeof format !== 'string' || format === '') fail(`${where}.format is missing`);
  if (multiple !== undefined && typeof multiple !== 'boolean') fail(`${where}.multiple must be a boolean`);
  // §6.1: meta is REQUIRED (an object, possibly empty).
  if (!isJsonObject(meta)) fail(`${where}.meta must be an object`);
  const query: DcqlCredentialQuery = { id, format, multiple: multiple === true };
  // Appendix B: each format says what its meta holds (src/credentials/formats/<format>/dcql.ts).
  const naming = dcqlNamingOf(format);
  if (naming) {
    try {
      Object.assign(query, naming.readMeta(meta, where));
    } catch (e) {
      if (e instanceof DataError) fail(e.message);
      throw e;
    }
  }
  if (claims !== undefined) {
    // §6.1: claims, if present, is a non-empty array.
    if (!Array.isArray(claims) || claims.length === 0) fail(`${where}.claims must be a non-empty array`);
    query.claims = claims.map((c, i) => parseClaim(c, `${where}.claims[${i}]`, format));
    const ids = query.claims.map((c) => c.id).filter((x): x is string => x !== undefined);
    if (new Set(ids).size !== ids.length) fail(`${where}.claims has duplicate ids`);
  }
  if (claimSets !== undefined) {
    // §6.1: claim_sets MUST NOT be present without claims; each refers to claim ids.
    if (!query.claims) fail(`${where}.claim_sets needs claims`);
    const known = new Set(query.claims.map((c) => c.id));
    if (!Array.isArray(claimSets) || claimSets.length === 0) fail(`${where}.claim_sets must be a non-empty array`);
    query.claimSets = claimSets.map((set, i) => {
      if (!Array.isArray(set) || set.length === 0 || !set.every((s) => typeof s === 'string' && known.has(s))) fail(`${where}.claim_sets[${i}] must list claim ids of this query`);
      return set as string[];
    });
  }
  return query;
}

/** Parses and validates a DCQL query (§6). Throws DcqlError naming the offending member. */
export function parseDcqlQuery(value: unknown): DcqlQuery {
  if (!isJsonObject(value)) fail('The DCQL query is not an object');
  const { credentials, credential_sets: sets } = value;
  if (!Array.isArray(credentials) || credentials.length === 0) fail('The DCQL query has no credentials');
  const query: DcqlQuery = { credentials: credentials.map(parseCredential) };
  const ids = query.credentials.map((c) => c.id);
  if (new Set(ids).size !== ids.length) fail('The DCQL query has duplicate credential ids');
  if (sets !== undefined) {
    if (!Array.isArray(sets) || sets.length === 0) fail('credential_sets must be a non-empty array');
    query.credentialSets = sets.map((set, i) => {
      if (!isJsonObject(set)) fail(`credential_sets[${i}] is not an object`);
      const { options, required } = set;
      if (required !== undefined && typeof required !== 'boolean') fail(`credential_sets[${i}].required must be a boolean`);
      if (!Array.isArray(options) || options.length === 0) fail(`credential_sets[${i}].options must be a non-empty array`);
      return {
        required: required !== false, // §6.2: defaults to true
        options: options.map((o, j) => {
          if (!Array.isArray(o) || o.length === 0 || !o.every((id) => typeof id === 'string' && ids.includes(id))) fail(`credential_sets[${i}].options[${j}] must list credential ids of this query`);
          return o as string[];
        }),
      };
    });
  }
  return query;
}

/** §7.1: the elements a claim path selects in `claims` (empty when it selects nothing); one walk for the whole wallet (credentials/claim-path.ts). */
export { selectClaim };

/** A credential the wallet holds, as matching needs it. */
export interface HeldCredential {
  id: string;
  format: string;
  /** `vct` of an SD-JWT VC; for a W3C VC, its type other than VerifiableCredential; an mdoc's docType. */
  type: string;
  /** A W3C VC's whole `type` array (VCDM 2.0 §4.5), for B.1.1 type_values. */
  types?: string[];
  /** Fully disclosed claims. */
  claims: Record<string, unknown>;
}

export interface CredentialMatch {
  queryId: string;
  credentialId: string;
  /** The claims this credential would disclose for the query (the first satisfiable claim set, §6.4.1). */
  claims: DcqlPathElement[][];
  /** Of those, the ones the verifier says it will keep (B.2.4 intent_to_retain); absent when none. */
  retained?: DcqlPathElement[][];
}

/**
 * B.1.1: a W3C VC matches when its `type` holds every type of at least one of the sets. Satchel
 * does no JSON-LD expansion: types are compared as the credential writes them (its only context is
 * the VCDM 2.0 one, so they are the terms the issuer's metadata names).
 */
export function typesMatch(typeValues: readonly (readonly string[])[], types: readonly string[]): boolean {
  return typeValues.some((set) => set.every((t) => types.includes(t)));
}

/**
 * §6.4.1 "the Credential MUST match the constraints of meta": every constraint the format read
 * from the query's meta holds for a credential of type `type` (all its types: `types`) — B.3.5 its
 * vct is one of vct_values, B.1.1 its type array holds one set of type_values, B.2.3 its docType
 * is doctype_value. One check for every format, on what the format's DcqlNaming read.
 */
export function metaAccepts(meta: DcqlMetaRead, type: string, types: readonly string[] = [type]): boolean {
  if (meta.vctValues && !meta.vctValues.includes(type)) return false;
  if (meta.typeValues && !typesMatch(meta.typeValues, types)) return false;
  if (meta.doctypeValue !== undefined && meta.doctypeValue !== type) return false;
  return true;
}

/** The types a query's meta asks for, to name them to a person (the first is the one to show). */
export function typesAsked(meta: DcqlMetaRead): string[] {
  if (meta.vctValues) return [...meta.vctValues];
  if (meta.doctypeValue !== undefined) return [meta.doctypeValue];
  // B.1.1: each set's most specific type (the VCDM base type says nothing).
  return (meta.typeValues ?? []).map((set) => set.find((t) => t !== 'VerifiableCredential') ?? set[0]!).filter((t) => t !== undefined);
}

/** §6.4.1 with claims chosen: the match, naming the claims the verifier will keep (B.2.4). */
function matched(query: DcqlCredentialQuery, held: HeldCredential, chosen: readonly DcqlClaimQuery[]): CredentialMatch {
  const match: CredentialMatch = { queryId: query.id, credentialId: held.id, claims: chosen.map((c) => c.path) };
  const retained = chosen.filter((c) => c.intentToRetain === true).map((c) => c.path);
  if (retained.length > 0) match.retained = retained;
  return match;
}

/** §6.4.1: whether `held` answers `query`, and with which claims. */
export function matchCredential(query: DcqlCredentialQuery, held: HeldCredential): CredentialMatch | undefined {
  if (query.format !== held.format) return undefined;
  if (!metaAccepts(query, held.type, held.types ?? [held.type])) return undefined;
  if (!query.claims) return { queryId: query.id, credentialId: held.id, claims: [] }; // §6.4.1: no claims asked
  const satisfied = (c: DcqlClaimQuery): boolean => {
    const found = selectClaim(held.claims, c.path);
    if (found.length === 0) return false;
    // §6.4.1: with values, at least one selected element must equal one of them.
    return c.values === undefined || found.some((f) => c.values!.some((v) => v === f));
  };
  if (!query.claimSets) {
    // §6.4.1: without claim_sets, every claim is required.
    return query.claims.every(satisfied) ? matched(query, held, query.claims) : undefined;
  }
  // §6.4.1: claim_sets in order of preference; the first satisfiable one is used.
  for (const set of query.claimSets) {
    const chosen = set.map((id) => query.claims!.find((c) => c.id === id)!);
    if (chosen.every(satisfied)) return matched(query, held, chosen);
  }
  return undefined;
}

export interface QueryMatch {
  /** True when every required credential set (§6.4.2) — or, without sets, every query — can be answered. */
  satisfiable: boolean;
  /** Per credential query id, the held credentials that answer it. */
  byQuery: Record<string, CredentialMatch[]>;
  /**
   * The credential query ids to answer, all together in one vp_token (§8.1): the first satisfiable
   * option of each set (required or not), or every query. Empty when not satisfiable — §6.4.2: a
   * wallet that cannot deliver every required credential "MUST NOT return any Credential(s)".
   */
  toAnswer: string[];
  /** When not satisfiable: the query ids no held credential answers (for a required set, those of its nearest option). */
  missing: string[];
}

/** Matches a whole query against what the wallet holds (§6.4.2). */
export function matchQuery(query: DcqlQuery, held: readonly HeldCredential[]): QueryMatch {
  const byQuery: Record<string, CredentialMatch[]> = {};
  for (const q of query.credentials) {
    byQuery[q.id] = held.map((h) => matchCredential(q, h)).filter((m): m is CredentialMatch => m !== undefined);
  }
  const answerable = (id: string): boolean => (byQuery[id]?.length ?? 0) > 0;
  const toAnswer: string[] = [];
  const missing: string[] = [];
  const add = (list: string[], ids: readonly string[]) => list.push(...ids.filter((id) => !list.includes(id)));
  if (!query.credentialSets) {
    // §6.4.2: without credential_sets, every credential query is requested.
    const all = query.credentials.map((c) => c.id);
    add(missing, all.filter((id) => !answerable(id)));
    if (missing.length === 0) add(toAnswer, all);
  } else {
    for (const set of query.credentialSets) {
      const option = set.options.find((o) => o.every(answerable));
      if (option) add(toAnswer, option);
      else if (set.required) {
        // Name what the person lacks for the option closest to being answerable.
        const gaps = set.options.map((o) => o.filter((id) => !answerable(id)));
        add(missing, gaps.reduce((best, gap) => (gap.length < best.length ? gap : best)));
      }
    }
  }
  const satisfiable = missing.length === 0;
  return { satisfiable, byQuery, toAnswer: satisfiable ? toAnswer : [], missing };
}
