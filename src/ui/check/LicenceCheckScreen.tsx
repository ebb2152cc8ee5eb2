/**
 * "Check a driving licence" (/check/licence): Satchel as an ISO/IEC 18013-5 reader, checking a
 * licence held in any wallet app, in person, over Bluetooth, with no signal (docs/sharing.md).
 * Choose what to ask → scan the code on their phone (the device engagement, §8.2) → "Connect by
 * Bluetooth" (a click: the browser's device chooser only opens from one) → the result.
 *
 * Names the e2e tests drive (keep them stable): the radios #purpose-over-18, #purpose-identity,
 * #purpose-driving; the name field #verifier-name; the buttons "Scan their code", "Connect by
 * Bluetooth", "Start again", "Check the next person", "Keep a record of this check"; the picture
 * field #engagement-image ("Use a picture of the code"); the live region data-testid
 * "reader-progress"; the result data-testid "check-result".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckResult, ProximityCheck, ProximityStep } from '../../wallet/check';
import type { Purpose } from '../../wallet/shared';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import type { Language, Translate } from '../i18n/translate';
import { Link } from '../router';
import { CheckResultView } from '../share/CheckResultView';
import { CheckResultActions } from './CheckResultActions';
import { CHECK_PURPOSES } from '../share/check-purposes';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';
import { AskThisDevice } from './AskThisDevice';
import { PurposeRadios, type PurposeOption } from './PurposeRadios';
import { canConnectAgain, readerErrorMessage } from './reader-error-message';
import { readerWords, type ReaderWords } from './reader-words';
import { hasWebBluetooth } from './web-bluetooth';

/** A problem to show, worded in the language of the moment. */
interface Problem {
  field: string;
  say: (words: ReaderWords, t: Translate, language: Language) => string;
}

type Step =
  | { name: 'choose' }
  | { name: 'scan' }
  /** `connecting` while checkInPerson runs; `canRetry` after it failed in a way connecting again can fix. */
  | { name: 'connect'; check: ProximityCheck; progress?: ProximityStep; connecting: boolean; canRetry: boolean }
  | { name: 'result'; requestId: string; result: CheckResult; kept: boolean };

/** What a driving licence can answer (src/wallet/shared/purposes.ts: each has an mDL answer). */
const LICENCE_PURPOSES: readonly Purpose[] = ['over-18', 'identity', 'driving'];
const IMAGE_FIELD = 'engagement-image';
const CONNECT_FIELD = 'connect-bluetooth';
const START_AGAIN_FIELD = 'start-again';

