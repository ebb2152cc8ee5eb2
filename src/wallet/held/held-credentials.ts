/**
 * Stored credentials as sharing needs them, for DCQL matching (OpenID4VP 1.0 §6.4) and the "what
 * will (not) be shared" lists; read locally (the credential was verified when received and is
 * re-verified in every view). What each format says about the person, how DCQL names the format
 * and addresses its claims, and whether it can disclose selectively all come from the format
 * (src/credentials/formats/): an SD-JWT VC shares each top-level claim or not (RFC 9901); a JWT VC
 * (the veteran card) is shared whole, its claim paths through `credentialSubject` (B.1.2), and the
 * consent screen says so.
 */
import { formatNamed, registeredFormats, type CredentialFormatModule } from '../../credentials/index';
import type { HeldCredential } from '../../protocols/openid4vp/dcql';
import type { ClaimPath } from '../shared';
import type { StoredCredential } from '../vault';

export function heldCredential(stored: StoredCredential): HeldCredential | undefined {
  const format = formatNamed(stored.format);
  if (!format || format.id !== stored.format) return undefined;
  try {
    const read = format.read(stored.raw);
    const held: HeldCredential = { id: stored.id, format: format.dcqlFormat, type: read.type ?? stored.type, claims: read.claims };
    if (read.types) held.types = read.types;
    return held;
  } catch {
    return undefined;
  }
}

/** True when the credential answers only a verifier's request: its format's holder proof covers the request, so quick show cannot show it. */
export function requestOnly(held: Pick<HeldCredential, 'format'>): boolean {
  return formatNamed(held.format)?.requestOnly === true;
}

/** True when the credential can only be shared whole (no selective disclosure). */
export function sharedWhole(held: Pick<HeldCredential, 'format'>): boolean {
  return formatNamed(held.format)?.selective === false;
}

/** A claim path without the steps that lead to the subject (a W3C VC's credentialSubject): the name a label is looked up by. */
export function labelPath(path: readonly (string | number | null)[]): ClaimPath {
  for (const format of registeredFormats()) {
    const shorter = format.labelPath(path);
    if (shorter.length < path.length) return shorter;
  }
  return [...path];
}

/** The claims about the person, by DCQL path, leaving out those about the credential itself. */
function personClaims(format: CredentialFormatModule, claims: Record<string, unknown>): PresentedClaim[] {
  const subject = format.subjectClaims(claims);
  return Object.keys(subject)
    .filter((name) => !format.technicalClaims.has(name))
    .map((name) => ({ path: format.subjectPath(name, claims), value: subject[name] }));
}

/** Claims a person can share (top-level claims about them), as DCQL paths. */
export function shareablePaths(held: HeldCredential): ClaimPath[] {
  const format = formatNamed(held.format);
  return format ? personClaims(format, held.claims).map((c) => c.path) : [];
}

/** A claim about the person as a checker reads it from a verified credential (format as the verify report names it). */
export interface PresentedClaim {
  path: ClaimPath;
  value: unknown;
}

/** The claims about the person in a verified credential: an SD-JWT VC's top-level claims, a W3C VC's credentialSubject ones. */
export function presentedClaims(format: string, claims: Record<string, unknown>): PresentedClaim[] {
  const known = formatNamed(format);
  return known ? personClaims(known, claims) : [];
}

/** The presented claims nobody asked for (compared by the claim itself, not what is inside it). */
export function notAskedFor(presented: readonly PresentedClaim[], asked: readonly ClaimPath[]): ClaimPath[] {
  const head = (p: readonly unknown[]) => JSON.stringify(labelPath(p as ClaimPath).slice(0, 1));
  return presented.filter((c) => !asked.some((p) => head(p) === head(c.path))).map((c) => c.path);
}
