/**
 * The credential format registry: every format Satchel reads, each a CredentialFormatModule in a
 * folder of its own (format.ts says what a format provides). Adding a format is its folder plus
 * one entry in BUILT_IN below and its DCQL naming in dcql-naming.ts (or registerFormat, which adds
 * both); nothing else in Satchel parses a credential.
 */
import { addDcqlNaming } from './dcql-naming';
import type { CredentialFormatModule } from './format';
import { jwtVcFormat } from './jwt-vc/index';
import { msoMdocFormat } from './mso-mdoc/index';
import { paperCardFormat } from './paper-card/index';
import { sdJwtVcFormat } from './sd-jwt-vc/index';

export { DEFAULT_DCQL_FORMAT, dcqlMetaFor, dcqlNamingOf, knownFormatIds } from './dcql-naming';
export type { ClaimPath, ClaimPathSteps, CredentialFormat, CredentialFormatModule, DcqlMetaRead, DcqlNaming, HolderProofExpectations, ParsedCredential, PresentationHandover, PresentationRequest, ReadCredential } from './format';

// The paper card (issue 17) has no DCQL naming: it is never asked for online (paper-card/index.ts).
const BUILT_IN: readonly CredentialFormatModule[] = [jwtVcFormat, sdJwtVcFormat, msoMdocFormat, paperCardFormat];

const formats: CredentialFormatModule[] = [...BUILT_IN];

/**
 * Adds a format (after the built-in ones); returns what removes it again. Throws TypeError when
 * its id or DCQL format is already taken.
 */
export function registerFormat(format: CredentialFormatModule): () => void {
  if (formats.some((f) => f.id === format.id || f.dcqlFormat === format.dcqlFormat)) throw new TypeError(`A credential format named ${format.id} (DCQL ${format.dcqlFormat}) is already registered`);
  formats.push(format);
  const removeNaming = addDcqlNaming(format);
  return () => {
    const at = formats.indexOf(format);
    if (at >= 0 && !BUILT_IN.includes(format)) {
      formats.splice(at, 1);
      removeNaming();
    }
  };
}

/**
 * The format `raw` is in, read without checking anything (parse checks). Each format knows its own
 * marker (a JWT's typ); what none claims is read by the built-in format whose parser best says what
 * is wrong: with a "~" (RFC 9901 §4) as an SD-JWT VC, else as a JWT VC (which names the typ it expected).
 */
export function detectFormat(raw: string): CredentialFormatModule {
  return formats.find((f) => f.detect(raw)) ?? (raw.includes('~') ? sdJwtVcFormat : jwtVcFormat);
}

/** Every format, in the order they are asked whether a credential is theirs. */
export function registeredFormats(): readonly CredentialFormatModule[] {
  return [...formats];
}

/** A format by the name a verify report or the vault uses, or by its DCQL name; undefined when unknown. */
export function formatNamed(name: string): CredentialFormatModule | undefined {
  return formats.find((f) => f.id === name) ?? formats.find((f) => f.dcqlFormat === name);
}
