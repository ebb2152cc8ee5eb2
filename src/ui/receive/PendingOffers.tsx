import { useEffect, useState } from 'preact/hooks';
import type { PendingOffer } from '../../wallet/receive';
import { LocalisedText } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';
import { needsSignInAgain, receiveErrorMessage, signInErrorMessage } from './receive-error-message';
import { ReceiveError } from '../../wallet/receive';
import { useReceiver } from './ReceiverContext';
import { Link } from '../router';
import { pendingOfferHref } from './pending-offer-link';
import { openSignInPage } from './sign-in-page';

const STATE_MESSAGES: Record<PendingOffer['state'], MessageKey> = {
  'waiting-for-connection': 'pending.waiting',
  'in-progress': 'pending.inProgress',
  deferred: 'pending.deferred',
  failed: 'pending.failed',
  'awaiting-sign-in': 'pending.awaitingSignIn',
};

/** Offers accepted while offline (or deferred by the issuer, or waiting for a sign-in), with their progress. */
export function PendingOffers() {
  const { t } = useI18n();
  const receiver = useReceiver();
  const [pending, setPending] = useState<PendingOffer[]>([]);
  // Why "Continue" or "Sign in again" did not open the sign-in page (no signal…), by offer; worded at each render.
  const [signInErrors, setSignInErrors] = useState<Partial<Record<string, (tr: Translate) => string>>>({});
  useEffect(() => {
    const load = () => void receiver.pendingOffers().then(setPending, () => setPending([]));
    load();
    return receiver.onPendingChange(load);
  }, [receiver]);
  // A new authorization request each time (OpenID4VCI 1.0 §5): the last one may have expired.
  const signIn = async (offerId: string) => {
    setSignInErrors((errors) => ({ ...errors, [offerId]: undefined }));
    try {
      const result = await receiver.accept(offerId);
      if (result.status === 'sign-in') openSignInPage(result.url);
    } catch (error) {
      setSignInErrors((errors) => ({ ...errors, [offerId]: (tr) => signInErrorMessage(tr, error) }));
    }
  };
  if (pending.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{t('pending.title')}</h2>
      <ul class="govuk-list" data-testid="pending-offers" aria-live="polite">
        {pending.map((offer) => {
          const awaitingSignIn = offer.state === 'awaiting-sign-in';
          const signInAgain = offer.state === 'failed' && needsSignInAgain(offer.error);
          // Each offer's buttons name their issuer for screen readers (several may be listed).
          const issuer = <span class="govuk-visually-hidden">: <LocalisedText text={offer.issuerName} /></span>;
          const signInError = signInErrors[offer.offerId];
          return (
            <li key={offer.offerId} class="satchel-card">
              <p class="govuk-body"><LocalisedText text={offer.issuerName} /></p>
              <p class="govuk-body-s">
                {offer.state === 'failed' && offer.error
                  ? receiveErrorMessage(t, new ReceiveError(offer.error, offer.error))
                  : t(STATE_MESSAGES[offer.state])}
              </p>
              {signInError && <p class="govuk-error-message">{signInError(t)}</p>}
              {awaitingSignIn || signInAgain ? (
                <div class="govuk-button-group">
                  <button type="button" class="govuk-button" onClick={() => void signIn(offer.offerId)}>
                    {awaitingSignIn ? t('pending.continue') : t('signIn.again')}{issuer}
                  </button>
                  <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void receiver.decline(offer.offerId)}>
                    {awaitingSignIn ? t('pending.cancel') : t('review.remove')}{issuer}
                  </button>
                </div>
              ) : (offer.summary || offer.state === 'failed') && (
                <div class="govuk-button-group">
                  {/* A kept offer (read offline, or its code refused) is reviewed again on the add screen. */}
                  {offer.summary && (
                    <Link href={pendingOfferHref(offer.offerId)} class="govuk-link">
                      {t('pending.review')}{issuer}
                    </Link>
                  )}
                  <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void receiver.decline(offer.offerId)}>
                    {t('review.remove')}{issuer}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
