/**
 * A credential's claims as the rows a person reads: each with its name, and names for the members
 * of nested claims (an address's lines, a driving privilege's category).
 *
 * A name carries the issuer's label from its metadata (OpenID4VCI 1.0 §12.2.4
 * `credential_metadata.claims`, each `path` per Appendix C with a `display` list of { name, locale })
 * and the claim or member it names; the UI words it (src/ui/i18n/names.ts): the issuer's label in
 * the person's language, else Satchel's for the registered claim names (OpenID Connect Core §5.1,
 * ISO/IEC 18013-5 §7.2.1), else one made from the name.
 */
import { selectShaped } from '../../credentials/index';
import { nameOfClaim, nameOfPart } from '../shared';
import type { CredentialView } from './held-api';
import type { DisplayName, Localised } from '../shared';

type ClaimPath = (string | number | null)[];
export type ClaimRow = CredentialView['claims'][number];

/** What `path` selects in a claim (OpenID4VCI 1.0 Appendix C), arrays kept as arrays: the one claim-path walk (credentials/claim-path.ts). */
export function select(value: unknown, path: ClaimPath): unknown {
  return selectShaped(value, path);
}

/** A member's key: the names along a path inside a claim, array steps left out ("codes.code"). */
export function partKey(path: readonly (string | number | null)[]): string {
  return path.filter((step): step is string => typeof step === 'string').join('.');
}

const startsWith = (path: ClaimPath, prefix: ClaimPath) => prefix.length < path.length && prefix.every((step, i) => step === path[i]);

/** Names for every member found inside a nested value, with the issuer's label where it gave one. */
function partLabels(value: unknown, issuerParts: Map<string, Localised>, prefix: string[] = [], out: Record<string, DisplayName> = {}): Record<string, DisplayName> {
  // A byte string (an mdoc's portrait, ISO/IEC 18013-5 §7.2.1) is one value: its bytes are not members.
  if (value instanceof Uint8Array) return out;
  if (Array.isArray(value)) {
    for (const item of value) partLabels(item, issuerParts, prefix, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      const key = [...prefix, name].join('.');
      if (!out[key]) out[key] = nameOfPart(name, issuerParts.get(key));
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
    const issuerParts = new Map(described.filter((c) => startsWith(c.path, claim.path)).map((c) => [partKey(c.path.slice(claim.path.length)), c.label] as const));
    const row: ClaimRow = { path: claim.path, label: nameOfClaim(claim.path, claim.label), value };
    const parts = partLabels(value, issuerParts);
    if (Object.keys(parts).length > 0) row.parts = parts;
    rows.push(row);
    if (typeof claim.path[0] === 'string') covered.add(claim.path[0]);
  }
  for (const [name, value] of Object.entries(subject ?? {})) {
    if (covered.has(name) || skip(name)) continue;
    const row: ClaimRow = { path: [name], label: nameOfClaim([name]), value };
    const parts = partLabels(value, new Map());
    if (Object.keys(parts).length > 0) row.parts = parts;
    rows.push(row);
  }
  return rows;
}
