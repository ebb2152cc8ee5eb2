import type { CheckResult } from '../../wallet/share-api';
import { LocalisedText, localise } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';
import { ClaimValue } from '../receive/ClaimValue';

/** The verdict: an unmistakable pass or fail, the reasons in plain words, what was disclosed. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t, language } = useI18n();
  return (
    <div data-testid="check-result" data-ok={String(result.ok)}>
      <div class={`govuk-panel ${result.ok ? 'govuk-panel--confirmation' : 'satchel-panel--fail'}`}>
        <h1 class="govuk-panel__title">{result.ok ? t('check.pass') : t('check.fail')}</h1>
        <div class="govuk-panel__body">
          {result.typeName && <LocalisedText text={result.typeName} />}
          {result.issuerName && <> — <LocalisedText text={result.issuerName} /></>}
        </div>
      </div>
      <h2 class="govuk-heading-m">{t('check.reasons')}</h2>
      <ul class="govuk-list" data-testid="check-reasons">
        {result.reasons.map((reason) => (
          <li key={reason.code}>
            <strong class={`govuk-tag ${reason.ok ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{reason.ok ? t('check.reasonOk') : t('check.reasonFail')}</strong>{' '}
            <LocalisedText text={reason.message} />
          </li>
        ))}
      </ul>
      {result.status?.checkedAt && (
        <p class="govuk-body-s">{t('check.statusFreshness')} <RelativeTime iso={result.status.checkedAt} /></p>
      )}
      {result.unrequested.length > 0 && (
        <div class="govuk-warning-text" data-testid="unrequested">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
            {t('check.unrequested', { claims: result.unrequested.map((p) => p.join('.')).join(', ') })}
          </strong>
        </div>
      )}
      {result.claims.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('check.disclosed')}</h2>
          <dl class="govuk-summary-list" data-testid="disclosed-claims">
            {result.claims.map((claim) => (
              <div class="govuk-summary-list__row" key={claim.path.join('.')}>
                <dt class="govuk-summary-list__key"><LocalisedText text={claim.label} /></dt>
                <dd class="govuk-summary-list__value"><ClaimValue value={claim.value} label={localise(claim.label, language)} /></dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p class="govuk-body-s" data-testid="check-time">{t('check.time', { ms: Math.round(result.elapsedMs) })}</p>
    </div>
  );
}
