/**
 * A department's published metadata: Credential Issuer Metadata (OpenID4VCI 1.0 §12.2.4) and, for a
 * department with its own co-located authorisation server, OAuth 2.0 Authorization Server Metadata
 * (RFC 8414 §2, with the pre-authorised grant type of OpenID4VCI §12.3), both served at well-known
 * URLs (§12.2.2, RFC 8414 §3). A sign-in department's AS publishes its own (authorization-server.ts).
 */
import type { CredentialConfiguration } from './departments';
import { CARD_FORMAT, cardConfigurationId, cardName } from './card-issuer';
import { PRE_AUTHORIZED_GRANT, type ReferenceIssuer } from './issuer';

const display = (name: { en: string; cy: string }) => [
  { name: name.en, locale: 'en-GB' },
  { name: name.cy, locale: 'cy-GB' },
];

/** RFC 9053 §2.1: the COSE algorithm identifier of ES256. */
const COSE_ES256 = -7;

function configurationMetadata(c: CredentialConfiguration): Record<string, unknown> {
  const common = {
    format: c.format,
    scope: c.id,
    // §12.2.4: holder binding with a JWK in a key proof.
    cryptographic_binding_methods_supported: ['jwk'],
    credential_signing_alg_values_supported: ['ES256'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
    credential_metadata: {
      display: display(c.name),
      claims: c.claims.map((claim) => ({ path: claim.path, display: display(claim.label) })),
    },
  };
  // Appendix A.2.2 (ISO mdoc): doctype; the device key is a COSE_Key (cose_key) taken from the jwt
  // key proof; the issuer's signing algorithms are COSE algorithm identifiers (issuerAuth, RFC 9053).
  if (c.format === 'mso_mdoc') return { ...common, doctype: c.type, cryptographic_binding_methods_supported: ['cose_key'], credential_signing_alg_values_supported: [COSE_ES256] };
  // Appendix A.3 (IETF SD-JWT VC: vct) and A.1 (VCDM JWT: credential_definition.type).
  return c.format === 'dc+sd-jwt' ? { ...common, vct: c.type } : { ...common, credential_definition: { type: ['VerifiableCredential', c.type] } };
}

/**
 * A paper card of configuration X (`X_card`, docs/issuers.md "Paper cards"): Satchel's own format
 * (§A lets a profile define one), the same type as X, and no cryptographic_binding_methods_supported
 * or proof_types_supported: a card is not bound to a key (§12.2.4: both are omitted when the
 * credential is not bound). It is asked for with the access token issued for X, right after X.
 */
function cardConfigurationMetadata(c: CredentialConfiguration & { card: { claims: string[] } }): Record<string, unknown> {
  const claims = c.card.claims.map((name) => c.claims.find((claim) => claim.path[0] === name)).filter((claim) => claim !== undefined);
  return {
    format: CARD_FORMAT,
    vct: c.type,
    credential_signing_alg_values_supported: ['ES256'],
    satchel_card_of: c.id,
    credential_metadata: {
      display: display(cardName(c)),
      claims: claims.map((claim) => ({ path: claim.path, display: display(claim.label) })),
    },
  };
}

const withCard = (c: CredentialConfiguration): c is CredentialConfiguration & { card: { claims: string[] } } => c.card !== undefined;

export function credentialIssuerMetadata(issuer: ReferenceIssuer): Record<string, unknown> {
  const url = issuer.url;
  return {
    credential_issuer: url,
    // §12.2.4 authorization_servers: a sign-in department names the reference AS; otherwise the
    // authorisation server is co-located (the issuer identifier is also the AS issuer).
    ...(issuer.authorizationServer ? { authorization_servers: [issuer.authorizationServer.url] } : {}),
    credential_endpoint: `${url}/credential`,
    nonce_endpoint: `${url}/nonce`,
    deferred_credential_endpoint: `${url}/deferred_credential`,
    notification_endpoint: `${url}/notification`,
    display: display(issuer.department.name),
    credential_configurations_supported: Object.fromEntries([
      ...issuer.department.credentials.map((c) => [c.id, configurationMetadata(c)]),
      ...issuer.department.credentials.filter(withCard).map((c) => [cardConfigurationId(c.id), cardConfigurationMetadata(c)]),
    ]),
  };
}

export function authorizationServerMetadata(issuer: ReferenceIssuer): Record<string, unknown> {
  return {
    issuer: issuer.url,
    token_endpoint: `${issuer.url}/token`,
    grant_types_supported: [PRE_AUTHORIZED_GRANT],
    response_types_supported: [],
    // §12.3: anonymous access with the pre-authorised code.
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}
