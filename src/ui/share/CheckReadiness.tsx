import { useEffect, useState } from 'preact/hooks';
import type { Checker, OfflineReadiness } from '../../wallet/check';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';

/**
 * Before checking: whether this phone can check without a signal, and for which issuers.
 * While it is shown, and again whenever the phone comes back online, the checker fetches every
 * status list that is missing or due, so a phone set up online keeps working once it is offline.
 */
export function CheckReadiness({ checker }: { checker: Pick<Checker, 'offlineReadiness'> }) {
  const { t } = useI18n();
  const [readiness, setReadiness] = useState<OfflineReadiness>();

  useEffect(() => {
    let current = true;
    const refresh = () => void checker.offlineReadiness({ refresh: true }).then((r) => current && setReadiness(r), () => undefined);
    refresh();
    window.addEventListener('online', refresh);
    return () => {
      current = false;
      window.removeEventListener('online', refresh);
    };
  }, [checker]);

  const ready = readiness?.issuers.filter((i) => i.ready) ?? [];
  const notReady = readiness?.issuers.filter((i) => !i.ready) ?? [];
  // Short on a phone: one sentence, the issuers behind "Which issuers" (the not-ready ones always shown).
  return (
    <div data-testid="offline-readiness" data-ready={readiness ? String(readiness.trustList && notReady.length === 0) : undefined} aria-live="polite">
      {!readiness && <p class="govuk-body-s">{t('check.ready.checking')}</p>}
      {readiness && !readiness.trustList && <p class="govuk-body-s">{t('check.ready.noTrustList')}</p>}
      {readiness?.trustList && notReady.length === 0 && <p class="govuk-body-s govuk-!-margin-bottom-2">{t('check.ready.all')}</p>}
      {readiness?.trustList && notReady.length > 0 && (
        <div class="govuk-warning-text govuk-!-margin-bottom-2" data-testid="not-ready-issuers">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <div class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
            {t('check.ready.notYet')}{' '}
            {notReady.map((issuer, i) => <span key={issuer.id}>{i > 0 && ', '}<LocalisedText text={issuer.name} /></span>)}.{' '}
            {t('check.ready.connect')}
          </div>
        </div>
      )}
      {readiness?.trustList && ready.length > 0 && (
        <details class="govuk-details govuk-!-margin-bottom-3">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t('check.ready.which')}</span></summary>
          <div class="govuk-details__text">
            <p class="govuk-body-s govuk-!-margin-bottom-1">{t('check.ready.some')}</p>
            <ul class="govuk-list govuk-list--bullet govuk-body-s" data-testid="ready-issuers">
              {ready.map((issuer) => (
                <li key={issuer.id}>
                  <LocalisedText text={issuer.name} />
                  {issuer.listsFetchedAt && <> ({t('check.ready.listAge')} <RelativeTime iso={issuer.listsFetchedAt} />)</>}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </div>
  );
}
