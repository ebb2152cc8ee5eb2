import { useEffect, useState } from 'preact/hooks';
import { QUICK_SHOW_REQUEST_ID, type CheckRequest, type CheckResult, type FrameProgress } from '../../wallet/check';
import type { Purpose } from '../../wallet/shared';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { QrFramesView } from '../components/qr/QrCode';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { PurposeRadios } from '../check/PurposeRadios';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { CheckResultView } from '../share/CheckResultView';
import { CHECK_PURPOSES, ON_BEHALF_CHECK_PURPOSES } from '../share/check-purposes';
import { checkOnBehalfWords } from '../share/check-on-behalf-words';
import { CheckReadiness } from '../share/CheckReadiness';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';

/** A check in progress: a request we showed, or (weaker) a quick-show code we agreed to accept. */
type Pending = { requestId: string; qr?: CheckRequest['qr'] };

type Step =
  | { name: 'choose' }
  | { name: 'scan'; request: Pending; progress?: FrameProgress }
  | { name: 'result'; request: Pending; result: CheckResult; kept: boolean };

/**
 * Verifier mode: ask for what is needed, show the request code, scan the answer, and verify it on
 * this phone with no network. Checks one person after another ("Check the next person").
 */
export function CheckScreen() {
  const { t, language } = useI18n();
  const { checker } = useShare();
  const onBehalfWords = checkOnBehalfWords(language);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [purpose, setPurpose] = useState<Purpose>('over-18');
  const [onBehalf, setOnBehalf] = useState(false);
  const [verifierName, setVerifierName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [scanning, setScanning] = useState(true);

  // Leaving the screen forgets every check, completed or partial: checked people's claims and
  // portraits must not stay in memory (the app also discards them when the vault locks).
  useEffect(() => () => checker.discardAll(), [checker]);

  const start = useSubmit(async () => {
    if (!verifierName.trim()) return setErrors([{ field: 'verifier-name', text: t('check.error.noName') }]);
    setErrors([]);
    try {
      const request = await checker.createRequest({ purpose, verifierName: verifierName.trim() });
      setStep({ name: 'scan', request: { requestId: request.requestId, qr: request.qr } });
    } catch (error) {
      setErrors([{ field: 'verifier-name', text: shareErrorMessage(t, error) }]);
    }
  });

  const quickShow = async () => {
    setErrors([]);
    await checker.acceptQuickShow();
    setStep({ name: 'scan', request: { requestId: QUICK_SHOW_REQUEST_ID } });
  };

  const addFrame = async (request: Pending, frame: string, field: string) => {
    try {
      const progress = await checker.addFrame(request.requestId, frame);
      setErrors([]);
      if (!progress.complete) return setStep({ name: 'scan', request, progress });
      setScanning(false);
      const result = await checker.verify(request.requestId);
      setStep({ name: 'result', request, result, kept: false });
    } catch (error) {
      setErrors([{ field, text: shareErrorMessage(t, error) }]);
    }
  };

  /** "Check the next person", and "Start again" mid-scan: forget this check and show a new request code. */
  const next = () => {
    if (step.name === 'choose') return;
    checker.discard(step.request.requestId);
    setScanning(true);
    setErrors([]);
    if (step.request.requestId === QUICK_SHOW_REQUEST_ID) void quickShow();
    else void start.submit();
  };

  if (step.name === 'choose') {
    return (
      <form onSubmit={start.submit} noValidate>
        <ErrorSummary errors={errors} />
        <ScreenHeading>{t('check.title')}</ScreenHeading>
        {/* The purposes, the name and "Show my code" fit a phone's first screen; whether this phone can check
            offline and the reminder to keep nothing come after the buttons. */}
        <PurposeRadios legend={t('check.purposeLegend')} value={purpose} onChange={setPurpose}
          options={onBehalf
            ? ON_BEHALF_CHECK_PURPOSES.map((p) => ({ purpose: p, label: onBehalfWords(`purpose.${p}`), hint: onBehalfWords(`purpose.${p}Hint`) }))
            : CHECK_PURPOSES.map(({ purpose: p, label, hint }) => ({ purpose: p, label: t(label), hint: t(hint) }))} />
        <TextField id="verifier-name" label={t('check.nameLabel')} hint={t('check.nameHint')} value={verifierName}
          onInput={setVerifierName} autocomplete="organization" error={errors[0]?.text} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" disabled={start.busy}>{t('check.start')}</button>
          {/* A quick-show code holds one credential: it cannot carry someone's credential and the authority together. */}
          {!onBehalf && <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void quickShow()}>{t('check.quickShow')}</button>}
        </div>
        {/* Someone acting for another person (docs/carers.md): the two on-behalf purposes in place of the others, so "Show my code" stays on the first screen. */}
        <p class="govuk-body-s">
          <button type="button" class="satchel-link-button" data-testid="purposes-on-behalf" aria-pressed={onBehalf}
            onClick={() => { setOnBehalf(!onBehalf); setPurpose(onBehalf ? 'over-18' : ON_BEHALF_CHECK_PURPOSES[0]); }}>
            {onBehalfWords(onBehalf ? 'switch.own' : 'switch.onBehalf')}
          </button>
        </p>
        <CheckReadiness checker={checker} />
        {!onBehalf && <p class="govuk-body-s">{t('check.quickShowHint')}</p>}
        <p class="govuk-body-s">{t('check.intro')}</p>
        <p class="govuk-body-s"><Link class="govuk-link" href="/check/licence">{t('check.licenceLink')}</Link></p>
        <p class="govuk-body-s"><Link class="govuk-link" href="/check/card">{t('check.paperCardLink')}</Link></p>
      </form>
    );
  }

  if (step.name === 'result') {
    return (
      <>
        <CheckResultView result={step.result} />
        <div class="govuk-button-group">
          <button type="button" class="govuk-button" onClick={next}>{t('check.next')}</button>
          {step.kept ? (
            <p class="govuk-body" role="status">{t('check.kept')}</p>
          ) : (
            <button type="button" class="govuk-button govuk-button--secondary"
              onClick={() => void checker.keepRecord(step.request.requestId).then(() => setStep({ ...step, kept: true }),
                (error) => setErrors([{ field: 'keep', text: shareErrorMessage(t, error) }]))}>
              {t('check.keep')}
            </button>
          )}
        </div>
        <ErrorSummary errors={errors} />
      </>
    );
  }

  const { request, progress } = step;
  return (
    <>
      <ErrorSummary errors={errors} />
      {request.qr ? (
        <>
          <ScreenHeading>{t('check.showTitle')}</ScreenHeading>
          <p class="govuk-body">{t('check.showIntro')}</p>
          <QrFramesView qr={request.qr} label={t('check.requestQrLabel')} testId="request-qr" />
          <h2 class="govuk-heading-m">{t('check.scanTitle')}</h2>
        </>
      ) : (
        <>
          <ScreenHeading>{t('check.quickTitle')}</ScreenHeading>
          <p class="govuk-body">{t('quick.weaker')}</p>
        </>
      )}
      {progress && progress.total > 1 && (
        <p class="govuk-body" role="status" data-testid="frame-progress">{t('check.progress', { received: progress.received, total: progress.total })}</p>
      )}
      {/* One camera for the whole answer: it reads each code of the holder's loop in turn (a scanner
          restarted per code saw the code it had just read and stopped there, at "Read 1 of 4"). */}
      {scanning && <QrScanner key={request.requestId} continuous unavailableText={t('check.scanUnavailable')} onResult={(text) => void addFrame(request, text, 'scan-response')} />}
      <ScanFromImage id="response-image" onResult={(text) => void addFrame(request, text, 'response-image')}
        error={errorFor(errors, 'response-image')} onError={(text) => setErrors([{ field: 'response-image', text }])} />
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={next} disabled={start.busy}>{t('check.startAgain')}</button>
      </div>
    </>
  );
}
