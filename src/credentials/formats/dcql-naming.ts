/**
 * The DCQL names of the credential formats (OpenID4VP 1.0 Appendix B), the `meta` each asks with
 * and how each reads it, without loading any parser: a verifier builds its query on its first screen. Each format's
 * own dcql.ts is listed here as well as in the registry (index.ts), which adds registered ones.
 */
import type { DcqlNaming } from './format';
import { jwtVcDcql } from './jwt-vc/dcql';
import { msoMdocDcql } from './mso-mdoc/dcql';
import { sdJwtVcDcql } from './sd-jwt-vc/dcql';

const namings: DcqlNaming[] = [sdJwtVcDcql, jwtVcDcql, msoMdocDcql];

/** The format a query names when it names none: the SD-JWT VC. */
export const DEFAULT_DCQL_FORMAT = sdJwtVcDcql.dcqlFormat;

/** The DCQL `meta` (§6.1) asking for any of `types` in `dcqlFormat`. Throws TypeError for a format no one registered. */
export function dcqlMetaFor(dcqlFormat: string, types: readonly string[]): Record<string, unknown> {
  const naming = dcqlNamingOf(dcqlFormat);
  if (!naming) throw new TypeError(`No credential format is named ${dcqlFormat} in DCQL`);
  return naming.dcqlMeta(types);
}

/** The DCQL naming of `dcqlFormat`; undefined for a format no one registered (its queries parse and match nothing). */
export function dcqlNamingOf(dcqlFormat: string): DcqlNaming | undefined {
  return namings.find((n) => n.dcqlFormat === dcqlFormat);
}

/** The ids of every format Satchel reads (built in or registered), without loading a parser: what the vault may store. */
export function knownFormatIds(): string[] {
  return namings.map((n) => n.id);
}

/** For the registry: a registered format's DCQL naming; returns what removes it again. */
export function addDcqlNaming(naming: DcqlNaming): () => void {
  namings.push(naming);
  return () => {
    const at = namings.indexOf(naming);
    if (at >= 0) namings.splice(at, 1);
  };
}
