/**
 * The last step of receiving: a credential the issuer sent is verified fully (signature in the
 * crypto worker, trust list, type allowed, validity, status), checked to be the one offered
 * (receive-checks.ts), then stored as one vault record with everything the wallet keeps about it
 * (display metadata, status list URI, notification data), and logged. Only a passing credential
 * is stored; the issuer is told either way (OpenID4VCI 1.0 §11, best effort).
 */
import { verifyCredential, type SignatureVerifier, type TrustedIssuer } from '../../credentials/index';
import { sendNotification, type HttpOptions, type IssuerMetadata, type TokenAuth } from '../../protocols/openid4vci/index';
import { localise, SELF_PERSON, type Localised, type PersonId } from '../shared';
import { AUTHORITY_TYPE } from '../../credentials/on-behalf';
import { everyoneNamed } from '../people';
import { TrustUnavailableError, type TrustCache } from '../trust';
import type { StoredCredential } from '../vault';
import { claimLabel, offeredTypes } from './offer-summary';
import { ReceiveError } from './receive-api';
import { obtainPaperCard } from './paper-card';
import { offeredMismatches, statusUriOf } from './receive-checks';
import { reportError } from './receive-errors';
import type { ReceiveVault } from './receive-store';

/** A credential as the issuer sent it, with what it was asked for under. */
export interface ReceivedCredential {
  raw: string;
  /** The id the vault keeps it (and its device key) under. */
  credentialId: string;
  /** The device key made for it: the credential must be bound to it. */
  publicJwk: JsonWebKey;
  configurationId: string;
  metadata: IssuerMetadata;
  /** The issuer that made the offer, from the trust list. */
  issuer: TrustedIssuer;
  /** §8.3 `notification_id`, when the issuer gave one. */
  notificationId?: string;
  /** A Bearer token, or a signed-in token with its DPoP session (RFC 9449). */
  accessToken: TokenAuth;
  /** Whose space it goes into (the offer's AcceptOptions.personId); absent: the holder's own. */
  personId?: PersonId;
}

export interface CredentialIntakeOptions {
  vault: ReceiveVault;
  trust: TrustCache;
  verifier: SignatureVerifier;
  now: () => number;
  http: HttpOptions;
  /** Whether the phone is online (the paper card is asked for only then); online when not given. */
  online?: () => boolean;
}

export class CredentialIntake {
  constructor(private readonly options: CredentialIntakeOptions) {}

  /** Verifies fully, then stores the credential with what to show about it; fetches its status list first. */
  async verifyAndStore(received: ReceivedCredential): Promise<void> {
    const { raw, credentialId, publicJwk, configurationId, metadata, issuer, notificationId, accessToken } = received;
    const { vault, trust, verifier, now, http } = this.options;
    const config = metadata.configurations[configurationId];
    const notify = (event: 'credential_accepted' | 'credential_failure') => {
      if (metadata.notificationEndpoint && notificationId) void sendNotification(metadata.notificationEndpoint, accessToken, notificationId, event, http).catch(() => undefined);
    };
    // The status list is fetched first: a dropped connection here queues the offer instead of failing the credential.
    const statusUri = statusUriOf(raw);
    if (statusUri) {
      try {
        await trust.fetchStatusList(statusUri);
      } catch (e) {
        if (e instanceof TrustUnavailableError && e.offline) throw e;
      }
    }
    const trustList = await trust.trustList();
    const report = await verifyCredential(raw, { trustList, verifier, now: new Date(now()), fetchStatusList: (uri) => trust.statusList(uri, false) });
    if (!report.valid) {
      notify('credential_failure');
      throw reportError(report);
    }
    const problems = offeredMismatches(raw, report, { issuerId: issuer.id, types: offeredTypes(config), holderJwk: publicJwk });
    if (problems.length > 0) {
      notify('credential_failure');
      throw new ReceiveError('verification-failed', 'The credential is not the one that was offered, so Satchel did not keep it.', { reasons: problems });
    }
    // An offer accepted for a person who has since been removed (it waited for a connection or the
    // issuer): never kept in a space nobody has, nor in the holder's own as if it were theirs.
    const personId = report.type === AUTHORITY_TYPE ? SELF_PERSON : (received.personId ?? SELF_PERSON);
    if (personId !== SELF_PERSON && !(await everyoneNamed(vault)).some((p) => p.id === personId && p.removedAt === undefined)) {
      notify('credential_failure');
      throw new ReceiveError('verification-failed', 'The person this credential was for has been removed from Satchel, so it was not kept.', { reasons: ['person-removed'] });
    }
    const typeName: Localised = localise(config?.display, report.type);
    const claims = (config?.claims ?? []).map((c) => ({ path: c.path, label: claimLabel(c) }));
    const record: StoredCredential = {
      id: credentialId,
      raw,
      format: report.format,
      issuerName: issuer.name.en,
      type: report.type,
      receivedAt: new Date(now()).toISOString(),
      display: { issuerId: issuer.id, configurationId, typeName, claims },
      // An authority is the holder's own credential (bound to their key), whoever it names: docs/carers.md.
      personId,
    };
    if (statusUri) record.statusUri = statusUri;
    // Its paper card, when the issuer offers one (paper-card.ts): kept in the same record; never a reason not to keep the credential.
    record.paperCard = await obtainPaperCard({
      metadata, configurationId, accessToken, issuerId: issuer.id, type: report.type, trustList, verifier, now, http,
      online: this.options.online ?? (() => true),
      fetchStatusList: (uri) => trust.statusList(uri, false),
    });
    // Kept for §11.1 credential_deleted when the person deletes it.
    // Not after a sign-in: its token is bound to a DPoP key that is gone by the time the person deletes it.
    if (metadata.notificationEndpoint && notificationId && typeof accessToken === 'string') record.notification = { endpoint: metadata.notificationEndpoint, notificationId, accessToken };
    await vault.putCredential(record);
    // The activity log entry in share-api.ts's ActivityLogEntry shape.
    await vault.recordActivity({ kind: 'received', personId: record.personId, credentialTypeName: typeName, counterparty: issuer.name.en, counterpartyName: { ...issuer.name }, claims: claims.map((c) => c.label) }).catch(() => undefined);
    notify('credential_accepted');
  }
}
