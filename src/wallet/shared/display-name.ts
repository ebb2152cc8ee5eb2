/**
 * Names of credential types and claims (DisplayName): made where the wallet knows what is named,
 * read back from storage. The words are the UI's (src/ui/i18n/names.ts).
 */
import { labelFromName, readLocalised } from './localise';
import type { ClaimPath, DisplayName, Localised } from './types';

const withIssuer = <T extends object>(name: T, issuer: Localised | undefined): T & { issuer?: Localised } => (issuer ? { ...name, issuer: { ...issuer } } : name);

/** A credential type's name: its `vct` (or W3C VC type), with the issuer's display of it if any. */
export function nameOfType(type: string, issuer?: Localised): DisplayName {
  return withIssuer({ of: 'type' as const, type }, issuer);
}

/** A claim's name: its path as shown (a W3C VC's from credentialSubject), with the issuer's label if any. */
export function nameOfClaim(path: readonly (string | number | null)[], issuer?: Localised): DisplayName {
  return withIssuer({ of: 'claim' as const, path: [...path] }, issuer);
}

/** A member of a nested claim (an address's `postal_code`), with the issuer's label if any. */
export function nameOfPart(member: string, issuer?: Localised): DisplayName {
  return withIssuer({ of: 'part' as const, member }, issuer);
}

/** Words kept as they are (a name with nothing better known, such as a query id). */
export function nameAsWords(words: Localised): DisplayName {
  return { of: 'words', words: { ...words } };
}

const isPath = (v: unknown): v is ClaimPath => Array.isArray(v) && v.every((s) => typeof s === 'string' || typeof s === 'number' || s === null);

/** A stored name read back: a DisplayName as kept now, or words as kept before names were codes; undefined for anything else. */
export function readDisplayName(raw: unknown): DisplayName | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const issuer = readLocalised(r.issuer);
  switch (r.of) {
    case 'type': return typeof r.type === 'string' ? nameOfType(r.type, issuer) : undefined;
    case 'claim': return isPath(r.path) ? nameOfClaim(r.path, issuer) : undefined;
    case 'part': return typeof r.member === 'string' ? nameOfPart(r.member, issuer) : undefined;
    case 'words': { const words = readLocalised(r.words); return words ? nameAsWords(words) : undefined; }
    case 'list': return Array.isArray(r.names) ? { of: 'list', names: r.names.map(readDisplayName).filter((n): n is DisplayName => n !== undefined) } : undefined;
    default: {
      const words = readLocalised(raw);
      return words ? nameAsWords(words) : undefined;
    }
  }
}

/** What a name names, as plain text for messages to developers and logs (`https://…/driving-licence`, `address.postal_code`). */
export function nameKey(name: DisplayName): string {
  switch (name.of) {
    case 'type': return name.type;
    case 'claim': return name.path.filter((s): s is string => typeof s === 'string').join('.');
    case 'part': return name.member;
    case 'words': return name.words.en;
    case 'list': return name.names.map(nameKey).join(', ');
  }
}

/** The words the wallet itself has for a name: the issuer's text in every language, the words kept, a name made from the key. */
export function nameWords(name: DisplayName): string[] {
  switch (name.of) {
    case 'words': return Object.values(name.words).filter((w): w is string => typeof w === 'string');
    case 'list': return name.names.flatMap(nameWords);
    default: {
      const key = name.of === 'type' ? name.type.split('/').pop() ?? name.type : name.of === 'claim' ? nameKey(name).replace(/\./g, ' ') : name.member;
      return [...Object.values(name.issuer ?? {}).filter((w): w is string => typeof w === 'string'), labelFromName(key).en];
    }
  }
}
