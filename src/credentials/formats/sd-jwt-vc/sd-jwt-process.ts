/**
 * Processing an SD-JWT payload with its disclosures, RFC 9901 §7.1 step 3–5: replace each digest
 * in `_sd` arrays and `{"...": digest}` array elements with the disclosed claim, drop the digests
 * that were not disclosed (decoys and withheld claims), remove `_sd` and `_sd_alg`, and refuse
 * anything ambiguous. Also records where each disclosure lands, for createPresentation.
 */
import { hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../../../lib/json-safe';
import { CheckError } from '../../check-error';
import type { Disclosure } from './disclosure';
import { MAX_PROCESSED_DEPTH } from '../../limits';

/** A concrete claim path in the fully processed payload: object keys and array indexes. */
export type ConcretePath = (string | number)[];

export interface ProcessedSdJwt {
  claims: JsonObject;
  /** Where each used disclosure's claim sits in `claims`, by disclosure digest. */
  paths: Map<string, ConcretePath>;
}

function fail(message: string): never {
  throw new CheckError('disclosures', message);
}

export function processSdJwtPayload(payload: JsonObject, disclosures: readonly Disclosure[]): ProcessedSdJwt {
  const byDigest = new Map<string, Disclosure>();
  for (const d of disclosures) {
    // §7.1 step 4: the same disclosure (hence digest) must not be presented twice.
    if (byDigest.has(d.digest)) fail('A disclosure appears more than once');
    byDigest.set(d.digest, d);
  }
  const referenced = new Set<string>();
  const paths = new Map<string, ConcretePath>();

  const claimOf = (digest: unknown): Disclosure | undefined => {
    if (typeof digest !== 'string') fail('A digest in the credential is not a string');
    // §7.1 step 4: a digest must not appear more than once in the payload or disclosures.
    if (referenced.has(digest)) fail('The same digest appears more than once in the credential');
    referenced.add(digest);
    return byDigest.get(digest); // undefined: a decoy or a claim not disclosed (§4.2.5)
  };

  const walk = (value: JsonValue, path: ConcretePath, depth: number): JsonValue => {
    if (depth > MAX_PROCESSED_DEPTH) fail(`The credential's claims are nested more than ${MAX_PROCESSED_DEPTH} levels deep`);
    if (Array.isArray(value)) {
      const out: JsonValue[] = [];
      for (const element of value) {
        // §4.2.4.2 / §7.1 step 3 (arrays): an element `{"...": digest}` stands for an array-element disclosure.
        if (isJsonObject(element) && hasOwn(element, '...')) {
          if (Object.keys(element).length !== 1) fail('An array element with "..." has other keys as well');
          const d = claimOf(element['...']);
          if (!d) continue;
          if (d.kind !== 'element') fail('A disclosure for an array element has a claim name (3 elements instead of 2)');
          const at = [...path, out.length];
          paths.set(d.digest, at);
          out.push(walk(d.value, at, depth + 1));
        } else {
          out.push(walk(element, [...path, out.length], depth + 1));
        }
      }
      return out;
    }
    if (isJsonObject(value)) {
      const out: JsonObject = {};
      for (const key of Object.keys(value)) {
        if (key === '_sd') continue;
        // §7.1 step 3 (last bullet): remove `_sd_alg` from the top level.
        if (key === '_sd_alg' && depth === 0) continue;
        setOwn(out, key, walk(value[key]!, [...path, key], depth + 1));
      }
      if (hasOwn(value, '_sd')) {
        const sd = value._sd;
        // §4.2.4.1 / §7.1 step 3 (objects): `_sd` is an array of digest strings.
        if (!Array.isArray(sd)) fail('An "_sd" entry in the credential is not an array');
        for (const digest of sd) {
          const d = claimOf(digest);
          if (!d) continue;
          if (d.kind !== 'property') fail('A disclosure for an object property has no claim name (2 elements instead of 3)');
          // §7.1 step 3 (objects): a disclosed name that already exists at that level makes the SD-JWT invalid.
          if (hasOwn(out, d.name)) fail(`A disclosure would overwrite the existing claim "${d.name}"`);
          const at = [...path, d.name];
          paths.set(d.digest, at);
          setOwn(out, d.name, walk(d.value, at, depth + 1));
        }
      }
      return out;
    }
    return value;
  };

  const claims = walk(payload, [], 0) as JsonObject;
  // §7.1 step 5 (last bullet): every disclosure must be referenced by a digest.
  for (const [i, d] of disclosures.entries()) {
    if (!referenced.has(d.digest)) fail(`Disclosure ${i + 1} does not belong to this credential (its digest is not referenced)`);
  }
  return { claims, paths };
}
