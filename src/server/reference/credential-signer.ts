/**
 * Signing the credentials the reference departments issue, with independent implementations:
 * SD-JWT VCs (draft-ietf-oauth-sd-jwt-vc §3.2, RFC 9901 §4) by the OpenWallet Foundation's
 * @sd-jwt/sd-jwt-vc, and W3C VC 2.0 JWTs (VC-JOSE-COSE §3.1.1, `typ` vc+jwt) as a compact JWS
 * (RFC 7515 §7.1) signed with @sd-jwt/crypto-nodejs. Satchel's own src/credentials only verifies.
 */
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import type { KeyPair } from './keys';

/** Decoy digests per SD-JWT VC (RFC 9901 §4.2.5), so the number of claims is not revealed. */
const DECOY_DIGESTS = 2;
const VCDM2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

export interface CredentialInput {
  issuer: string;
  type: string;
  /** The holder's public key from the key proof (RFC 7800 §3.2 cnf.jwk). */
  holderJwk: JsonWebKey;
  subject: Record<string, unknown>;
  status: { idx: number; uri: string };
  issuedAt: Date;
  expiresAt: Date;
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A compact JWS over `header` and `payload` (RFC 7515 §5.1). */
export async function signJws(key: KeyPair, header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  const signingInput = `${b64json({ alg: 'ES256', kid: key.kid, ...header })}.${b64json(payload)}`;
  return `${signingInput}.${await key.sign(signingInput)}`;
}

/** SD-JWT VC with every subject claim selectively disclosable; iss, vct, iat, exp, cnf, status always visible. */
export async function signSdJwtVc(key: KeyPair, input: CredentialInput): Promise<string> {
  const sdjwt = new SDJwtVcInstance({
    signer: key.sign,
    signAlg: 'ES256',
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  });
  const payload = {
    iss: input.issuer,
    vct: input.type,
    iat: seconds(input.issuedAt),
    exp: seconds(input.expiresAt),
    cnf: { jwk: input.holderJwk },
    status: { status_list: input.status },
    ...input.subject,
  };
  const frame = { _sd: Object.keys(input.subject), _sd_decoy: DECOY_DIGESTS };
  // @sd-jwt/sd-jwt-vc 0.19 writes typ dc+sd-jwt; kid picks the department's key in the trust list.
  return sdjwt.issue(payload as Parameters<typeof sdjwt.issue>[0], frame as Parameters<typeof sdjwt.issue>[1], { header: { kid: key.kid } });
}

/** W3C VC Data Model 2.0 credential secured as a JWT (VC-JOSE-COSE §3.1.1). */
export async function signJwtVc(key: KeyPair, input: CredentialInput): Promise<string> {
  const payload = {
    '@context': [VCDM2_CONTEXT],
    type: ['VerifiableCredential', input.type],
    issuer: input.issuer,
    validFrom: input.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    validUntil: input.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: input.subject,
    iat: seconds(input.issuedAt),
    exp: seconds(input.expiresAt),
    cnf: { jwk: input.holderJwk },
    status: { status_list: input.status },
  };
  return signJws(key, { typ: 'vc+jwt' }, payload);
}
