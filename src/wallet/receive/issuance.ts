/**
 * The issuance flow for an accepted offer (OpenID4VCI 1.0): token — with the pre-authorised code
 * (§6, with the transaction code), or with the code of a sign-in (sign-in.ts; RFC 6749 §4.1.3, PKCE,
 * DPoP) — → per credential: a new device key → key proof → credential (§8) or a
 * transaction id to poll later (§9, deferred) → verify and store (store-credential.ts). Every step
 * is recorded on the pending offer, so a dropped connection, a lock or a closed app resumes where
 * it stopped; a flow already running for an offer is joined, not started twice.
 *
 * A signed-in token is bound to a DPoP key (RFC 9449) that exists only in memory: it is never
 * stored, so if Satchel is closed between the token and the last credential the flow ends with
 * 'sign-in-expired' and the person signs in again (accept). Refresh tokens are not used.
 */
import { finishSignIn, obtainCredential, Oid4vciError, pollDeferred, redeemOffer, tokenAuth, type CredentialResponse, type HttpOptions, type IssuerMetadata, type SignedInToken, type TokenAuth } from '../../protocols/openid4vci/index';
import type { TrustCache } from '../trust';
import { randomId, trustedIssuer, type OfferReader } from './offers';
import { asksForCodeAgain, type PendingOffers } from './pending-offers';
import { ReceiveError, type AcceptResult } from './receive-api';
import { toReceiveError } from './receive-errors';
import type { PendingRecord, ReceiveVault } from './receive-store';
import type { CredentialIntake } from './store-credential';

export interface IssuanceOptions {
  vault: ReceiveVault;
  pending: PendingOffers;
  offers: OfferReader;
  trust: TrustCache;
  intake: CredentialIntake;
  http: HttpOptions;
  now: () => number;
  /** Called when a flow got as far as it could (stored, or deferred): the Receiver times the next poll. */
  advanced: () => void;
}

export class Issuance {
  /** Flows in progress by offer: a second accept or a background resume joins the running one. */
  private readonly running = new Map<string, Promise<AcceptResult>>();
  /** Signed-in tokens with their DPoP keys, by offer: memory only (never in the vault). */
  private readonly signedIn = new Map<string, SignedInToken>();

  constructor(private readonly options: IssuanceOptions) {}

  isRunning(offerId: string): boolean {
    return this.running.has(offerId);
  }

  /** The sign-in for this offer has given a token this app still holds (with its DPoP key). */
  hasSignedInToken(offerId: string): boolean {
    return this.signedIn.has(offerId);
  }

  /**
   * Runs (or continues) the flow for an accepted offer. `foreground`: the person is waiting, so
   * errors are thrown (and the offer dropped unless it can be retried); in the background they
   * are recorded on the pending offer for the UI to show.
   */
  run(offerId: string, foreground: boolean): Promise<AcceptResult> {
    let flow = this.running.get(offerId);
    if (!flow) {
      flow = this.runOnce(offerId, foreground).finally(() => this.running.delete(offerId));
      this.running.set(offerId, flow);
    }
    return flow;
  }

  private async runOnce(offerId: string, foreground: boolean): Promise<AcceptResult> {
    const { pending } = this.options;
    const record = await pending.get(offerId);
    if (!record) throw new ReceiveError('expired-offer', 'Satchel no longer has this offer. Ask the issuer for a new one.');
    record.state = 'in-progress';
    await pending.put(record);
    try {
      const result = await this.advance(record);
      this.options.advanced();
      return result;
    } catch (e) {
      const error = toReceiveError(e);
      if (error.code === 'offline') {
        await pending.put({ ...record, state: 'waiting-for-connection' });
        return { status: 'queued' };
      }
      if (error.code === 'locked') {
        await pending.put({ ...record, state: 'waiting-for-connection' }).catch(() => undefined);
        throw error;
      }
      // A refused code keeps the offer for another try (§6.3 cannot tell a wrong code from an expired
      // offer); only the issuer (tx_code_tries_left: 0, another error) or the person (decline) ends it.
      // A sign-in that can no longer be used keeps the offer: accept signs in again.
      const signInAgain = error.code === 'sign-in-expired' || error.code === 'sign-in-refused';
      const retryable = asksForCodeAgain(error.code) || error.code === 'server-error' || signInAgain;
      if (asksForCodeAgain(error.code)) {
        record.accepted = false;
        delete record.txCode;
      }
      if (signInAgain) {
        delete record.signIn;
        this.signedIn.delete(offerId);
      }
      if (foreground && !retryable && record.storedIds.length === 0 && !record.deferred?.length) await pending.remove(offerId);
      else await pending.put({ ...record, state: 'failed', error: error.code });
      throw error;
    }
  }

