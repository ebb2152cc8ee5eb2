/**
 * The trust-list operator: publishes the signed trust list (format: docs/credentials.md) naming
 * each reference department, its public key, the credential types it may issue (an mdoc's
 * docType among them), the status list it publishes (`status_lists`) and, for a department that
 * issues mdocs, its IACA root scoped to those doctypes (`iaca`); and the register of approved
 * verifiers (`verifier_register`: the register CA and its entries, verifier-register.ts). The list is re-signed on each request with a fresh `iat`; `Cache-Control: max-age` tells wallets how
 * long to use it before refreshing (TRUST_LIST_TTL_S). The operator's public key is pinned in the
 * wallet at build time (src/wallet/shared/config.ts).
 */
import { Hono } from 'hono';
import { prepareTrustList, type TrustListInput } from '../../credentials/index';
import { walletCors } from './cors';
import type { KeyPair } from './keys';
import type { ReferenceIssuer } from './issuer';
import type { ReferenceVerifierRegister } from './verifier-register';

/** How long a wallet may use the list before fetching it again, in seconds. */
export const TRUST_LIST_TTL_S = 3600;
/** How long a signed list stays valid (its `exp`), in seconds. */
export const TRUST_LIST_LIFETIME_S = 30 * 24 * 3600;
export const TRUST_LIST_PATH = '/trust-list.jwt';

function mdocDoctypes(issuer: ReferenceIssuer): string[] {
  return issuer.department.credentials.filter((c) => c.format === 'mso_mdoc').map((c) => c.type);
}

/** The register as the trust list carries it: the CA certificate as base64 DER, and the entries. */
function publishedRegister(register: ReferenceVerifierRegister): NonNullable<TrustListInput['verifierRegister']> {
  return { anchors: [Buffer.from(register.caCertificate).toString('base64')], verifiers: register.entries.map((e) => ({ ...e })) };
}

export async function signTrustList(operator: KeyPair, operatorId: string, issuers: readonly ReferenceIssuer[], now: Date, verifierRegister?: ReferenceVerifierRegister): Promise<string> {
  const unsigned = prepareTrustList({
    alg: 'ES256',
    kid: operator.kid,
    operator: operatorId,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + TRUST_LIST_LIFETIME_S * 1000),
    issuers: issuers.map((i) => ({
      id: i.url,
      name: i.department.name,
      keys: [i.key.publicJwk],
      types: i.department.credentials.map((c) => c.type),
      // Where each department publishes its status list, so checkers can fetch it before going offline.
      statusLists: [i.statusListUri],
      // The IACA root its mdocs' Document Signer certificates chain to, for the doctypes it issues as mdocs.
      ...(i.mdocSigner ? { iaca: [{ certificate: Buffer.from(i.mdocSigner.iacaCertificate).toString('base64'), doctypes: mdocDoctypes(i) }] } : {}),
    })),
    // The register of approved verifiers (verifier-register.ts): whose signed requests the wallet may confirm, and what each may ask.
    ...(verifierRegister ? { verifierRegister: publishedRegister(verifierRegister) } : {}),
  });
  return unsigned.finish(Buffer.from(await operator.sign(unsigned.signingInput), 'base64url'));
}

export function trustOperatorApp(options: { operator: KeyPair; url: string; issuers: readonly ReferenceIssuer[]; walletOrigins: readonly string[]; now?: () => number; verifierRegister?: ReferenceVerifierRegister }): Hono {
  const app = new Hono();
  app.use('*', walletCors(options.walletOrigins));
  app.get(TRUST_LIST_PATH, async (c) => {
    const jwt = await signTrustList(options.operator, options.url, options.issuers, new Date(options.now?.() ?? Date.now()), options.verifierRegister);
    return c.body(jwt, 200, { 'Content-Type': 'application/jwt', 'Cache-Control': `max-age=${TRUST_LIST_TTL_S}` });
  });
  // The key the wallet pins, for people checking a build's configuration.
  app.get('/operator-key.json', (c) => c.json({ keys: [options.operator.publicJwk] }));
  return app;
}
