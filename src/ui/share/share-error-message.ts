import { ShareError } from '../../wallet/share';
import { CheckError } from '../../wallet/check';
import { localise } from '../components/LocalisedText';
import type { Language, Translate } from '../i18n/translate';
import { nameText } from '../i18n/names';
import { whoIsAskingWords } from './who-is-asking-words';
import { noAuthorityText } from './on-behalf-words';

/** Nothing held answers: which credentials are missing, and whether the waiting verifier was told (OpenID4VP 1.0 §8.5). */
function nothingMatches(t: Translate, error: ShareError, language: Language): string {
  const missing = error.details.missing ?? [];
  const text = missing.length > 0 ? t('share.error.nothingMatchesMissing', { types: missing.map((m) => nameText(m, language)).join(', ') }) : t('share.error.nothingMatches');
  return error.details.verifierTold ? `${text} ${t('share.error.verifierTold')}` : text;
}

/** Held but not shareable (cancelled, suspended, expired): which credential, why, and what to do next. */
function unusable(t: Translate, error: ShareError, language: Language): string {
  const what = (error.details.unusable ?? []).map((u) =>
    t(`share.unusable.${u.reason}`, { type: nameText(u.typeName, language), issuer: u.issuerName ? localise(u.issuerName, language) : t('share.unusable.department') }));
  const text = t('share.error.unusable', { what: what.join('; ') });
  return error.details.verifierTold ? `${text} ${t('share.error.verifierTold')}` : text;
}

/**
 * Why Satchel stopped a signed request whose signer it could not confirm (VerifierProblem), in
 * plain words, prefixed by whom the request claimed to be from when it named a host.
 */
export function verifierProblemText(language: Language, error: ShareError): string {
  const w = whoIsAskingWords(language);
  const host = error.details.claimedHost;
  const problem = error.details.verifierProblem;
  if (problem === 'client-id-mismatch') return host ? w('refused.client-id-mismatch', { host }) : w('refused.client-id-mismatch-hash');
  const reason = problem ? w(`refused.${problem}`) : w('refused.unknown');
  return host ? `${w('refused.claimed', { host })} ${reason}` : reason;
}

/** What the person reads when sharing or checking fails, and what to do next. */
export function shareErrorMessage(t: Translate, error: unknown, language: Language = 'en'): string {
  if (error instanceof ShareError) {
    switch (error.code) {
      case 'not-a-request':
        return t('share.error.notARequest');
      case 'request-expired':
        return t('share.error.expired');
      case 'request-malformed':
        return t('share.error.malformed');
      case 'nothing-matches':
        return nothingMatches(t, error, language);
      case 'credential-unusable':
        return unusable(t, error, language);
      case 'verifier-untrusted':
        return `${verifierProblemText(language, error)} ${whoIsAskingWords(language)('refused.nothingSent')}`;
      case 'no-authority':
        return noAuthorityText(language, error.details.power, error.details.people ?? []);
      case 'quick-show-unavailable':
        return t('quick.error.mdoc', { type: error.details.typeName ? nameText(error.details.typeName, language) : '' });
      case 'locked':
        return t('vault.error.locked');
    }
  }
  if (error instanceof CheckError) {
    switch (error.code) {
      case 'not-a-response':
        return t('check.error.notAResponse');
      case 'frame-missing':
        return t('check.error.frameMissing', { frames: (error.details.missing ?? []).map((i) => i + 1).join(', ') });
      case 'frame-mismatch':
        return t('check.error.frameMismatch');
      case 'wrong-key':
        return t('check.error.wrongKey');
      case 'request-expired':
        return t('check.error.expired');
      case 'replayed':
        return t('check.error.replayed');
    }
  }
  return t('receive.error.unexpected');
}