  private async advance(record: PendingRecord): Promise<AcceptResult> {
    const { vault, pending, offers, trust, intake, http, now } = this.options;
    const offer = record.offer!;
    const issuer = trustedIssuer(await trust.trustList(), offer.credentialIssuer);
    const metadata = await offers.metadata(offer.credentialIssuer);
    const accessToken = record.offer!.preAuthorizedCode !== undefined ? await this.preAuthorisedToken(record, metadata) : await this.signedInToken(record);
    await this.settleInterrupted(record);
    while (record.remaining.length > 0) {
      const configurationId = record.remaining[0]!;
      const credentialId = randomId();
      record.keyInProgress = { credentialId, configurationId };
      await pending.put(record);
      const publicJwk = await vault.createDeviceKey(credentialId);
      let response: CredentialResponse;
      try {
        response = await obtainCredential(metadata, accessToken, configurationId, { publicJwk, sign: (data) => vault.signWithDeviceKey(credentialId, data) }, http);
        if (response.kind === 'issued') {
          await intake.verifyAndStore({ raw: response.credentials[0]!, credentialId, publicJwk, configurationId, metadata, issuer, notificationId: response.notificationId, accessToken, ...(record.personId ? { personId: record.personId } : {}) });
        }
      } catch (e) {
        await vault.deleteCredential(credentialId).catch(() => undefined);
        throw e;
      }
      record.remaining.shift();
      delete record.keyInProgress;
      if (response.kind === 'deferred') {
        record.deferred = [...(record.deferred ?? []), { configurationId, credentialId, transactionId: response.transactionId, notBefore: now() + response.intervalS * 1000 }];
      } else record.storedIds.push(credentialId);
      await pending.put(record);
    }
    for (const d of [...(record.deferred ?? [])]) {
      if (d.notBefore > now()) continue;
      const response = await pollDeferred(metadata, accessToken, d.transactionId, http);
      if (response.kind === 'deferred') {
        d.notBefore = now() + response.intervalS * 1000;
      } else {
        const publicJwk = await this.deviceKeyOf(d.credentialId);
        try {
          await intake.verifyAndStore({ raw: response.credentials[0]!, credentialId: d.credentialId, publicJwk, configurationId: d.configurationId, metadata, issuer, notificationId: response.notificationId, accessToken, ...(record.personId ? { personId: record.personId } : {}) });
        } catch (e) {
          if (!(toReceiveError(e).code === 'offline')) {
            await vault.deleteCredential(d.credentialId).catch(() => undefined);
            record.deferred = record.deferred!.filter((x) => x !== d);
          }
          throw e;
        }
        record.deferred = record.deferred!.filter((x) => x !== d);
        record.storedIds.push(d.credentialId);
      }
      await pending.put(record);
    }
    if (record.deferred?.length) {
      await pending.put({ ...record, state: 'deferred' });
      return { status: 'deferred' };
    }
    await pending.remove(record.offerId);
    this.signedIn.delete(record.offerId);
    return { status: 'stored', credentialIds: record.storedIds };
  }

  /** §6: the pre-authorised code can be redeemed once; the token is kept so a dropped connection can resume. */
  private async preAuthorisedToken(record: PendingRecord, metadata: IssuerMetadata): Promise<TokenAuth> {
    const { pending, http, now } = this.options;
    if (!record.accessToken || (record.accessTokenExpiresAt !== undefined && record.accessTokenExpiresAt <= now())) {
      if (record.accessToken) throw new ReceiveError('expired-offer', 'This offer timed out before it could be completed. Ask the issuer for a new one.');
      const token = await redeemOffer({ offer: record.offer!, metadata }, record.txCode, http);
      record.accessToken = token.accessToken;
      if (token.expiresAt !== undefined) record.accessTokenExpiresAt = token.expiresAt;
      delete record.txCode;
      await pending.put(record);
    }
    return record.accessToken;
  }

  /**
   * The token of a sign-in: the one this app holds, or the kept code exchanged now with a new DPoP
   * key (RFC 9449: made right before the token request). invalid_grant: the code expired or was
   * used (RFC 6749 §5.2) — sign in again.
   */
  private async signedInToken(record: PendingRecord): Promise<TokenAuth> {
    const { pending, http, now } = this.options;
    const held = this.signedIn.get(record.offerId);
    if (held && (held.expiresAt === undefined || held.expiresAt > now())) return tokenAuth(held);
    const signIn = record.signIn;
    if (!signIn?.code) {
      throw new ReceiveError('sign-in-expired', held ? 'The sign-in timed out before the credential came. Sign in again.' : 'Satchel was closed after you signed in, before the credential came. Sign in again.');
    }
    let token: SignedInToken;
    try {
      token = await finishSignIn(signIn.code, signIn, { clientId: signIn.clientId, redirectUri: signIn.redirectUri }, http);
    } catch (e) {
      if (e instanceof Oid4vciError && e.kind === 'oauth' && e.details.oauthError === 'invalid_grant') {
        throw new ReceiveError('sign-in-expired', 'The sign-in has expired. Sign in again.');
      }
      throw e;
    }
    this.signedIn.set(record.offerId, token);
    // The code is used: nothing left to exchange if Satchel is closed now.
    delete signIn.code;
    await pending.put(record);
    return tokenAuth(token);
  }

  /**
   * A flow cut off (vault locked, app closed) between making a device key and recording the
   * outcome: if the credential was stored, count it; otherwise drop the orphaned key.
   */
  private async settleInterrupted(record: PendingRecord): Promise<void> {
    const { vault, pending } = this.options;
    const interrupted = record.keyInProgress;
    if (!interrupted) return;
    if (await vault.getCredential(interrupted.credentialId)) {
      record.storedIds.push(interrupted.credentialId);
      const i = record.remaining.indexOf(interrupted.configurationId);
      if (i >= 0) record.remaining.splice(i, 1);
    } else {
      await vault.deleteCredential(interrupted.credentialId);
    }
    delete record.keyInProgress;
    await pending.put(record);
  }

  private async deviceKeyOf(credentialId: string): Promise<JsonWebKey> {
    const jwk = await this.options.vault.deviceKeyPublicJwk(credentialId);
    if (!jwk) throw new ReceiveError('verification-failed', 'The key this credential was requested for is missing.');
    return jwk;
  }
}
