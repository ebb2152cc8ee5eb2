import type { ComponentChildren } from 'preact';
import { STATUS_UNKNOWN_CODE } from '../../wallet/check';
import type { CheckResult, CheckVerdict, CredentialCheck } from '../../wallet/check';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { reasonText } from '../i18n/reasons';
import { ClaimValue, claimName } from '../receive/ClaimValue';
import { NameText } from '../components/NameText';
import { nameText } from '../i18n/names';
import { OnBehalfResult } from './OnBehalfResult';

type Details = Omit<CredentialCheck, 'queryId' | 'ok'>;

/** Results kept before verdicts existed carry none: pass or fail by `ok`. */
const verdictOf = (check: { ok: boolean; verdict?: CheckVerdict }): CheckVerdict => check.verdict ?? (check.ok ? 'pass' : 'fail');

const TAGS = { pass: 'govuk-tag--green', fail: 'govuk-tag--red', 'status-unknown': 'govuk-tag--yellow' } as const;

function Reasons({ reasons }: { reasons: CheckResult['reasons'] }) {
  const { t, language } = useI18n();
  // Cancellation that could not be checked is a warning (yellow, "Not checked"), never the red of a failure.
  const tag = (reason: CheckResult['reasons'][number]) => (reason.ok ? 'pass' : reason.code === STATUS_UNKNOWN_CODE ? 'status-unknown' : 'fail');
  const label = { pass: t('check.reasonOk'), fail: t('check.reasonFail'), 'status-unknown': t('check.reasonUnknown') } as const;
  return (
    <ul class="govuk-list" data-testid="check-reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          <strong class={`govuk-tag ${TAGS[tag(reason)]}`}>{label[tag(reason)]}</strong>{' '}
          {reasonText(reason, t, language)}
        </li>
      ))}
    </ul>
  );
}

/** One credential's shared details (unasked-for ones flagged), then its reasons and status freshness. */
function CredentialDetails({ details, headingLevel }: { details: Details; headingLevel: 'h2' | 'h3' }) {
  const { t, language } = useI18n();
  const Heading = headingLevel;
  const size = headingLevel === 'h2' ? 'govuk-heading-m' : 'govuk-heading-s';
  // What they shared (the photo to compare with the face, the name, over 18) comes first, right under
  // the verdict: it is what the checker acts on; the checks that back the verdict follow.
  return (
    <>
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
                <dt class="govuk-summary-list__key"><NameText name={claim.label} /></dt>
                <dd class="govuk-summary-list__value"><ClaimValue value={claim.value} label={nameText(claim.label, language)} name={claimName(claim.path)} /></dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <Heading class={size}>{t('check.reasons')}</Heading>
      <Reasons reasons={details.reasons} />
      {details.status?.checkedAt && (
        <p class="govuk-body-s">{t('check.statusFreshness')} <RelativeTime iso={details.status.checkedAt} /></p>
      )}
    </>
  );
}

/**
 * The verdict: an unmistakable pass or fail, the reasons in plain words, what was disclosed. An
 * answer holding several credentials (OpenID4VP 1.0 §6.4.2) shows the overall verdict and reasons,
 * then each credential with its own verdict, reasons and details.
 */
/**
 * Everything passed but cancellation could not be checked: say what did pass, how old the newest
 * cancellation list on this phone is (or that there is none), and what to do next.
 */
function StatusUnknown({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  const lists = (result.credentials ?? [result]).filter((c) => verdictOf(c) === 'status-unknown').map((c) => c.status?.checkedAt);
  const newest = lists.filter((at): at is string => at !== undefined).sort().pop();
  return (
    <div class="govuk-inset-text" data-testid="status-unknown">
      <p class="govuk-body">{t('check.unknownBody')}</p>
      <p class="govuk-body" data-testid="status-list-age">
        {newest ? <>{t('check.unknownAge')} <RelativeTime iso={newest} /></> : t('check.unknownNoList')}
      </p>
      <p class="govuk-body">{t('check.unknownNext')}</p>
    </div>
  );
}

/** `children`: what the checker must read before the details (a paper card's warning), straight after the verdict. */
export function CheckResultView({ result, children }: { result: CheckResult; children?: ComponentChildren }) {
  const { t } = useI18n();
  const several = result.credentials && result.credentials.length > 1 ? result.credentials : undefined;
  const verdict = verdictOf(result);
  const panel = { pass: 'govuk-panel--confirmation', fail: 'satchel-panel--fail', 'status-unknown': 'satchel-panel--warning' }[verdict];
  const title = { pass: t('check.pass'), fail: t('check.fail'), 'status-unknown': t('check.unknownTitle') }[verdict];
  return (
    <div data-testid="check-result" data-ok={String(result.ok)} data-verdict={verdict}>
      <div class={`govuk-panel ${panel}`}>
        {/* ScreenHeading: focus moves to the verdict when it replaces the scan step (GOV.UK). */}
        <ScreenHeading class="govuk-panel__title">{title}</ScreenHeading>
        <div class="govuk-panel__body">
          {result.typeName && <NameText name={result.typeName} />}
          {result.issuerName && <> — <LocalisedText text={result.issuerName} /></>}
        </div>
      </div>
      {/* On someone's behalf: who presented it for whom, under what — or why not — before anything else. */}
      {result.onBehalf && <OnBehalfResult outcome={result.onBehalf} />}
      {children}
      {verdict === 'status-unknown' && <StatusUnknown result={result} />}
      {several ? (
        <>
          {result.reasons.length > 0 && (
            <>
              <h2 class="govuk-heading-m">{t('check.reasons')}</h2>
              <Reasons reasons={result.reasons} />
            </>
          )}
          {several.map((credential, i) => (
            <section key={`${credential.queryId}-${i}`} data-testid="checked-credential" data-ok={String(credential.ok)} data-verdict={verdictOf(credential)}>
              <h2 class="govuk-heading-m">
                <strong class={`govuk-tag ${TAGS[verdictOf(credential)]}`}>{{ pass: t('check.reasonOk'), fail: t('check.reasonFail'), 'status-unknown': t('check.reasonUnknown') }[verdictOf(credential)]}</strong>{' '}
                {credential.typeName ? <NameText name={credential.typeName} /> : credential.queryId}
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
