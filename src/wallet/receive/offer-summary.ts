/**
 * What the review screen shows before anything is fetched or stored (docs/issuers.md): who is issuing
 * (the trust list's name, English and Welsh), which credentials, and what each contains (the
 * issuer metadata's display names, OpenID4VCI 1.0 §12.2.4). The offered types must be ones the
 * trust list lets that issuer issue.
 */
import type { TrustedIssuer } from '../../credentials/index';
import type { ClaimMetadata, CredentialConfigurationMetadata, CredentialOffer, IssuerMetadata } from '../../protocols/openid4vci/index';
import { AUTHORITY_TYPE } from '../../credentials/on-behalf';
import { labelFromName, localise } from '../shared';
import { ReceiveError, type OfferSummary } from './receive-api';
import type { Localised } from '../shared';

/** The `vct` (SD-JWT VC), the `doctype` (ISO mdoc, OpenID4VCI 1.0 Appendix A.2.2) or VC types (besides VerifiableCredential) a configuration issues. */
export function offeredTypes(config: CredentialConfigurationMetadata | undefined): string[] {
  if (!config) return [];
  if (config.vct) return [config.vct];
  if (config.format === 'mso_mdoc') return config.doctype ? [config.doctype] : [];
  return (config.types ?? []).filter((t) => t !== 'VerifiableCredential');
}

export function claimLabel(claim: ClaimMetadata): Localised {
  return localise(claim.display, labelFromName(String(claim.path[claim.path.length - 1] ?? '')).en);
}

function checkTypeAllowed(issuer: TrustedIssuer, types: readonly string[]): void {
  if (!issuer.types) return;
  const bad = types.find((t) => !issuer.types!.includes(t));
  if (bad !== undefined || types.length === 0) {
    throw new ReceiveError('type-not-allowed', `${issuer.name.en} is not allowed to issue this kind of credential.`, { reasons: [`type ${JSON.stringify(bad ?? '(none)')}`] });
  }
}

/** `metadata` may be missing offline for an issuer not seen before: configuration ids stand in for names. */
export function offerSummary(offerId: string, offer: CredentialOffer, issuer: TrustedIssuer, metadata: IssuerMetadata | undefined): OfferSummary {
  const credentials = offer.configurationIds.map((id) => {
    const config = metadata?.configurations[id];
    if (metadata && !config) throw new ReceiveError('unreadable-offer', `The issuer does not describe the offered credential ${id}. Ask the issuer for a new offer.`);
    if (config) checkTypeAllowed(issuer, offeredTypes(config));
    const credential: OfferSummary['credentials'][number] = { configurationId: id, name: localise(config?.display, labelFromName(id).en), claims: (config?.claims ?? []).map(claimLabel) };
    // Kept in the holder's own space whoever is chosen (store-credential.ts): the review does not ask.
    if (offeredTypes(config).includes(AUTHORITY_TYPE)) credential.holdersOwn = true;
    return credential;
  });
  const summary: OfferSummary = { offerId, issuer: { id: issuer.id, name: { ...issuer.name } }, credentials };
  // OpenID4VCI §4.1.1: no pre-authorised code → the person signs in at the issuer (sign-in.ts).
  if (offer.preAuthorizedCode === undefined) summary.signIn = true;
  if (offer.txCode) {
    summary.txCode = { inputMode: offer.txCode.inputMode };
    if (offer.txCode.length !== undefined) summary.txCode.length = offer.txCode.length;
    if (offer.txCode.description !== undefined) summary.txCode.description = { en: offer.txCode.description };
  }
  return summary;
}
