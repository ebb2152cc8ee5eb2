import type { Person } from '../../wallet/people';
import type { ShareCandidate } from '../../wallet/share';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import { formatDate } from '../i18n/format';
import type { Language, Translate } from '../i18n/translate';
import { nameText } from '../i18n/names';
import { whoseType } from '../people/people-words';
import { PersonBadge } from './PersonBadge';

/**
 * "Driving licence from DVLA · Valid until 30 November 2027": which credential answers. With
 * `person` (a Satchel that keeps others' credentials), whose it is: "Mum’s driving licence from DVLA".
 */
export function candidateLine(candidate: ShareCandidate, t: Translate, language: Language, person?: Person): { title: string; validity?: string } {
  const typeText = nameText(candidate.typeName, language);
  const type = person ? whoseType(person, typeText, language) : typeText;
  const title = candidate.issuerName ? t('consent.credential', { type, issuer: localise(candidate.issuerName, language) }) : type;
  return candidate.validUntil ? { title, validity: t('card.validUntil', { date: formatDate(candidate.validUntil, language) }) } : { title };
}

/**
 * The credential that will be used, named on the consent screen so the person knows which one it
 * is — one compact line, so the Share button stays on a phone's first screen. With `person`, the
 * line starts with their marker badge and says whose it is.
 */
export function CandidateSummary({ candidate, testId = 'candidate', person }: { candidate: ShareCandidate; testId?: string; person?: Person | undefined }) {
  const { t, language } = useI18n();
  const { title, validity } = candidateLine(candidate, t, language, person);
  return (
    <p class="govuk-body-s" data-testid={testId}>
      {person && <PersonBadge person={person} />}
      <strong>{title}</strong>{validity && <>. {validity}</>}
    </p>
  );
}
