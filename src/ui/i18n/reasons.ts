/**
 * The checker's reasons in words: the wallet returns each check as a code (src/wallet/check,
 * CheckReason), and this turns it into the catalogue's sentence in the person's language. Records
 * kept before reasons were codes carry their words, shown as they were kept.
 */
import type { CheckName, CheckReason, CheckRecord } from '../../wallet/check';
import { textIn } from '../../wallet/shared';
import { PAPER_REASON_WORDS } from '../check/paper-reason-words';
import { onBehalfReasonText } from '../share/check-on-behalf-words';
import { nameText } from './names';
import type { MessageKey } from './en';
import type { Language, Translate } from './translate';

const PASSED: Record<CheckName, MessageKey> = {
  format: 'reason.pass.format',
  signature: 'reason.pass.signature',
  disclosures: 'reason.pass.disclosures',
  'issuer-trusted': 'reason.pass.issuer-trusted',
  validity: 'reason.pass.validity',
  status: 'reason.pass.status',
  'key-binding': 'reason.pass.key-binding',
};

const FAILED: Record<CheckName, MessageKey> = {
  format: 'reason.fail.format',
  signature: 'reason.fail.signature',
  disclosures: 'reason.fail.disclosures',
  'issuer-trusted': 'reason.fail.issuer-trusted',
  validity: 'reason.fail.validity',
  status: 'reason.fail.status',
  'key-binding': 'reason.fail.key-binding',
};

/** What exactly failed, where Satchel says more than the check's name (the credentials library's CheckCode; a check:code pair first). */
const PROBLEMS: Record<string, MessageKey> = {
  revoked: 'reason.problem.revoked',
  suspended: 'reason.problem.suspended',
  unknown: 'reason.problem.unknown',
  expired: 'reason.problem.expired',
  'unknown-issuer': 'reason.problem.unknown-issuer',
  'type-not-allowed': 'reason.problem.type-not-allowed',
  'bad-certificate': 'reason.problem.bad-certificate',
  // An mdoc's IACA or Document Signer certificate out of its validity (RFC 5280 §4.1.2.5), not the credential's own window.
  'issuer-trusted:expired': 'reason.problem.certificate-expired',
  'issuer-trusted:not-yet-valid': 'reason.problem.certificate-not-yet-valid',
};

/** Reasons about the answer rather than one check (what was asked for, the trust list). */
const ANSWER: Record<string, MessageKey> = {
  request: 'reason.request.ok',
  'request:wrong-type': 'reason.request.wrongType',
  'request:missing-claims': 'reason.request.missing',
  'request:credentials': 'reason.request.credentialsOk',
  'request:missing-credentials': 'reason.request.missing',
  'request:not-asked': 'reason.request.notAsked',
  'trust-list:missing': 'reason.noTrustList',
};

const own = <T,>(table: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/** A reason's words in `language`: an answer reason, else what exactly failed, else the check passed or failed. */
export function reasonText(reason: CheckReason, t: Translate, language: Language): string {
  // A paper card's reason (issue 17) is worded beside its screen, not in the catalogues.
  const paper = own(PAPER_REASON_WORDS[language], reason.code);
  if (paper !== undefined) return paper;
  // On someone's behalf (docs/carers.md): worded beside the check screens too.
  const onBehalf = onBehalfReasonText(reason.code, language);
  if (onBehalf !== undefined) return onBehalf;
  const names = (reason.missing ?? []).map((name) => nameText(name, language)).join(', ');
  const [check = '', problem = ''] = reason.code.split(':');
  const key = own(ANSWER, reason.code)
    ?? (reason.ok ? own(PASSED, check) : own(PROBLEMS, reason.code) ?? own(PROBLEMS, problem) ?? own(FAILED, check));
  // A code this version does not know (a record kept by a newer one): the code itself, not nothing.
  return key ? t(key, { names }) : reason.code;
}

/** A kept check's words: from its reason code, or as kept (records from before reasons were codes). */
export function keptCheckText(check: CheckRecord['checks'][number], t: Translate, language: Language): string {
  return 'message' in check ? textIn(check.message, language).text : reasonText(check, t, language);
}
