/**
 * Who signed a request object (OpenID4VP 1.0 §5.9.3, RFC 9101 §6.2, HAIP 1.0): the JWS is ES256,
 * its `x5c` header (RFC 7515 §4.1.6, leaf first) validates to one of the register CAs the trust
 * list names (RFC 5280 §6, credentials/x509/certificate-path.ts), the client id matches the leaf
 * (`x509_san_dns:` a subjectAltName dNSName, `x509_hash:` the base64url SHA-256 of its DER), and
 * the request's signature and the certificates' signatures verify in ONE SignatureVerifier batch.
 * Every refusal is RequestError('untrusted', message, VerifierProblem): nothing is sent to such a
 * verifier. The response_uri's host is checked against the leaf's DNS names by
 * validateRequestObject, which has the parsed response_uri.
 */
import { base64urlEncode } from '../../lib/base64url';
import type { SignatureVerifier, VerifyItem } from '../../lib/signature-verifier';
import type { JsonObject } from '../../lib/json-safe';
import { runBatch } from '../../credentials/batch';
import { base64Decode } from '../../credentials/trust-list';
import { CertificatePathError, MAX_PATH_CERTIFICATES, validateCertificatePath } from '../../credentials/x509/certificate-path';
import { splitClientId } from './client-id';
import { RequestError, type RequestSigner, type VerifierProblem } from './request-object';

/** A request object whose `alg` is ES256, split as RFC 7515 §5.2 verifies it. */
export interface SignedRequestObject {
  header: JsonObject;
  /** ASCII of `header.payload` (RFC 7515 §5.2 step 8). */
  signingInput: Uint8Array;
  /** The decoded JWS signature (ES256: 64 bytes r‖s, RFC 7518 §3.4). */
  signature: Uint8Array;
}

export interface SignerCheckOptions {
  /** Checks the request's and the certificates' signatures, in one batch. */
  verifier?: SignatureVerifier;
  /** The register CAs (DER) the trust list's verifier register names; absent or empty: no signed request is trusted. */
  anchors?: readonly Uint8Array[];
  now: Date;
}

function untrusted(problem: VerifierProblem, message: string): never {
  throw new RequestError('untrusted', message, problem);
}

function malformed(message: string): never {
  throw new RequestError('malformed', message);
}

function x5cOf(header: JsonObject): Uint8Array[] {
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) untrusted('certificate-invalid', 'The request is signed but carries no certificate (x5c), so Satchel cannot tell who signed it');
  if (x5c.length > MAX_PATH_CERTIFICATES) untrusted('certificate-invalid', `The certificate chain has ${x5c.length} certificates; Satchel follows at most ${MAX_PATH_CERTIFICATES}`);
  return x5c.map((value: unknown, i) => {
    // RFC 7515 §4.1.6: each a base64 (not base64url) DER certificate.
    const der = typeof value === 'string' ? base64Decode(value) : undefined;
    if (!der || der.length === 0) untrusted('certificate-invalid', `Certificate ${i + 1} of the request's x5c is not a base64 certificate`);
    return der;
  });
}

const sha256Base64url = async (bytes: Uint8Array): Promise<string> => base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))));

/**
 * Checks a signed request object's signer for `clientId` (the link's, already equal to the request
 * object's, §5.10). Returns the RequestSigner; throws RequestError ('malformed' for a prefix that
 * is never signed or not supported, 'untrusted' with the VerifierProblem otherwise).
 */
export async function verifyRequestSigner(jws: SignedRequestObject, clientId: string, options: SignerCheckOptions): Promise<RequestSigner> {
  const id = splitClientId(clientId);
  // §5.9.3: redirect_uri: requests "MUST NOT be signed"; other prefixes (decentralized_identifier:, …) Satchel does not answer.
  if (id?.prefix === 'redirect_uri') malformed('A request under the redirect_uri: client identifier prefix must not be signed (OpenID4VP 1.0 §5.9.3), and this one is');
  if (!id) malformed(`The request's client id ${JSON.stringify(clientId.slice(0, 80))} has a prefix Satchel does not support; it answers redirect_uri:, x509_san_dns: and x509_hash:`);
  const x5c = x5cOf(jws.header);
  const anchors = options.anchors ?? [];
  if (anchors.length === 0) untrusted('certificate-unlisted', 'This phone has no register of verifiers yet, so it cannot confirm who signed this request. Check for an update of the trust list and try again');

  let path;
  try {
    path = validateCertificatePath(x5c, anchors, Math.floor(options.now.getTime() / 1000));
  } catch (e) {
    if (e instanceof CertificatePathError) untrusted(e.problem, e.message);
    throw e;
  }
  const { leaf } = path;
  // HAIP 1.0: request objects are ES256, so the leaf's key is a P-256 key.
  if (leaf.publicKey.alg !== 'ES256') untrusted('certificate-invalid', `The signing certificate (${leaf.subject}) does not have a P-256 key, so it cannot have signed an ES256 request (HAIP 1.0)`);

  if (id.prefix === 'x509_san_dns') {
    // §5.9.3: the client id (after the prefix) is a dNSName of the leaf's subjectAltName; DNS names compare without case (RFC 5280 §7.2).
    const name = id.value.toLowerCase();
    if (!leaf.dnsNames.includes(name)) {
      const names = leaf.dnsNames.length ? leaf.dnsNames.join(', ') : `no web address (${leaf.subject})`;
      untrusted('client-id-mismatch', `The request is signed with a certificate for ${names}, but says it is from ${id.value.slice(0, 120)}`);
    }
  } else if ((await sha256Base64url(leaf.der)) !== id.value) {
    // §5.9.3: x509_hash: is the base64url SHA-256 of the leaf certificate's DER.
    untrusted('client-id-mismatch', `The request's client id names another certificate than the one it is signed with (${leaf.subject})`);
  }

  if (!options.verifier) untrusted('bad-signature', 'Satchel cannot check the signature of this request here');
  // RFC 7518 §3.4: an ES256 JWS signature is r‖s, 64 bytes.
  const requestItem: VerifyItem = { alg: 'ES256', publicKey: leaf.publicKey.publicKey, message: jws.signingInput, signature: jws.signature };
  const results = await runBatch(options.verifier, [...path.items.map((i) => i.item), requestItem]);
  path.items.forEach((certificate, i) => {
    if (!results[i]) untrusted('certificate-invalid', `${certificate.what} is not signed by ${certificate.issuer}, so the certificate chain is not genuine`);
  });
  if (jws.signature.length !== 64 || !results[results.length - 1]) {
    untrusted('bad-signature', `The request's signature does not match its certificate (${leaf.subject}): it may have been changed on the way or forged`);
  }

  const signer: RequestSigner = { prefix: id.prefix, subject: leaf.subject, dnsNames: leaf.dnsNames, anchor: path.anchor };
  if (leaf.organizationIdentifier !== undefined) signer.organizationIdentifier = leaf.organizationIdentifier;
  return signer;
}
