import type { OnBehalfOutcome } from '../../wallet/check';
import { useI18n } from '../i18n/context';
import { checkOnBehalfWords, failureText, namesOf, presentedBySentence } from './check-on-behalf-words';

/**
 * The answer given on someone's behalf, straight under the verdict (docs/carers.md): "Presented by
 * Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial
 * affairs), valid until 1 December 2027", or why it is not accepted. Names are the credentials'
 * claims, rendered as text.
 */
export function OnBehalfResult({ outcome }: { outcome: OnBehalfOutcome }) {
  const { language } = useI18n();
  const w = checkOnBehalfWords(language);
  const names = namesOf(outcome);
  const presented = presentedBySentence(outcome, language);
  const reference = outcome.reference ? <p class="govuk-body-s">{w('reference', { reference: outcome.reference })}</p> : null;
  if (presented) {
    return (
      <div class="govuk-inset-text" data-testid="on-behalf" data-ok="true">
        <p class="govuk-body govuk-!-font-weight-bold">{presented}</p>
        {reference}
      </div>
    );
  }
  return (
    <div class="govuk-warning-text" data-testid="on-behalf" data-ok="false">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div class="govuk-warning-text__text">
        <h2 class="govuk-heading-s">{w('failedTitle')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          {outcome.failures.map((failure) => <li key={failure}>{failureText(failure, language)}</li>)}
        </ul>
        {names && <p class="govuk-body">{w('failedNames', names)}</p>}
        {reference}
      </div>
    </div>
  );
}