export function LicenceCheckScreen() {
  const { t, language } = useI18n();
  const w = readerWords(language);
  const { checker } = useShare();
  const [bluetooth] = useState(() => hasWebBluetooth());
  const [step, setStep] = useState<Step>({ name: 'choose' });
  // The least it can ask, as on the Satchel check: only whether they are 18 or over.
  const [purpose, setPurpose] = useState<Purpose>('over-18');
  const [verifierName, setVerifierName] = useState('');
  // What went wrong is kept, not its words, so that switching language words it again.
  const [problems, setProblems] = useState<Problem[]>([]);
  const errors: FieldError[] = problems.map(({ field, say }) => ({ field, text: say(w, t, language) }));
  // A new camera after each code that could not be used (the scanner stops at the first code it reads).
  const [scanAttempt, setScanAttempt] = useState(0);
  // Which attempt's answer the screen still wants: "Start again", a new attempt or leaving the screen bumps it.
  const attempt = useRef(0);

  // Leaving the screen forgets every check, completed or partial (claims, portraits, reader keys).
  useEffect(() => () => {
    attempt.current++;
    checker.discardAll();
  }, [checker]);

  const options: PurposeOption[] = CHECK_PURPOSES.filter(({ purpose: p }) => LICENCE_PURPOSES.includes(p))
    .map(({ purpose: p, label, hint }) => ({ purpose: p, label: t(label), hint: t(hint) }));

  /** A verified answer, from Bluetooth (below) or another way of asking mounted on this screen. */
  const showResult = (requestId: string, result: CheckResult) => {
    setProblems([]);
    setStep({ name: 'result', requestId, result, kept: false });
  };

  const toScan = () => {
    attempt.current++;
    setProblems([]);
    setScanAttempt((n) => n + 1);
    setStep({ name: 'scan' });
  };

  const choose = (event: Event) => {
    event.preventDefault();
    if (!verifierName.trim()) return setProblems([{ field: 'verifier-name', say: (_w, tr) => tr('check.error.noName') }]);
    toScan();
  };

  const readEngagement = async (qr: string, field: string) => {
    const mine = ++attempt.current;
    try {
      const check = await checker.readEngagement({ qr, purpose, verifierName: verifierName.trim() });
      if (mine !== attempt.current) return checker.discard(check.requestId);
      setProblems([]);
      setStep({ name: 'connect', check, connecting: false, canRetry: true });
    } catch (error) {
      if (mine !== attempt.current) return;
      setProblems([{ field, say: (words, tr) => readerErrorMessage(words, tr, error, qr) }]);
      setScanAttempt((n) => n + 1);
    }
  };

  // Called straight from the click: Web Bluetooth's requestDevice needs the user's gesture.
  const connect = async (check: ProximityCheck) => {
    const mine = ++attempt.current;
    setProblems([]);
    setStep({ name: 'connect', check, progress: 'connecting', connecting: true, canRetry: true });
    try {
      const result = await checker.checkInPerson(check.requestId, {
        onProgress: (progress) => mine === attempt.current && setStep({ name: 'connect', check, progress, connecting: true, canRetry: true }),
      });
      if (mine === attempt.current) showResult(check.requestId, result);
    } catch (error) {
      if (mine !== attempt.current) return;
      const canRetry = canConnectAgain(error);
      setStep({ name: 'connect', check, connecting: false, canRetry });
      // The summary links to what to do next: connect again, or start again.
      setProblems([{ field: canRetry ? CONNECT_FIELD : START_AGAIN_FIELD, say: (words, tr) => readerErrorMessage(words, tr, error) }]);
    }
  };

  /** "Start again" while connecting, and "Check the next person": forget this check, scan a new code. */
  const again = (requestId: string) => {
    checker.discard(requestId);
    toScan();
  };

  if (step.name === 'choose') {
    if (!bluetooth) {
      return (
        <>
          <ScreenHeading>{w('title')}</ScreenHeading>
          <h2 class="govuk-heading-m">{w('noBluetooth.title')}</h2>
          <p class="govuk-body" data-testid="no-bluetooth">{w('noBluetooth.body')}</p>
          <Link class="govuk-button" href="/check">{w('satchelLink')}</Link>
        </>
      );
    }
    return (
      <form onSubmit={choose} noValidate>
        <ErrorSummary errors={errors} />
        <ScreenHeading>{w('title')}</ScreenHeading>
        <p class="govuk-body">{w('intro')}</p>
        <PurposeRadios legend={t('check.purposeLegend')} options={options} value={purpose} onChange={setPurpose} />
        <TextField id="verifier-name" label={t('check.nameLabel')} hint={w('nameHint')} value={verifierName}
          onInput={setVerifierName} autocomplete="organization" error={errorFor(errors, 'verifier-name')} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button">{w('start')}</button>
          {/* Other ways of asking that end in a CheckResult mount here and call showResult(requestId, result). */}
          <AskThisDevice purpose={purpose} verifierName={verifierName} onResult={showResult} />
        </div>
        <p class="govuk-body-s">{t('check.intro')}</p>
        <p class="govuk-body-s"><Link class="govuk-link" href="/check">{w('satchelLink')}</Link></p>
      </form>
    );
  }

  if (step.name === 'scan') {
    return (
      <>
        <ErrorSummary errors={errors} />
        <ScreenHeading>{w('scan.title')}</ScreenHeading>
        <p class="govuk-body">{w('scan.intro')}</p>
        <QrScanner key={scanAttempt} unavailableText={t('check.scanUnavailable')} onResult={(text) => void readEngagement(text, IMAGE_FIELD)} />
        <ScanFromImage id={IMAGE_FIELD} onResult={(text) => void readEngagement(text, IMAGE_FIELD)}
          error={errorFor(errors, IMAGE_FIELD)} onError={(text) => setProblems([{ field: IMAGE_FIELD, say: () => text }])} />
        <div class="govuk-button-group">
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => { attempt.current++; setProblems([]); setStep({ name: 'choose' }); }}>
            {t('check.startAgain')}
          </button>
        </div>
        <p class="govuk-body-s"><Link class="govuk-link" href="/check">{w('satchelLink')}</Link></p>
      </>
    );
  }

  if (step.name === 'connect') {
    const { check, progress, connecting, canRetry } = step;
    return (
      <>
        <ErrorSummary errors={errors} />
        <ScreenHeading>{w('connect.title')}</ScreenHeading>
        <p class="govuk-body">{w('connect.intro')}</p>
        {/* Always in the page, so a screen reader announces each step as its words change. */}
        <p class="govuk-body govuk-!-font-weight-bold" role="status" data-testid="reader-progress">{connecting && progress ? w(`step.${progress}`) : ''}</p>
        <div class="govuk-button-group">
          {canRetry && (
            <button type="button" id={CONNECT_FIELD} class="govuk-button" disabled={connecting} onClick={() => void connect(check)}>{w('connect.button')}</button>
          )}
          {/* When connecting again cannot help, starting again is the one thing to do: the main button. */}
          <button type="button" id={START_AGAIN_FIELD} class={canRetry ? 'govuk-button govuk-button--secondary' : 'govuk-button'} onClick={() => again(check.requestId)}>{t('check.startAgain')}</button>
        </div>
      </>
    );
  }

  return (
    <>
      <CheckResultView result={step.result} />
      <CheckResultActions nextLabel={t('check.next')} onNext={() => again(step.requestId)} kept={step.kept}
        onKeep={() => void checker.keepRecord(step.requestId).then(() => setStep({ ...step, kept: true }),
          (error) => setProblems([{ field: 'keep', say: (_w, tr, lang) => shareErrorMessage(tr, error, lang) }]))} />
      <ErrorSummary errors={errors} />
    </>
  );
}
