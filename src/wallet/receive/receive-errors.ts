/**
 * Turns what can go wrong while receiving into the UI's ReceiveError codes (receive-api.ts),
 * with plain-English messages (the UI shows its own English and Welsh text per code).
 */
import { Oid4vciError } from '../../protocols/openid4vci/index';
import type { VerificationReport } from '../../credentials/index';
import { ReceiveError } from './receive-api';
import { VaultError } from '../vault';
import { TrustUnavailableError } from '../trust';

export function isOffline(error: ReceiveError): boolean {
  return error.code === 'offline';
}

export function toReceiveError(e: unknown): ReceiveError {
  if (e instanceof ReceiveError) return e;
  if (e instanceof VaultError && e.code === 'locked') return new ReceiveError('locked', 'Satchel locked: unlock it and try again.');
  if (e instanceof TrustUnavailableError) {
    return e.offline
      ? new ReceiveError('offline', 'There is no connection. Satchel will finish this when you are back online.')
      : new ReceiveError('server-error', `Satchel could not check who issued this: ${e.message}.`);
  }
  if (e instanceof Oid4vciError) {
    switch (e.kind) {
      case 'network':
      case 'timeout':
        return new ReceiveError('offline', 'The connection dropped. Satchel will finish this when you are back online.');
      case 'invalid-offer':
        return new ReceiveError('unreadable-offer', `This is not an offer Satchel can read: ${e.message}. Scan or paste it again, or ask for a new one.`);
      case 'oauth': {
        const { oauthError, triesLeft, txCodeSent, description = '' } = e.details;
        // RFC 6749 §4.1.2.1: an error in the sign-in redirect. The person cancelling is access_denied;
        // only the server saying it is broken or busy is not about signing in.
        if (e.details.authorizationResponse) {
          if (oauthError === 'server_error' || oauthError === 'temporarily_unavailable') return new ReceiveError('server-error', `The issuer's sign-in is not working (${oauthError}). Try again later.`);
          return new ReceiveError('sign-in-refused', `The sign-in did not complete (${oauthError}). You can sign in again.`);
        }
        // tx_code_tries_left is an extension (docs/issuers.md): when the issuer sends it, it decides.
        if (triesLeft === 0) return new ReceiveError('no-tries-left', 'That code is not right and no tries are left. Ask the issuer for a new offer.', { triesLeft });
        if (triesLeft !== undefined) return new ReceiveError('wrong-tx-code', `That code is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`, { triesLeft });
        if (oauthError === 'invalid_request' && /tx_code|transaction code/i.test(description)) return new ReceiveError('wrong-tx-code', 'Enter the code sent to you with the offer.');
        // §6.3: invalid_grant after a tx_code is "wrong code" or "expired / used code" — the issuer does not say which.
        if (oauthError === 'invalid_grant' && txCodeSent) {
          return new ReceiveError('tx-code-refused', 'The issuer did not accept that code: the code may be wrong, or the offer may have expired or been used. Check the code and try again, or remove the offer and ask for a new one.');
        }
        // §6.3 invalid_grant without a tx_code: the pre-authorised code expired or was used; a token that expired meanwhile too.
        if (oauthError === 'invalid_grant' || oauthError === 'invalid_token') return new ReceiveError('expired-offer', 'This offer has expired or has already been used. Ask the issuer for a new one.');
        return new ReceiveError('server-error', `The issuer refused: ${oauthError}${description ? ` (${description})` : ''}. Try again later.`);
      }
      default:
        return new ReceiveError('server-error', `The issuer's service is not working properly (${e.message}). Try again later.`);
    }
  }
  return new ReceiveError('server-error', `Something went wrong: ${e instanceof Error ? e.message : String(e)}. Try again later.`);
}

/**
 * What fetching an offer by reference (`credential_offer_uri`, OpenID4VCI 1.0 §4.1.3) led to. The
 * spec defines no error for an offer that is gone; an issuer that knows answers 404 or 410 (RFC
 * 9110 §15.5.5, §15.5.11), as the reference issuers do for a used or expired offer — the person
 * hears "expired or already used" before the review, not after typing the code.
 */
export function offerFetchError(e: unknown): ReceiveError {
  if (e instanceof Oid4vciError && (e.details.status === 404 || e.details.status === 410)) {
    return new ReceiveError('expired-offer', 'The issuer says this offer has expired or has already been used. Ask the issuer for a new one.');
  }
  return toReceiveError(e);
}

/** A failed verification report as the most specific code: untrusted issuer, type not allowed, or failed. */
export function reportError(report: VerificationReport): ReceiveError {
  const failed = report.checks.filter((c) => !c.ok);
  const reasons = failed.map((c) => c.message);
  const trust = failed.find((c) => c.name === 'issuer-trusted');
  // An mdoc's issuer is its Document Signer certificate's IACA (ISO/IEC 18013-5 §9.1.2.4, Annex B):
  // the offer came from a trusted department (offers.ts refuses any other), so an unlisted IACA or
  // a certificate outside the profile is about what was signed, not about who offered it.
  if (report.format === 'mso_mdoc' && (trust?.code === 'unknown-issuer' || trust?.code === 'bad-certificate')) {
    return new ReceiveError('unrecognised-certificate', 'What the issuer sent is not signed by a certificate Satchel recognises for it, so Satchel did not keep it.', { reasons });
  }
  if (trust?.code === 'unknown-issuer') return new ReceiveError('untrusted-issuer', 'This credential is not from a recognised issuer, so Satchel did not keep it.', { reasons });
  if (trust?.code === 'type-not-allowed') return new ReceiveError('type-not-allowed', 'This issuer is not allowed to issue this kind of credential, so Satchel did not keep it.', { reasons });
  return new ReceiveError('verification-failed', 'The credential did not pass Satchel\'s checks, so it was not kept.', { reasons });
}
