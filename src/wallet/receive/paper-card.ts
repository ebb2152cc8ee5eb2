/**
 * The paper card that comes with a credential (issue 17; docs/credentials.md "Paper cards"). An
 * issuer that offers one describes a configuration with `satchel_card_of` naming the credential's;
 * right after the credential, while online, the wallet asks for it with the same access token and
 * no key proof (a card is not bound to a phone: OpenID4VCI 1.0 §8.2 leaves `proofs` out when the
 * configuration has no proof_types_supported), verifies it as fully as any credential, and keeps
 * it with the credential's record so it can be printed again offline. Getting the card never
 * fails receiving the credential: what went wrong is kept instead, for the print screen to say.
 */
import { verifyCredential, type SignatureVerifier, type TrustList, type VerifyOptions } from '../../credentials/index';
import { requestUnboundCredential, type HttpOptions, type IssuerMetadata, type TokenAuth } from '../../protocols/openid4vci/index';
import type { StoredPaperCard } from '../vault';
import { toReceiveError } from './receive-errors';

/** The format id of a paper card (src/credentials/formats/paper-card). */
export const PAPER_CARD_FORMAT = 'paper-card';

/** The configuration id of the card of `configurationId`, when the issuer offers one. */
export function cardConfigurationOf(metadata: IssuerMetadata, configurationId: string): string | undefined {
  return Object.values(metadata.configurations).find((c) => c.cardOf === configurationId)?.id;
}

export interface PaperCardRequest {
  metadata: IssuerMetadata;
  /** The credential's configuration, just received under `accessToken`. */
  configurationId: string;
  accessToken: TokenAuth;
  /** The issuer that made the offer (trust list id) and the credential's type: the card must say the same. */
  issuerId: string;
  type: string;
  trustList: TrustList;
  verifier: SignatureVerifier;
  now: () => number;
  online: () => boolean;
  http: HttpOptions;
  fetchStatusList: NonNullable<VerifyOptions['fetchStatusList']>;
}

/** The card, verified, or why there is none; never throws. */
export async function obtainPaperCard(request: PaperCardRequest): Promise<StoredPaperCard> {
  const { metadata, configurationId, accessToken, issuerId, type, trustList, verifier, now, online, http, fetchStatusList } = request;
  const cardId = cardConfigurationOf(metadata, configurationId);
  if (!cardId) return { missing: 'not-offered' };
  if (!online()) return { missing: 'offline' };
  try {
    const response = await requestUnboundCredential(metadata.credentialEndpoint, accessToken, cardId, http);
    // A deferred card is not waited for: the credential is what the person asked for.
    if (response.kind !== 'issued') return { missing: 'failed' };
    const raw = response.credentials[0]!;
    const report = await verifyCredential(raw, { trustList, verifier, now: new Date(now()), fetchStatusList });
    // The same checks as the credential's, and it must be a card from the same issuer about the same type.
    if (!report.valid || (report.format as string) !== PAPER_CARD_FORMAT || report.issuer.id !== issuerId || report.type !== type) return { missing: 'failed' };
    return { raw, receivedAt: new Date(now()).toISOString() };
  } catch (e) {
    return { missing: toReceiveError(e).code === 'offline' ? 'offline' : 'failed' };
  }
}
