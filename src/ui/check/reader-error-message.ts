/**
 * What the checker reads when checking a driving licence in person fails, in plain words, by
 * CheckErrorCode (src/wallet/check/check-api.ts), and whether trying to connect again can help.
 */
import { CheckError, type CheckErrorCode } from '../../wallet/check';
import type { Translate } from '../i18n/translate';
import type { ReaderWords } from './reader-words';

/**
 * Satchel's own in-person codes: a request (`SVQ1.`, src/protocols/in-person/request-qr.ts) and
 * an answer or quick show (`SR1.`, `SQ1.`, src/protocols/in-person/frames.ts). Scanned here by
 * mistake, they get a pointer to the Satchel check rather than "not a driving licence code".
 */
const SATCHEL_CODE = /^\s*(SVQ1|SR1|SQ1)\./;

/** Errors after which choosing "Connect by Bluetooth" again can work: nothing was received yet, or the link dropped. */
const CAN_CONNECT_AGAIN: ReadonlySet<CheckErrorCode> = new Set(['bluetooth-cancelled', 'bluetooth-unavailable', 'connection-lost']);

export function canConnectAgain(error: unknown): boolean {
  return error instanceof CheckError && CAN_CONNECT_AGAIN.has(error.code);
}

/** The words for `error`; `scanned` is the code read, when the error is about it. */
export function readerErrorMessage(w: ReaderWords, t: Translate, error: unknown, scanned?: string): string {
  if (!(error instanceof CheckError)) return t('receive.error.unexpected');
  switch (error.code) {
    case 'not-an-engagement':
      return scanned !== undefined && SATCHEL_CODE.test(scanned) ? w('error.satchel-code') : w('error.not-an-engagement');
    case 'engagement-unsupported':
      // The checker's message names what the engagement offers that Satchel cannot use (a version,
      // a cipher suite, no Bluetooth peripheral server option): technical, so after the plain words.
      return error.message ? `${w('error.engagement-unsupported')} ${w('error.engagement-detail', { detail: error.message })}` : w('error.engagement-unsupported');
    case 'bluetooth-unavailable':
    case 'bluetooth-cancelled':
    case 'connection-lost':
    case 'session-failed':
    case 'holder-declined':
    case 'request-expired':
      return w(`error.${error.code}`);
    default:
      return t('receive.error.unexpected');
  }
}
