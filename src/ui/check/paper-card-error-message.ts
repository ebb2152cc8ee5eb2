/**
 * What the checker reads when a scanned code cannot be checked as a paper card, in plain words:
 * by CheckErrorCode (src/wallet/check/check-api.ts), and for a code meant for another check, a
 * pointer to that check.
 */
import { CheckError } from '../../wallet/check';
import type { Translate } from '../i18n/translate';
import type { PaperCardWords } from './paper-card-words';

/** Satchel's own in-person codes: a request (`SVQ1.`), an answer (`SR1.`) or quick show (`SQ1.`). */
const SATCHEL_PHONE_CODE = /^\s*(SVQ1|SR1|SQ1)\./;
/** An ISO/IEC 18013-5 device engagement (§8.2.2.3): a licence in a wallet app. */
const LICENCE_CODE = /^\s*mdoc:/i;

/** The words for `error`; `scanned` is the code read. */
export function paperCardErrorMessage(w: PaperCardWords, t: Translate, error: unknown, scanned: string): string {
  if (!(error instanceof CheckError)) return t('receive.error.unexpected');
  switch (error.code) {
    case 'not-a-card':
      if (SATCHEL_PHONE_CODE.test(scanned)) return w('error.phone-code');
      if (LICENCE_CODE.test(scanned)) return w('error.licence-code');
      return w('error.not-a-card');
    case 'card-damaged':
      return w('error.card-damaged');
    default:
      return t('receive.error.unexpected');
  }
}
