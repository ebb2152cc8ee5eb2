import { useState } from 'preact/hooks';
import { ReceiveError, type AcceptResult, type OfferSummary } from '../../wallet/receive';
import { SELF_PERSON } from '../../wallet/shared';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText, localise } from '../components/LocalisedText';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { usePeople } from '../people/PeopleContext';
import { hasOthers, usePeopleList } from '../people/use-people-list';
import { WhoseIsThis } from '../people/WhoseIsThis';
import { peopleWords } from '../people/people-words';
import { signInWords } from './sign-in-words';
import type { Translate } from '../i18n/translate';
import { navigate } from '../router';
import { receiveErrorMessage, signInErrorMessage } from './receive-error-message';
import { useReceiver } from './ReceiverContext';
import { openSignInPage } from './sign-in-page';

/**
 * An error kept as how to word it, not as words: worded at each render, so it follows the
 * language when the person switches it in place (as every other text on the screen does).
 */
export interface ScreenError {
  field: string;
  words(t: Translate): string;
}

export const worded = (errors: ScreenError[], t: Translate): FieldError[] => errors.map(({ field, words }) => ({ field, text: words(t) }));

/**
 * Who is issuing what, for whom, before anything is fetched; then "Add to Satchel" (with the
 * transaction code when the offer needs one) or, for a department that must know who it is issuing
 * to (OpenID4VCI 1.0 §3.4, the authorization code flow), "Continue to sign in", which opens the
 * department's sign-in page. `onDone` is told what adding gave.
 */
export function ReviewOffer({ offer, onDone }: { offer: OfferSummary; onDone(result: AcceptResult): void }) {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const [code, setCode] = useState('');
  const [screenErrors, setErrors] = useState<ScreenError[]>([]);
  const errors = worded(screenErrors, t);
  // After a refused code the offer is kept for another try; the person may instead give up on it.
  const [codeRefused, setCodeRefused] = useState(false);
  // The browser is leaving for the sign-in page: the button stays busy until the page goes.
  const [leaving, setLeaving] = useState(false);
  // Issue 16: with people added, whose the credential is — first the person the home screen shows.
  const people = usePeopleList();
  const { selected } = usePeople();
  const [whose, setWhose] = useState<string>();
  // An authority (the carer's own, bound to their key) always goes into the holder's own space: not asked.
  const askWhose = hasOthers(people) && !offer.credentials.every((credential) => credential.holdersOwn);
  const personId = whose ?? (people?.some((person) => person.id === selected) ? selected : SELF_PERSON);
  const accept = useSubmit(async () => {
    if (offer.txCode && !code.trim()) return setErrors([{ field: 'tx-code', words: (tr) => tr('review.error.noCode') }]);
    try {
      const txCode = offer.txCode ? code.trim() : undefined;
      const result = await (askWhose
        ? receiver.accept(offer.offerId, { ...(txCode === undefined ? {} : { txCode }), personId })
        : receiver.accept(offer.offerId, txCode));
      if (result.status === 'sign-in') {
        openSignInPage(result.url);
        setLeaving(true);
      } else onDone(result);
    } catch (error) {
      setCodeRefused(error instanceof ReceiveError && (error.code === 'wrong-tx-code' || error.code === 'tx-code-refused'));
      setErrors([{ field: offer.txCode ? 'tx-code' : 'accept', words: (tr) => (offer.signIn ? signInErrorMessage : receiveErrorMessage)(tr, error) }]);
    }
  });
  const busy = accept.busy || leaving;
  const [first] = offer.credentials;
  const issuer = localise(offer.issuer.name, language);
  return (
    <form onSubmit={accept.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('review.title')}</ScreenHeading>
      {/* On a phone's first screen: the key facts (who from, what, for whom), the code and
          "Add to Satchel"; what the credential contains is behind its count, what Satchel checks under the buttons. */}
      <dl class="govuk-summary-list" data-testid="offer-summary">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('review.issuer')}</dt>
          <dd class="govuk-summary-list__value"><LocalisedText text={offer.issuer.name} /></dd>
        </div>
        {offer.credentials.map((credential) => (
          <div class="govuk-summary-list__row" key={credential.configurationId}>
            <dt class="govuk-summary-list__key">{t('review.credential')}</dt>
            <dd class="govuk-summary-list__value">
              <LocalisedText text={credential.name} />
              {credential.claims.length > 0 && (
                <details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="offer-claims">
                  <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{t('review.contains', { count: credential.claims.length })}</span>
                  </summary>
                  <div class="govuk-details__text">
                    <ul class="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-0">
                      {credential.claims.map((claim, i) => <li key={i}><LocalisedText text={claim} /></li>)}
                    </ul>
                  </div>
                </details>
              )}
            </dd>
          </div>
        ))}
        {/* An OpenID4VCI offer names no holder (§4.1.1): who it is for is only known once issued
            (docs/issuers.md). After a sign-in it is whoever signed in, which the next lines say. */}
        {/* With "Whose is this?" asked, this is said under the buttons instead, so that they stay in view. */}
        {!offer.signIn && !askWhose && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('review.for')}</dt>
            <dd class="govuk-summary-list__value">{t('review.forValue')}</dd>
          </div>
        )}
      </dl>
      {offer.signIn && (
        <>
          <h2 class="govuk-heading-m">{signInWords(language)('signIn.title', { issuer })}</h2>
          <p class="govuk-body">{signInWords(language)('signIn.why', { issuer, credential: first ? localise(first.name, language) : '' })}</p>
        </>
      )}
      {askWhose && people && <WhoseIsThis people={people} value={personId} onChange={setWhose} />}
      {offer.txCode && (
        <TextField id="tx-code" label={t('review.codeLabel')} hint={t('review.codeHint')} value={code} onInput={setCode}
          inputMode={offer.txCode.inputMode === 'numeric' ? 'numeric' : 'text'} autocomplete="one-time-code"
          widthClass="govuk-input--width-10" error={errorFor(errors, 'tx-code')} />
      )}
      <div class="govuk-button-group">
        <button type="submit" id="accept" class="govuk-button" disabled={busy} aria-disabled={busy}>
          {offer.signIn
            ? (busy ? signInWords(language)('signIn.opening') : signInWords(language)('signIn.continue'))
            : (busy ? t('review.working') : t('review.accept'))}
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" disabled={busy}
          onClick={() => void receiver.decline(offer.offerId).finally(() => navigate('/'))}>
          {codeRefused ? t('review.remove') : t('review.decline')}
        </button>
      </div>
      {/* By value, the pre-authorised code is first checked at the token endpoint (OpenID4VCI §6): nothing is saved if it fails. */}
      {!offer.issuerConfirmedOffer && !offer.signIn && (
        <p class="govuk-body" data-testid="checked-on-add">{offer.txCode ? t('review.checkedOnAddWithCode') : t('review.checkedOnAdd')}</p>
      )}
      {askWhose && (
        <p class="govuk-body" data-testid="whose-hint">
          {peopleWords(language)('receive.hint')}{!offer.signIn && ` ${peopleWords(language)('receive.for')}`}
        </p>
      )}
      {/* Under the buttons, so that "Continue to sign in" stays on a phone's first screen. */}
      {offer.signIn && <p class="govuk-body">{signInWords(language)('signIn.how')}</p>}
      <p class="govuk-body">{t('review.checks')}</p>
    </form>
  );
}
