import { useEffect, useState } from 'preact/hooks';
import type { PendingOffer } from '../../wallet/receive';
import { LocalisedText } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import { receiveErrorMessage } from './receive-error-message';
import { ReceiveError } from '../../wallet/receive';
import { useReceiver } from './ReceiverContext';
import { Link } from '../router';
import { pendingOfferHref } from './pending-offer-link';

const STATE_MESSAGES: Record<PendingOffer['state'], MessageKey> = {
  'waiting-for-connection': 'pending.waiting',
  'in-progress': 'pending.inProgress',
  deferred: 'pending.deferred',
  failed: 'pending.failed',
};

/** Offers accepted while offline (or deferred by the issuer), with their progress. */
export function PendingOffers() {
  const { t } = useI18n();
  const receiver = useReceiver();
  const [pending, setPending] = useState<PendingOffer[]>([]);
  useEffect(() => {
    const load = () => void receiver.pendingOffers().then(setPending, () => setPending([]));
    load();
    return receiver.onPendingChange(load);
  }, [receiver]);
  if (pending.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{t('pending.title')}</h2>
      <ul class="govuk-list" data-testid="pending-offers" aria-live="polite">
        {pending.map((offer) => (
          <li key={offer.offerId} class="satchel-card">
            <p class="govuk-body"><LocalisedText text={offer.issuerName} /></p>
            <p class="govuk-body-s">
              {offer.state === 'failed' && offer.error
                ? receiveErrorMessage(t, new ReceiveError(offer.error, offer.error))
                : t(STATE_MESSAGES[offer.state])}
            </p>
            {(offer.summary || offer.state === 'failed') && (
              <div class="govuk-button-group">
                {/* A kept offer (read offline, or its code refused) is reviewed again on the add screen. */}
                {offer.summary && (
                  <Link href={pendingOfferHref(offer.offerId)} class="govuk-link">
                    {t('pending.review')}<span class="govuk-visually-hidden">: <LocalisedText text={offer.issuerName} /></span>
                  </Link>
                )}
                {/* Each offer's buttons name their issuer for screen readers (several may be listed). */}
                <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void receiver.decline(offer.offerId)}>
                  {t('review.remove')}<span class="govuk-visually-hidden">: <LocalisedText text={offer.issuerName} /></span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
