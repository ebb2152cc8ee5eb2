/**
 * OpenID4VP 1.0 §5.9: a Client Identifier Prefix is the part of `client_id` before the first ':'
 * (§5.9.1), and it says how the wallet authenticates the verifier (§5.9.3). The prefixes Satchel
 * answers: `redirect_uri:` (unsigned; the client id is the response_uri), `x509_san_dns:` (signed;
 * a DNS name of the leaf certificate's subjectAltName) and `x509_hash:` (signed; the base64url
 * SHA-256 of the leaf certificate's DER), plus Satchel's own in-person prefix.
 */

export type ClientIdPrefix = 'redirect_uri' | 'x509_san_dns' | 'x509_hash';
/** The prefixes whose requests must be signed with an X.509 certificate (§5.9.3). */
export type X509ClientIdPrefix = Extract<ClientIdPrefix, 'x509_san_dns' | 'x509_hash'>;

const KNOWN: readonly ClientIdPrefix[] = ['redirect_uri', 'x509_san_dns', 'x509_hash'];

/** The known prefix of `clientId` and what follows it; undefined for any other (or no) prefix, or nothing after it. */
export function splitClientId(clientId: string): { prefix: ClientIdPrefix; value: string } | undefined {
  const colon = clientId.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = clientId.slice(0, colon) as ClientIdPrefix;
  const value = clientId.slice(colon + 1);
  return KNOWN.includes(prefix) && value !== '' ? { prefix, value } : undefined;
}

export function isX509Prefix(prefix: ClientIdPrefix | undefined): prefix is X509ClientIdPrefix {
  return prefix === 'x509_san_dns' || prefix === 'x509_hash';
}
