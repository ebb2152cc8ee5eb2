/**
 * "Check a paper card" (/check/card, issue 17): scan the QR code printed on a card (camera or a
 * picture) and check it on this phone with no signal — issuer on the trust list, signature, type,
 * validity, cancellation from cached lists (Checker.checkPaperCard). A card is not linked to a
 * phone, so every result says, big and first, to compare the name and photo with the person.
 *
 * Names the e2e tests drive (keep them stable): the picture field #card-image; the buttons "Check
 * the next card", "Keep a record of this check"; the result data-testid "check-result"; the warning
 * data-testid "paper-not-bound".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckResult } from '../../wallet/check';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import type { Language, Translate } from '../i18n/translate';
import { Link } from '../router';
import { CheckResultView } from '../share/CheckResultView';
import { CheckResultActions } from './CheckResultActions';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';
import { paperCardErrorMessage } from './paper-card-error-message';
import { paperCardWords, type PaperCardWords } from './paper-card-words';

/** The reason every paper card's result carries (src/wallet/check/paper-check.ts), said here as the warning. */
const NOT_BOUND = 'paper:not-bound';
const IMAGE_FIELD = 'card-image';

/** A problem to show, worded in the language of the moment. */
interface Problem {
  field: string;
  say: (words: PaperCardWords, t: Translate, language: Language) => string;
}

type Step = { name: 'scan' } | { name: 'result'; requestId: string; result: CheckResult; kept: boolean };

export function PaperCardCheckScreen() {
  const { t, language } = useI18n();
  const w = paperCardWords(language);
  const { checker } = useShare();
  const [step, setStep] = useState<Step>({ name: 'scan' });
  // What went wrong is kept, not its words, so that switching language words it again.
  const [problems, setProblems] = useState<Problem[]>([]);
  const errors: FieldError[] = problems.map(({ field, say }) => ({ field, text: say(w, t, language) }));
  // A new camera after each code that could not be used (the scanner stops at the first code it reads).
  const [scanAttempt, setScanAttempt] = useState(0);
  // Which scan's result the screen still wants: "Check the next card" or leaving the screen bumps it.
  const attempt = useRef(0);

  // Leaving the screen forgets every check (the claims read from cards).
  useEffect(() => () => {
    attempt.current++;
    checker.discardAll();
  }, [checker]);

  const check = async (code: string) => {
    const mine = ++attempt.current;
    try {
      const { requestId, result } = await checker.checkPaperCard(code);
      if (mine !== attempt.current) return checker.discard(requestId);
      setProblems([]);
      setStep({ name: 'result', requestId, result, kept: false });
    } catch (error) {
      if (mine !== attempt.current) return;
      setProblems([{ field: IMAGE_FIELD, say: (words, tr) => paperCardErrorMessage(words, tr, error, code) }]);
      setScanAttempt((n) => n + 1);
    }
  };

  const next = (requestId: string) => {
    checker.discard(requestId);
    attempt.current++;
    setProblems([]);
    setScanAttempt((n) => n + 1);
    setStep({ name: 'scan' });
  };

  if (step.name === 'scan') {
    return (
      <>
        <ErrorSummary errors={errors} />
        <ScreenHeading>{w('title')}</ScreenHeading>
        <p class="govuk-body">{w('intro')}</p>
        <QrScanner key={scanAttempt} unavailableText={t('check.scanUnavailable')} onResult={(text) => void check(text)} />
        <ScanFromImage id={IMAGE_FIELD} onResult={(text) => void check(text)}
          error={errorFor(errors, IMAGE_FIELD)} onError={(text) => setProblems([{ field: IMAGE_FIELD, say: () => text }])} />
        <p class="govuk-body-s"><Link class="govuk-link" href="/check">{w('satchelLink')}</Link></p>
      </>
    );
  }

  const { result } = step;
  const notBound = result.reasons.some((r) => r.code === NOT_BOUND);
  // The warning says it first and big; the list of checks need not say it again.
  const shown: CheckResult = { ...result, reasons: result.reasons.filter((r) => r.code !== NOT_BOUND) };
  return (
    <>
      <CheckResultView result={shown}>
        {notBound && (
          <div class="govuk-warning-text" data-testid="paper-not-bound">
            <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong class="govuk-warning-text__text govuk-!-font-size-24">
              <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
              {w('notBound')}
            </strong>
          </div>
        )}
      </CheckResultView>
      <CheckResultActions nextLabel={w('next')} onNext={() => next(step.requestId)} kept={step.kept}
        onKeep={() => void checker.keepRecord(step.requestId).then(() => setStep({ ...step, kept: true }),
          (error) => setProblems([{ field: 'keep', say: (_w, tr, lang) => shareErrorMessage(tr, error, lang) }]))} />
      <ErrorSummary errors={errors} />
    </>
  );
}
