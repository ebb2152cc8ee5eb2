import { ReceiveError } from '../../wallet/receive';
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
      return t('receive.error.verification');
    case 'type-not-allowed':
      return t('receive.error.typeNotAllowed');
    case 'locked':
      return t('vault.error.locked');
  }
}
