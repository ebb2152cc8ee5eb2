/**
 * SD-JWT compact serialization, RFC 9901 §4: `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]`.
 * Splits the string (§7.1 step 1), parses the issuer-signed JWT and every disclosure, and checks
 * for duplicates (§7.1 step 4). Processing the payload is in sd-jwt-process.ts.
 */
import { DataError } from '../../../lib/errors';
import { CheckError } from '../../check-error';
import { parseCompactJws, type ParsedJws } from '../../jws';
import { parseDisclosure, type Disclosure } from './disclosure';
import { MAX_DISCLOSURES } from '../../limits';
import { checkSdAlg } from './digest';

export interface ParsedSdJwt {
  jws: ParsedJws;
  disclosures: Disclosure[];
  /** Everything up to and including the last `~` (the sd_hash input, §4.3.1). */
  withoutKb: string;
  /** The KB-JWT, if one was appended (§4.3). */
  kbJwt?: string;
}

export interface SplitSdJwt {
  issuerJwt: string;
  disclosures: string[];
  withoutKb: string;
  kbJwt?: string;
}

/** §4 / §7.1 step 1: separate the issuer JWT, the disclosures and the optional KB-JWT. */
export function splitSdJwt(raw: string): SplitSdJwt {
  const tilde = raw.lastIndexOf('~');
  if (tilde < 0) throw new DataError('This is not an SD-JWT: it has no "~" separators');
  const parts = raw.split('~');
  const issuerJwt = parts[0]!;
  const kbJwt = parts[parts.length - 1]!;
  const disclosures = parts.slice(1, -1);
  if (issuerJwt === '') throw new DataError('The SD-JWT starts with "~"; the issuer-signed part is missing');
  if (disclosures.length > MAX_DISCLOSURES) throw new CheckError('disclosures', `The SD-JWT has ${disclosures.length} disclosures; at most ${MAX_DISCLOSURES} are accepted`);
  disclosures.forEach((d, i) => {
    if (d === '') throw new CheckError('disclosures', `Disclosure ${i + 1} is empty (two "~" in a row)`);
  });
  const split: SplitSdJwt = { issuerJwt, disclosures, withoutKb: raw.slice(0, tilde + 1) };
  if (kbJwt !== '') split.kbJwt = kbJwt;
  return split;
}

/** Parses an SD-JWT; throws DataError tagged by which check failed. */
export function parseSdJwt(raw: string): ParsedSdJwt {
  const split = splitSdJwt(raw);
  const jws = parseCompactJws(split.issuerJwt, 'The issuer-signed JWT');
  checkSdAlg(jws.payload);
  const disclosures = split.disclosures.map((d, i) => parseDisclosure(d, i + 1));
  // §7.1 step 4: a digest (so a disclosure) must not appear twice.
  const seen = new Set<string>();
  for (const [i, d] of disclosures.entries()) {
    if (seen.has(d.digest)) throw new CheckError('disclosures', `Disclosure ${i + 1} appears more than once`);
    seen.add(d.digest);
  }
  const parsed: ParsedSdJwt = { jws, disclosures, withoutKb: split.withoutKb };
  if (split.kbJwt !== undefined) parsed.kbJwt = split.kbJwt;
  return parsed;
}

