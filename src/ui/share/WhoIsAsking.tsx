import type { ShareRequest } from '../../wallet/share';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import { whoIsAskingWords } from './who-is-asking-words';

/** GOV.UK warning text (an icon, then the words, with "Warning" for screen readers). */
export function WarningText({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n();
  return (
    <div class="govuk-warning-text govuk-!-margin-bottom-2" data-testid={testId}>
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
        {text}
      </strong>
    </div>
  );
}

/** A register's text as a sentence: it may or may not end with a full stop. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * Who is asking, at the top of the consent screen (docs/sharing.md, "Who is asking"). A registered
 * verifier — its request signed with a certificate the register's CA issued to it — is named as the
 * register names it, never as its request does, with a green tag, what it is registered for and
 * where the answer goes (a host its certificate names). Anyone else gets a plain warning; their
 * own name is shown as theirs, and online, where the answer goes. Kept short, so that the Share
 * button stays on a phone's first screen.
 */
export function WhoIsAsking({ request }: { request: ShareRequest }) {
  const { t, language } = useI18n();
  const w = whoIsAskingWords(language);
  const verifier = request.verifier ?? { kind: 'unregistered' as const };
  if (verifier.kind === 'registered') {
    return (
      <>
        <p class="govuk-body-l govuk-!-margin-bottom-2" data-testid="requester">{t('consent.asker', { name: localise(verifier.name, language) })}</p>
        <div data-testid="registered">
          <p class="govuk-!-margin-bottom-2"><strong class="govuk-tag govuk-tag--green satchel-tag--one-line">{w('consent.registeredTag')}</strong></p>
          <p class="govuk-body-s">
            {sentence(localise(verifier.registration, language))}
            {request.responseOrigin && <>{' '}<span data-testid="response-origin">{w('consent.registeredSentTo', { origin: request.responseOrigin })}</span></>}
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <p class="govuk-body-l govuk-!-margin-bottom-2" data-testid="requester">
        {request.verifierName ? t('consent.asker', { name: request.verifierName }) : t('consent.askerUnknown')}
      </p>
      {/* Right under the name they gave: the warning is what marks it as not confirmed (in person, with the
          checker in front of them, nothing more is needed, and Share stays on a phone's first screen). */}
      <WarningText testId="unregistered" text={w('consent.unregistered')} />
      {/* Online, the response_uri's origin is the one thing an unsigned (redirect_uri:) request proves (OpenID4VP 1.0 §5.9.3). */}
      {request.responseOrigin && <p class="govuk-body-s" data-testid="response-origin">{t('consent.sentTo', { origin: request.responseOrigin })}</p>}
    </>
  );
}
