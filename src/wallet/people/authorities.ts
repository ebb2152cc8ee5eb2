/**
 * Which authorities the holder holds to act for a person (docs/carers.md): the authority
 * credentials (AUTHORITY_TYPE) in the holder's OWN space — an authority is the attorney's
 * credential, bound to their key — whose donor (name and date of birth) is the person shown by a
 * credential in that person's space, compared by the one rule the checker uses too (samePerson).
 */
import { AUTHORITY_CLAIMS, AUTHORITY_POWERS, AUTHORITY_TYPE, type AuthorityPower } from '../../credentials/on-behalf';
import { donorOf, identityOf, samePerson, type PersonIdentity } from '../../credentials/on-behalf-check';
import type { CredentialView } from '../held';
import { SELF_PERSON, type PersonId } from '../shared';
import type { HeldAuthority } from './people-api';

/**
 * A credential's claims by flat name: an SD-JWT VC's top-level claims (path [name]) and an mdoc's
 * elements (path [namespace, name]); a top-level claim wins over an element of the same name.
 */
export function flatClaims(view: Pick<CredentialView, 'claims'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const depth of [2, 1]) {
    for (const claim of view.claims) {
      const name = claim.path[claim.path.length - 1];
      if (claim.path.length === depth && claim.path.every((p) => typeof p === 'string') && typeof name === 'string') out[name] = claim.value;
    }
  }
  return out;
}

export function isAuthority(view: Pick<CredentialView, 'typeName'>): boolean {
  return view.typeName.of === 'type' && view.typeName.type === AUTHORITY_TYPE;
}

/** Usable as last seen: it verified, is not revoked or suspended, and has not expired. */
function usable(view: CredentialView, now: number): boolean {
  if (!view.verified) return false;
  if (view.status.state === 'revoked' || view.status.state === 'suspended') return false;
  return view.validUntil === undefined || Date.parse(view.validUntil) > now;
}

/** The identities shown by the credentials in `personId`'s space. */
function identitiesIn(views: CredentialView[], personId: PersonId): PersonIdentity[] {
  return views.filter((v) => v.personId === personId && !isAuthority(v)).flatMap((v) => identityOf(flatClaims(v)) ?? []);
}

/** The held authorities for `personId` among `views` (every held credential, as last seen). */
export function authoritiesAmong(views: CredentialView[], personId: PersonId, now: number): HeldAuthority[] {
  if (personId === SELF_PERSON) return [];
  const identities = identitiesIn(views, personId);
  if (identities.length === 0) return [];
  const out: HeldAuthority[] = [];
  for (const view of views) {
    if (view.personId !== SELF_PERSON || !isAuthority(view)) continue;
    const claims = flatClaims(view);
    const donor = donorOf(claims);
    const power = claims[AUTHORITY_CLAIMS.power];
    if (!donor || !AUTHORITY_POWERS.includes(power as AuthorityPower)) continue;
    if (!identities.some((identity) => samePerson(donor, identity))) continue;
    const held: HeldAuthority = { credentialId: view.id, personId, typeName: view.typeName, power: power as AuthorityPower, usable: usable(view, now) };
    if (view.validUntil !== undefined) held.validUntil = view.validUntil;
    out.push(held);
  }
  return out;
}
