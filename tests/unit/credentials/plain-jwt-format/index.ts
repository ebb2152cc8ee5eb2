/**
 * A throwaway credential format, for tests only: a plain signed JWT (`typ` example+jwt) whose
 * claims about the person sit at the top level, its kind in `kind`, shared whole with the same
 * proof of possession as a JWT VC (`<jwt>~<kb-jwt>`). It is built only from what
 * src/credentials offers every format, and reaches Satchel through registerFormat alone: the
 * evidence that adding a format is its own folder plus the registry (format-seam.test.ts).
 */
import { DataError } from '../../../../src/lib/errors';
import { isJsonObject } from '../../../../src/lib/json-safe';
import type { CredentialFormatModule, ParsedCredential } from '../../../../src/credentials/index';
import { selectClaim } from '../../../../src/credentials/index';
import { jwsVerifyItem, parseCompactJws, peekJwsPart } from '../../../../src/credentials/jws';
import { peekStatusUri, statusReference } from '../../../../src/credentials/status-token';
import { jwtValidityWindow } from '../../../../src/credentials/validity';
import { appendKeyBinding, checkKeyBinding, holderJwkOf, peekKeyBinding, splitSdJwt } from '../../../../src/credentials/formats/sd-jwt-vc/index';

export const PLAIN_JWT_TYP = 'example+jwt';
const TECHNICAL = new Set(['iss', 'kind', 'iat', 'nbf', 'exp', 'cnf', 'status']);

function parse(raw: string): ParsedCredential {
  const split = raw.includes('~') ? splitSdJwt(raw) : undefined;
  if (split && split.disclosures.length > 0) throw new DataError('A plain JWT cannot carry disclosures');
  const jws = parseCompactJws(split?.issuerJwt ?? raw, 'The credential');
  const { header, payload } = jws;
  if (header.typ !== PLAIN_JWT_TYP) throw new DataError(`This credential has type ${JSON.stringify(header.typ)}, not ${PLAIN_JWT_TYP}`);
  if (typeof payload.iss !== 'string' || typeof payload.kind !== 'string') throw new DataError('The credential names no issuer or kind');
  const parsed: ParsedCredential = {
    format: 'example-plain-jwt',
    claims: payload,
    issuerId: payload.iss,
    type: payload.kind,
    types: [payload.kind],
    window: jwtValidityWindow(payload),
    issuerSignature: { header, item: (key) => jwsVerifyItem(jws, key, 'The credential') },
    statusReference: () => statusReference(payload),
  };
  const kbJwt = split?.kbJwt;
  if (split && kbJwt !== undefined) parsed.holderProof = (expect) => checkKeyBinding(kbJwt, split.withoutKb, payload, expect);
  return parsed;
}

export const plainJwtFormat: CredentialFormatModule = {
  id: 'example-plain-jwt',
  dcqlFormat: 'example_plain_jwt',
  describe: 'A plain signed JWT (test format).',
  selective: false,
  requestOnly: false,
  technicalClaims: TECHNICAL,
  detect: (raw) => peekJwsPart(raw, 0)?.typ === PLAIN_JWT_TYP,
  parse,
  read(raw) {
    const { type, claims } = parse(raw);
    return { type, claims };
  },
  subjectClaims: (claims) => claims,
  subjectPath: (name) => [name],
  labelPath: (path) => [...path],
  dcqlMeta: (types) => ({ kinds: [...types] }),
  // Its queries are matched on the format alone: nothing in meta is required.
  readMeta: () => ({}),
  holderJwk: (raw) => holderJwkOf(parse(raw).claims),
  peekStatusUri,
  peekHolderProof: peekKeyBinding,
  async present(raw, request) {
    const { claims } = parse(raw);
    for (const want of request.disclose) {
      if (!isJsonObject(claims) || selectClaim(claims, want).length === 0) throw new DataError(`The credential has no claim at ${JSON.stringify(want)}`);
    }
    return appendKeyBinding(`${raw}~`, request);
  },
};
