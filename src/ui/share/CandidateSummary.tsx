import type { ShareCandidate } from '../../wallet/share';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import { formatDate } from '../i18n/format';
import type { Language, Translate } from '../i18n/translate';
import { nameText } from '../i18n/names';

/** "Driving licence from DVLA · Valid until 30 November 2027": which credential answers. */
export function candidateLine(candidate: ShareCandidate, t: Translate, language: Language): { title: string; validity?: string } {
  const type = nameText(candidate.typeName, language);
  const title = candidate.issuerName ? t('consent.credential', { type, issuer: localise(candidate.issuerName, language) }) : type;
  return candidate.validUntil ? { title, validity: t('card.validUntil', { date: formatDate(candidate.validUntil, language) }) } : { title };
}

/**
 * The credential that will be used, named on the consent screen so the person knows which one it
 * is — one compact line, so the Share button stays on a phone's first screen.
 */
export function CandidateSummary({ candidate, testId = 'candidate' }: { candidate: ShareCandidate; testId?: string }) {
  const { t, language } = useI18n();
  const { title, validity } = candidateLine(candidate, t, language);
  return (
    <p class="govuk-body-s" data-testid={testId}>
      <strong>{title}</strong>{validity && <>. {validity}</>}
    </p>
  );
}
