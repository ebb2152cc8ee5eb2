import { useEffect, useState } from 'preact/hooks';
import { ReceiveError, type AcceptResult, type KnownIssuer, type OfferSummary } from '../../wallet/receive';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText, localise } from '../components/LocalisedText';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { signInWords } from '../receive/sign-in-words';
import { OfferAdded } from '../receive/OfferAdded';
import { receiveErrorMessage } from '../receive/receive-error-message';
import { useReceiver } from '../receive/ReceiverContext';
import { ReviewOffer, worded, type ScreenError } from '../receive/ReviewOffer';

type Step =
  | { name: 'choose' }
  | { name: 'review'; offer: OfferSummary }
  | { name: 'done'; result: AcceptResult; offer: OfferSummary };

const CHOICE_FIELD = 'credential-choice';

/**
 * Wallet-initiated issuance (OpenID4VCI 1.0 §3.4, no offer): the credentials that the departments
 * on the trust list issue after the person signs in. The person chooses one, reviews it as any
 * offer, and continues to the department's sign-in page.
 */
export function GetCredentialScreen() {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [issuers, setIssuers] = useState<KnownIssuer[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [choice, setChoice] = useState<string>();
  const [errors, setErrors] = useState<ScreenError[]>([]);
  useEffect(() => {
    void receiver.knownIssuers().then(setIssuers, setLoadError);
  }, [receiver]);
  // Ids by position: an issuer's URL or a configuration id may hold characters an id cannot.
  const choices = (issuers ?? [])
    .flatMap((issuer) => issuer.credentials.map((credential) => ({ issuer, credential })))
    .map((c, i) => ({ ...c, id: `${CHOICE_FIELD}-${i}` }));
  const choose = useSubmit(async () => {
    const chosen = choices.find((c) => c.id === choice);
    // GOV.UK radios: the error summary links to the first radio.
    if (!chosen) return setErrors([{ field: choices[0]?.id ?? CHOICE_FIELD, words: (tr) => tr('getCredential.error.choose') }]);
    setErrors([]);
    try {
      setStep({ name: 'review', offer: await receiver.requestCredential(chosen.issuer.issuerId, chosen.credential.configurationId) });
    } catch (error) {
      setErrors([{ field: chosen.id, words: (tr) => receiveErrorMessage(tr, error) }]);
    }
  });

  if (step.name === 'review') {
    return <ReviewOffer offer={step.offer} onDone={(result) => setStep({ name: 'done', result, offer: step.offer })} />;
  }
  if (step.name === 'done') {
    const [first] = step.offer.credentials;
    return <OfferAdded result={step.result} name={first && <LocalisedText text={first.name} />} />;
  }
  const shownErrors = worded(errors, t);
  const fieldError = shownErrors[0]?.text;
  return (
    <>
      <ErrorSummary errors={shownErrors} />
      <ScreenHeading>{t('getCredential.title')}</ScreenHeading>
      <p class="govuk-body">{signInWords(language)('getCredential.intro')}</p>
      {loadError !== undefined ? (
        <p class="govuk-body" data-testid="get-credential-error">
          {loadError instanceof ReceiveError && loadError.code === 'offline' ? signInWords(language)('getCredential.offline') : receiveErrorMessage(t, loadError)}
        </p>
      ) : issuers === undefined ? (
        <p class="govuk-body" role="status">{signInWords(language)('getCredential.loading')}</p>
      ) : choices.length === 0 ? (
        <p class="govuk-body">{signInWords(language)('getCredential.none')}</p>
      ) : (
        <form onSubmit={choose.submit} noValidate>
          <div class={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
            <fieldset class="govuk-fieldset" aria-describedby={fieldError ? `${CHOICE_FIELD}-error` : undefined}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">{signInWords(language)('getCredential.legend')}</h2>
              </legend>
              {fieldError && (
                <p id={`${CHOICE_FIELD}-error`} class="govuk-error-message">
                  <span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {fieldError}
                </p>
              )}
              <div class="govuk-radios">
                {choices.map(({ id, issuer, credential }) => (
                  <div class="govuk-radios__item" key={id}>
                    <input class="govuk-radios__input" id={id} name={CHOICE_FIELD} type="radio" value={id}
                      checked={choice === id} onChange={() => setChoice(id)} aria-describedby={`${id}-hint`} />
                    <label class="govuk-label govuk-radios__label" for={id}><LocalisedText text={credential.name} /></label>
                    <div id={`${id}-hint`} class="govuk-hint govuk-radios__hint">
                      {signInWords(language)('getCredential.from', { issuer: localise(issuer.name, language) })}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" class="govuk-button" disabled={choose.busy}>{t('form.continue')}</button>
        </form>
      )}
    </>
  );
}

