import type { ShareError } from '../../wallet/share';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { verifierProblemText } from './share-error-message';
import { whoIsAskingWords } from './who-is-asking-words';

/**
 * A signed request whose signer Satchel could not confirm (ShareError 'verifier-untrusted'): why,
 * in plain words, that nothing was sent (not even a "no": the address to send it to was vouched
 * for only by that signer), and what the person can do.
 */
export function RefusedRequest({ error, onAgain }: { error: ShareError; onAgain(): void }) {
  const { t, language } = useI18n();
  const w = whoIsAskingWords(language);
  return (
    <div data-testid="refused">
      <ScreenHeading>{w('refused.title')}</ScreenHeading>
      <p class="govuk-body-l" data-testid="refused-reason">{verifierProblemText(language, error)}</p>
      <div class="govuk-inset-text">{w('refused.nothingSent')}</div>
      <h2 class="govuk-heading-m">{w('refused.whatToDo')}</h2>
      <p class="govuk-body">{w('refused.advice')}</p>
      {error.details.verifierProblem === 'certificate-unlisted' && <p class="govuk-body">{w('refused.adviceUnlisted')}</p>}
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onAgain}>{w('refused.again')}</button>
        <Link class="govuk-link" href="/">{t('share.done')}</Link>
      </div>
    </div>
  );
}
