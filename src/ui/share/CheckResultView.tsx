import type { CheckResult, CredentialCheck } from '../../wallet/share-api';
import { LocalisedText, localise } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';
import { ClaimValue } from '../receive/ClaimValue';

type Details = Omit<CredentialCheck, 'queryId' | 'ok'>;

function Reasons({ reasons }: { reasons: CheckResult['reasons'] }) {
  const { t } = useI18n();
  return (
    <ul class="govuk-list" data-testid="check-reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          <strong class={`govuk-tag ${reason.ok ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{reason.ok ? t('check.reasonOk') : t('check.reasonFail')}</strong>{' '}
          <LocalisedText text={reason.message} />
        </li>
      ))}
    </ul>
  );
}

/** One credential's reasons, status freshness, unasked-for claims and shared details. */
function CredentialDetails({ details, headingLevel }: { details: Details; headingLevel: 'h2' | 'h3' }) {
  const { t, language } = useI18n();
  const Heading = headingLevel;
  const size = headingLevel === 'h2' ? 'govuk-heading-m' : 'govuk-heading-s';
  return (
    <>
      <Heading class={size}>{t('check.reasons')}</Heading>
      <Reasons reasons={details.reasons} />
      {details.status?.checkedAt && (
        <p class="govuk-body-s">{t('check.statusFreshness')} <RelativeTime iso={details.status.checkedAt} /></p>
      )}
      {details.unrequested.length > 0 && (
        <div class="govuk-warning-text" data-testid="unrequested">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
            {t('check.unrequested', { claims: details.unrequested.map((p) => p.join('.')).join(', ') })}
          </strong>
        </div>
      )}
      {details.claims.length > 0 && (
        <>
          <Heading class={size}>{t('check.disclosed')}</Heading>
          <dl class="govuk-summary-list" data-testid="disclosed-claims">
            {details.claims.map((claim) => (
              <div class="govuk-summary-list__row" key={claim.path.join('.')}>
                <dt class="govuk-summary-list__key"><LocalisedText text={claim.label} /></dt>
                <dd class="govuk-summary-list__value"><ClaimValue value={claim.value} label={localise(claim.label, language)} /></dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

/**
 * The verdict: an unmistakable pass or fail, the reasons in plain words, what was disclosed. An
 * answer holding several credentials (OpenID4VP 1.0 §6.4.2) shows the overall verdict and reasons,
 * then each credential with its own verdict, reasons and details.
 */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  const several = result.credentials && result.credentials.length > 1 ? result.credentials : undefined;
  return (
    <div data-testid="check-result" data-ok={String(result.ok)}>
      <div class={`govuk-panel ${result.ok ? 'govuk-panel--confirmation' : 'satchel-panel--fail'}`}>
        <h1 class="govuk-panel__title">{result.ok ? t('check.pass') : t('check.fail')}</h1>
        <div class="govuk-panel__body">
          {result.typeName && <LocalisedText text={result.typeName} />}
          {result.issuerName && <> — <LocalisedText text={result.issuerName} /></>}
        </div>
      </div>
      {several ? (
        <>
          {result.reasons.length > 0 && (
            <>
              <h2 class="govuk-heading-m">{t('check.reasons')}</h2>
              <Reasons reasons={result.reasons} />
            </>
          )}
          {several.map((credential, i) => (
            <section key={`${credential.queryId}-${i}`} data-testid="checked-credential" data-ok={String(credential.ok)}>
              <h2 class="govuk-heading-m">
                <strong class={`govuk-tag ${credential.ok ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{credential.ok ? t('check.reasonOk') : t('check.reasonFail')}</strong>{' '}
                {credential.typeName ? <LocalisedText text={credential.typeName} /> : credential.queryId}
                {credential.issuerName && <> — <LocalisedText text={credential.issuerName} /></>}
              </h2>
              <CredentialDetails details={credential} headingLevel="h3" />
            </section>
          ))}
        </>
      ) : (
        <CredentialDetails details={result} headingLevel="h2" />
      )}
      <p class="govuk-body-s" data-testid="check-time">{t('check.time', { ms: Math.round(result.elapsedMs) })}</p>
    </div>
  );
}
