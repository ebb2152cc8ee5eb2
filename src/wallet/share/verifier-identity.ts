/**
 * Who is asking (docs/sharing.md, "Who is asking"). A signed request's certificate chain has been
 * validated to one of the register's CA certificates (src/protocols/openid4vp, OpenID4VP 1.0
 * §5.9.3, RFC 5280 §6); here its leaf is matched to the register entry whose id is the leaf
 * subject's organizationIdentifier (2.5.4.97), and a registered verifier's requested claims are
 * compared with what the register says it may ask for.
 */
import type { RegisteredVerifier, VerifierRegister } from '../../credentials/index';
import { bytesEqual } from '../../lib/bytes';
import type { RequestSigner } from '../../protocols/openid4vp/request-object';
import { ShareError, type VerifierIdentity } from './share-api';

function unlisted(message: string): ShareError {
  return new ShareError('verifier-untrusted', message, { verifierProblem: 'certificate-unlisted' });
}

/**
 * The register entry of a request's signer, or unregistered when the request was not signed (the
 * `redirect_uri:` prefix online, or a checker's phone in person). A signed request is never shown
 * as unregistered: a signer Satchel cannot find on the register is refused, because a signature
 * that cannot be tied to a registered organisation confirms nothing about who is asking.
 */
export function identifyVerifier(signer: RequestSigner | undefined, register: VerifierRegister | undefined): { identity: VerifierIdentity; entry?: RegisteredVerifier } {
  if (!signer) return { identity: { kind: 'unregistered' } };
  if (!register || register.anchors.length === 0) throw unlisted('This request is signed, but this phone has no register of verifiers yet to check the signer against');
  // The protocol layer validated the chain to one of the anchors it was given; the anchors given
  // are the register's, and this says so again rather than trusting that it was called that way.
  if (!register.anchors.some((anchor) => bytesEqual(anchor, signer.anchor))) throw unlisted(`The certificate of ${signer.subject} was not issued under the register of verifiers`);
  const id = signer.organizationIdentifier;
  const entry = id ? register.verifiers.find((v) => v.id === id) : undefined;
  if (!entry) throw unlisted(`${signer.subject} is not on the register of verifiers${id ? ` (no entry ${id})` : ' (its certificate has no organisation identifier)'}`);
  return { identity: { kind: 'registered', registerId: entry.id, name: { ...entry.name }, registration: { ...entry.registration } }, entry };
}

const samePath = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((step, i) => step === b[i]);

/**
 * Whether a registered verifier asks for a claim its registration does not cover: no permitted
 * entry names one of the credential's types together with this exact claims path (OpenID4VP 1.0
 * §7; an mdoc's [namespace, element] is one path, compared whole). Exact, so that permission for
 * one claim is never read as permission for another that happens to share its first step.
 */
export function beyondRegistration(entry: RegisteredVerifier, types: readonly string[], path: readonly (string | number | null)[]): boolean {
  return !entry.permitted.some((p) => p.types.some((t) => types.includes(t)) && p.claims.some((claim) => samePath(claim, path)));
}
