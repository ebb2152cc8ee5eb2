/**
 * Signed request objects for the reference verifiers (RFC 9101 §4; OpenID4VP 1.0 §5.9.3; HAIP 1.0):
 * a JWS (RFC 7515 compact serialisation) with `alg` ES256, `typ` oauth-authz-req+jwt (RFC 9101
 * §10.8) and `x5c` (the verifier's certificate first, then the register CA, base64 DER, RFC 7515
 * §4.1.6), signed with the verifier certificate's key; and the client identifier that names that
 * certificate: `x509_san_dns:<a dNSName of its subjectAltName>` or `x509_hash:<base64url SHA-256
 * of its DER>`.
 */
import { createHash } from 'node:crypto';
import { base64urlEncode } from '../../lib/base64url';
import type { VerifierSigner } from '../reference/verifier-register';

export const REQUEST_OBJECT_TYP = 'oauth-authz-req+jwt';

/** OpenID4VP 1.0 §5.9.3. `host` is the verifier's host, which must be a dNSName of its certificate (x509_san_dns). */
export function x509ClientId(prefix: 'x509_san_dns' | 'x509_hash', signer: VerifierSigner, host: string): string {
  if (prefix === 'x509_san_dns') return `x509_san_dns:${host}`;
  return `x509_hash:${base64urlEncode(createHash('sha256').update(signer.x5c[0]!).digest())}`;
}

const segment = (value: unknown): string => base64urlEncode(new TextEncoder().encode(JSON.stringify(value)));

/** The request object as a compact JWS; WebCrypto's ECDSA signature is already r‖s, as ES256 wants (RFC 7518 §3.4). */
export async function signRequestObject(payload: Record<string, unknown>, signer: VerifierSigner): Promise<string> {
  const header = { alg: 'ES256', typ: REQUEST_OBJECT_TYP, x5c: signer.x5c.map((der) => Buffer.from(der).toString('base64')) };
  const signingInput = `${segment(header)}.${segment(payload)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64urlEncode(new Uint8Array(signature))}`;
}
