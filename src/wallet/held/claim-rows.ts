/**
 * A credential's claims as the rows a person reads: each with a label in English and Welsh, and
 * labels for the members of nested claims (an address's lines, a driving privilege's category).
 *
 * Labels come first from the issuer's metadata (OpenID4VCI 1.0 §12.2.4 `credential_metadata.claims`,
 * each `path` per Appendix C with a `display` list of { name, locale }), then from Satchel's own
 * labels for the claims government departments issue (purposes.ts), and only then from the claim
 * name itself. An issuer label without Welsh borrows Satchel's Welsh for the same claim name (the
 * names are the registered ones: OpenID Connect Core §5.1, ISO/IEC 18013-5 §7.2.1).
 */
import { selectShaped } from '../../credentials/index';
import { labelFromName } from '../shared';
import { CLAIM_PART_LABELS } from './claim-part-labels';
import { CLAIM_LABELS } from '../shared';
import type { CredentialView } from './held-api';
import type { Localised } from '../shared';

type ClaimPath = (string | number | null)[];
export type ClaimRow = CredentialView['claims'][number];

const own = (table: Record<string, Localised>, name: string): Localised | undefined =>
  Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;

/** The issuer's label, with Satchel's Welsh (or Satchel's whole label) where it has none. */
function labelFor(issuer: Localised | undefined, known: Localised | undefined, name: string): Localised {
  if (issuer) return issuer.cy || !known?.cy ? { ...issuer } : { ...issuer, cy: known.cy };
  return known ? { ...known } : labelFromName(name);
}

/** What `path` selects in a claim (OpenID4VCI 1.0 Appendix C), arrays kept as arrays: the one claim-path walk (credentials/claim-path.ts). */
export function select(value: unknown, path: ClaimPath): unknown {
  return selectShaped(value, path);
}

/** A member's key: the names along a path inside a claim, array steps left out ("codes.code"). */
export function partKey(path: readonly (string | number | null)[]): string {
  return path.filter((step): step is string => typeof step === 'string').join('.');
}

const startsWith = (path: ClaimPath, prefix: ClaimPath) => prefix.length < path.length && prefix.every((step, i) => step === path[i]);

/** Labels for every member name found inside a nested value: the issuer's, else Satchel's, else from the name. */
function partLabels(value: unknown, issuerParts: Map<string, Localised>, prefix: string[] = [], out: Record<string, Localised> = {}): Record<string, Localised> {
  if (Array.isArray(value)) {
    for (const item of value) partLabels(item, issuerParts, prefix, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      const key = [...prefix, name].join('.');
      if (!out[key]) out[key] = labelFor(issuerParts.get(key), own(CLAIM_PART_LABELS, name), name);
      partLabels(member, issuerParts, [...prefix, name], out);
    }
  }
  return out;
}

export interface LabelledClaim {
  path: ClaimPath;
  label: Localised;
}

/**
 * Rows for a credential subject: the claims the issuer described (in its order; a described claim
 * inside another described claim labels a member rather than making a row of its own), then any
 * other claim not in `skip` (claims about the credential itself).
 */
export function claimRows(subject: Record<string, unknown> | undefined, described: readonly LabelledClaim[], skip: (name: string) => boolean): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const covered = new Set<string>();
  const tops = described.filter((c) => !described.some((other) => startsWith(c.path, other.path)));
  for (const claim of tops) {
    const value = select(subject, claim.path);
    if (value === undefined) continue;
    const name = claim.path[claim.path.length - 1];
    const known = typeof name === 'string' && claim.path.length === 1 ? own(CLAIM_LABELS, name) : undefined;
    const issuerParts = new Map(described.filter((c) => startsWith(c.path, claim.path)).map((c) => [partKey(c.path.slice(claim.path.length)), c.label] as const));
    const row: ClaimRow = { path: claim.path, label: labelFor(claim.label, known, String(name ?? '')), value };
    const parts = partLabels(value, issuerParts);
    if (Object.keys(parts).length > 0) row.parts = parts;
    rows.push(row);
    if (typeof claim.path[0] === 'string') covered.add(claim.path[0]);
  }
  for (const [name, value] of Object.entries(subject ?? {})) {
    if (covered.has(name) || skip(name)) continue;
    const row: ClaimRow = { path: [name], label: labelFor(undefined, own(CLAIM_LABELS, name), name), value };
    const parts = partLabels(value, new Map());
    if (Object.keys(parts).length > 0) row.parts = parts;
    rows.push(row);
  }
  return rows;
}
