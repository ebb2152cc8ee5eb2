import { ReceiveError, type ReceiveErrorCode } from '../../wallet/receive';
import type { Translate } from '../i18n/translate';

/** What the person reads when receiving fails: what happened and what to do next. */
export function receiveErrorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ReceiveError)) return t('receive.error.unexpected');
  switch (error.code) {
    case 'unreadable-offer':
      return t('receive.error.unreadable');
    case 'untrusted-issuer':
      return t('receive.error.untrusted');
    case 'unrecognised-certificate':
      return t('receive.error.unrecognisedCertificate');
    case 'wrong-tx-code':
      return error.details.triesLeft !== undefined
        ? t('receive.error.wrongCodeTries', { count: error.details.triesLeft })
        : t('receive.error.wrongCode');
    case 'tx-code-refused':
      return t('receive.error.codeRefused');
    case 'no-tries-left':
      return t('receive.error.noTriesLeft');
    case 'expired-offer':
      return t('receive.error.expired');
    case 'offline':
      return t('receive.error.offline');
    case 'server-error':
      return t('receive.error.server');
    case 'verification-failed':
      // An offer that waited while the person it was for was removed (store-credential.ts): nothing for the department to put right.
      return error.details.reasons?.includes('person-removed') ? t('receive.error.personRemoved') : t('receive.error.verification');
    case 'type-not-allowed':
      return t('receive.error.typeNotAllowed');
    case 'locked':
      return t('vault.error.locked');
    case 'sign-in-refused':
      return t('receive.error.signInRefused');
    case 'sign-in-expired':
      return t('receive.error.signInExpired');
  }
}

/** Whether a receive failure is put right by signing in to the department again. */
export function needsSignInAgain(code: ReceiveErrorCode | undefined): boolean {
  return code === 'sign-in-refused' || code === 'sign-in-expired';
}

/** The same, when the person asked to sign in: offline, nothing can finish by itself (the sign-in page must open). */
export function signInErrorMessage(t: Translate, error: unknown): string {
  return error instanceof ReceiveError && error.code === 'offline' ? t('signIn.offline') : receiveErrorMessage(t, error);
}
