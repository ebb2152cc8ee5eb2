/**
 * JWT-secured W3C Verifiable Credentials Data Model 2.0: VC-JOSE-COSE §3.1.1 (`typ` vc+jwt,
 * optional `cty` vc; the payload is the credential) and VCDM 2.0 §4.3 (@context), §4.5 (type),
 * §4.7 (issuer), §4.8 (credentialSubject), §4.9 (validFrom/validUntil). Used for veteran cards.
 */
import { isJsonObject } from '../../../lib/json-safe';
import { CheckError } from '../../check-error';
import { jwsVerifyItem, parseCompactJws, peekJwsPart, type ParsedJws } from '../../jws';
import { statusReference } from '../../status-token';
import { vcdmValidityWindow } from '../../validity';
import type { ParsedCredential } from '../format';
import { checkKeyBinding, splitSdJwt } from '../sd-jwt-vc/index';

export const JWT_VC_TYP = 'vc+jwt';
export const VCDM2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

function fail(message: string): never {
  throw new CheckError('format', message);
}

export interface ParsedJwtVc extends ParsedCredential {
  jws: ParsedJws;
}

export function parseJwtVc(jws: ParsedJws): ParsedJwtVc {
  const { header, payload } = jws;
  // VC-JOSE-COSE §3.1.1: typ vc+jwt; cty, when present, is vc.
  if (header.typ !== JWT_VC_TYP) fail(`This credential has type ${JSON.stringify(header.typ)}; Satchel accepts dc+sd-jwt and vc+jwt`);
  if (header.cty !== undefined && header.cty !== 'vc') fail(`This credential has content type ${JSON.stringify(header.cty)}, not vc`);
  // VCDM 2.0 §4.3: the first @context is the v2 context.
  const context = payload['@context'];
  if (!Array.isArray(context) || context[0] !== VCDM2_CONTEXT) fail('The credential is not a W3C Verifiable Credential 2.0 (@context)');
  // §4.5: type includes VerifiableCredential; the others name what it is.
  const type = payload.type;
  if (!Array.isArray(type) || !type.every((t) => typeof t === 'string') || !type.includes('VerifiableCredential')) {
    fail('The credential does not say it is a VerifiableCredential (type)');
  }
  const types = (type as string[]).filter((t) => t !== 'VerifiableCredential');
  if (types.length === 0) fail('The credential does not say what kind of credential it is (type)');
  // §4.7: issuer is a URL or an object with an id.
  const issuer = payload.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isJsonObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  if (!issuerId) fail('The credential does not name its issuer');
  if (payload.iss !== undefined && payload.iss !== issuerId) fail('The credential names two different issuers (iss and issuer)');
  // §4.8: credentialSubject is required.
  if (!isJsonObject(payload.credentialSubject) && !Array.isArray(payload.credentialSubject)) fail('The credential has no credentialSubject');
  const window = vcdmValidityWindow(payload);
  return {
    format: 'vc+jwt',
    jws,
    claims: payload,
    issuerId,
    type: types[0]!,
    types,
    window,
    // RFC 7515 §5.2 step 8: the issuer's signature over the whole credential.
    issuerSignature: { header, item: (key) => jwsVerifyItem(jws, key, 'The credential') },
    // draft-ietf-oauth-status-list §6.1: the same `status` claim as an SD-JWT VC's.
    statusReference: () => statusReference(payload),
  };
}

/**
 * A JWT VC presented whole with proof of possession: `<vc-jwt>~<kb-jwt>` (presentation.ts), split as
 * RFC 9901 §4 splits an SD-JWT. A JWT VC has nothing to disclose, so anything between is refused.
 */
export function parseJwtVcPresentation(raw: string): ParsedJwtVc {
  const split = splitSdJwt(raw);
  if (split.disclosures.length > 0) fail('A W3C Verifiable Credential (JWT) cannot carry disclosures; this presentation was altered');
  const cred = parseJwtVc(parseCompactJws(split.issuerJwt, 'The credential'));
  const kbJwt = split.kbJwt;
  // RFC 9901 §7.3 applied to the whole credential: sd_hash over `<vc-jwt>~`, signed by the key in cnf.jwk.
  if (kbJwt !== undefined) cred.holderProof = (expect) => checkKeyBinding(kbJwt, split.withoutKb, cred.jws.payload, expect);
  return cred;
}

/** A credential, or one presented with proof of possession (`<vc-jwt>~<kb-jwt>`). */
export function parseJwtVcOrPresentation(raw: string): ParsedJwtVc {
  return raw.includes('~') ? parseJwtVcPresentation(raw) : parseJwtVc(parseCompactJws(raw, 'The credential'));
}

/** Whether a compact credential or presentation starts with a JWT VC (`typ` vc+jwt), read without checking anything. */
export function startsWithJwtVc(raw: string): boolean {
  // The JWS header is everything before the first dot (RFC 7515 §7.1).
  const dot = raw.indexOf('.');
  return dot > 0 && peekJwsPart(raw.slice(0, dot), 0)?.typ === JWT_VC_TYP;
}
