import { useEffect, useState } from 'preact/hooks';
import { ShareError, type QrFrames, type ShareAnswer, type ShareCandidate, type ShareRequest } from '../../wallet/share';
import type { ClaimPath } from '../../wallet/shared';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { QrFramesView } from '../components/qr/QrCode';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { CandidateSummary, candidateLine } from '../share/CandidateSummary';
import { ClaimChoice, pathKey, WholeCredential } from '../share/ClaimChoice';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';
import { RefusedRequest } from '../share/RefusedRequest';
import { WarningText, WhoIsAsking } from '../share/WhoIsAsking';
import { whoIsAskingWords } from '../share/who-is-asking-words';
import { localise } from '../components/LocalisedText';
import { nameText } from '../i18n/names';

type Step =
  | { name: 'read' }
  | { name: 'refused'; error: ShareError }
  | { name: 'consent'; request: ShareRequest }
  | { name: 'shown'; qr: QrFrames }
  | { name: 'declined'; request: ShareRequest; verifierTold: boolean };

/** Share with someone who shows a request code (in person) or a service that asks online. */
export function ShareScreen() {
  const { t, language } = useI18n();
  const { sharer } = useShare();
  const [step, setStep] = useState<Step>({ name: 'read' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Where a verifier told "no" asks the person to continue (OpenID4VP 1.0 §8.2 redirect_uri).
  const [returnTo, setReturnTo] = useState<string | undefined>();
  const read = async (input: string, field: string) => {
    try {
      setErrors([]);
      setReturnTo(undefined);
      setStep({ name: 'consent', request: await sharer.readRequest(input) });
    } catch (error) {
      // A signer Satchel could not confirm gets a page of its own: why, and what to do.
      if (error instanceof ShareError && error.code === 'verifier-untrusted') return setStep({ name: 'refused', error });
      setErrors([{ field, text: shareErrorMessage(t, error, language) }]);
      if (error instanceof ShareError) setReturnTo(error.details.redirectUri);
    }
  };
  // Opened from a same-device OpenID4VP link (…/share?request_uri=… or ?request=…).
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (params.has('request_uri') || params.has('request') || params.has('client_id')) void read(location.href, 'request-text');
  }, []);

  if (step.name === 'consent') {
    return <Consent request={step.request} onShown={(qr) => setStep({ name: 'shown', qr })}
      onDeclined={(verifierTold) => setStep({ name: 'declined', request: step.request, verifierTold })} />;
  }
  if (step.name === 'refused') return <RefusedRequest error={step.error} onAgain={() => setStep({ name: 'read' })} />;
  if (step.name === 'declined') return <Declined request={step.request} verifierTold={step.verifierTold} />;
  if (step.name === 'shown') {
    return (
      <>
        <ScreenHeading>{t('share.showTitle')}</ScreenHeading>
        <p class="govuk-body">{t('share.showIntro')}</p>
        <QrFramesView qr={step.qr} label={t('share.responseQrLabel')} testId="response-qr" />
        <p class="govuk-body"><Link class="govuk-link" href="/">{t('share.done')}</Link></p>
      </>
    );
  }
  return <ReadRequest errors={errors} onInput={read} onError={(field, text) => setErrors([{ field, text }])} returnTo={returnTo} />;
}

function ReadRequest({ errors, onInput, onError, returnTo }: { errors: FieldError[]; onInput(text: string, field: string): Promise<void>; onError(field: string, text: string): void; returnTo?: string | undefined }) {
  const { t } = useI18n();
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const paste = useSubmit(() => onInput(text.trim(), 'request-text'));
  return (
    <>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('share.title')}</ScreenHeading>
      {returnTo && <p class="govuk-body"><a class="govuk-link" href={returnTo} data-testid="return-to">{t('share.returnTo', { origin: new URL(returnTo).origin })}</a></p>}
      <p class="govuk-body">{t('share.intro')}</p>
      {scanning
        ? <QrScanner onResult={(value) => { setScanning(false); void onInput(value, 'request-image'); }} />
        : <button type="button" class="govuk-button" onClick={() => setScanning(true)}>{t('add.openCamera')}</button>}
      <ScanFromImage id="request-image" onResult={(value) => void onInput(value, 'request-image')}
        error={errorFor(errors, 'request-image')} onError={(text) => onError('request-image', text)} />
      <form onSubmit={paste.submit} noValidate>
        <TextField id="request-text" label={t('share.pasteLabel')} value={text} onInput={setText} autocomplete="off"
          error={errorFor(errors, 'request-text')} />
        <button type="submit" class="govuk-button govuk-button--secondary" disabled={paste.busy}>{t('form.continue')}</button>
      </form>
      <h2 class="govuk-heading-m">{t('share.quickTitle')}</h2>
      <p class="govuk-body">{t('share.quickIntro')}</p>
      <p class="govuk-body"><Link class="govuk-link" href="/share/quick">{t('share.quickLink')}</Link></p>
    </>
  );
}

/** After "Do not share": nothing was sent, and whether the waiting verifier knows (OpenID4VP 1.0 §8.5 access_denied). */
function Declined({ request, verifierTold }: { request: ShareRequest; verifierTold: boolean }) {
  const { t, language } = useI18n();
  // Name who was actually contacted: a registered verifier by its registered name (its certificate
  // names the response_uri's host); else the response_uri's origin, else the name they gave.
  const name = request.verifier?.kind === 'registered' ? localise(request.verifier.name, language) : request.responseOrigin ?? request.verifierName ?? '';
  const text = request.mode === 'in-person' ? t('declined.inPerson') : verifierTold ? t('declined.told', { name }) : t('declined.notTold', { name });
  return (
    <>
      <ScreenHeading>{t('declined.title')}</ScreenHeading>
      <p class="govuk-body" data-testid="declined">{text}</p>
      <p class="govuk-body"><Link class="govuk-link" href="/">{t('share.done')}</Link></p>
    </>
  );
}

const claimsOf = (keys: Set<string>): ClaimPath[] => [...keys].map((key) => JSON.parse(key) as ClaimPath);
const askedFor = (candidate: ShareCandidate | undefined) => new Set(candidate?.requested.map((c) => pathKey(c.path)));

/**
 * One consent screen for the whole answer: every credential query of the request (§6.4.2: all are
 * shared together, or none), each with the held credential that answers it (a choice when several
 * do), named by type, issuer and expiry (cancelled and expired ones are never offered),
 * what it shares (ticked, can be unticked; a credential shared whole says so) and what it does not.
 */
function Consent({ request, onShown, onDeclined }: { request: ShareRequest; onShown(qr: QrFrames): void; onDeclined(verifierTold: boolean): void }) {
  const { t, language } = useI18n();
  const { sharer } = useShare();
  const candidatesFor = (queryId: string) => request.candidates.filter((c) => c.queryId === queryId);
  const [picked, setPicked] = useState<Record<string, ShareCandidate | undefined>>(() =>
    Object.fromEntries(request.queryIds.map((q) => [q, candidatesFor(q)[0]])));
  const [chosen, setChosen] = useState<Record<string, Set<string>>>(() =>
    Object.fromEntries(request.queryIds.map((q) => [q, askedFor(candidatesFor(q)[0])])));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const complete = request.queryIds.every((q) => picked[q] && (chosen[q]?.size ?? 0) > 0);
  const share = useSubmit(async () => {
    if (!complete) return;
    const answers: ShareAnswer[] = request.queryIds.map((queryId) => ({ queryId, credentialId: picked[queryId]!.credentialId, claims: claimsOf(chosen[queryId]!) }));
    try {
      if (request.mode === 'online') {
        const { redirectUri } = await sharer.respondOnline(request.requestId, answers);
        if (redirectUri) location.assign(redirectUri);
        else navigate('/activity');
      } else {
        onShown(await sharer.respond(request.requestId, answers));
      }
    } catch (error) {
      setErrors([{ field: 'share', text: shareErrorMessage(t, error, language) }]);
    }
  });
  const decline = useSubmit(async () => {
    const { verifierTold, redirectUri } = await sharer.decline(request.requestId);
    // §8.2: the verifier's redirect_uri, after an error response too, is where the person continues.
    if (redirectUri) location.assign(redirectUri);
    else onDeclined(verifierTold);
  });
  const several = request.queryIds.length > 1;
  return (
    <form onSubmit={share.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('consent.title')}</ScreenHeading>
      <WhoIsAsking request={request} />
      {/* A registered verifier asking beyond its registration: said once, above the claims, each of which is marked. */}
      {request.verifier?.kind === 'registered' && request.candidates.some((c) => c.requested.some((r) => r.beyondRegistration)) && (
        <WarningText testId="beyond-registration" text={whoIsAskingWords(language)('consent.beyondRegistration', { name: localise(request.verifier.name, language) })} />
      )}
      {several && <p class="govuk-body" data-testid="several">{t('consent.several', { total: request.queryIds.length })}</p>}
      {request.queryIds.map((queryId, q) => {
        const candidates = candidatesFor(queryId);
        const candidate = picked[queryId];
        if (!candidate) return null;
        const ticked = chosen[queryId] ?? new Set<string>();
        const notChosen = [...candidate.requested, ...candidate.notShared].filter((c) => !ticked.has(pathKey(c.path)));
        const pick = (c: ShareCandidate) => {
          setPicked({ ...picked, [queryId]: c });
          setChosen({ ...chosen, [queryId]: askedFor(c) });
        };
        return (
          <section key={queryId} data-testid={`query-${queryId}`}>
            {several && <h2 class="govuk-heading-m">{t('consent.part', { n: q + 1, total: request.queryIds.length, type: nameText(candidate.typeName, language) })}</h2>}
            {candidates.length > 1 && (
              <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('consent.which')}</legend>
                  <div class="govuk-radios">
                    {candidates.map((c, i) => {
                      const id = several ? `candidate-${q}-${i}` : `candidate-${i}`;
                      const { title, validity } = candidateLine(c, t, language);
                      return (
                        <div class="govuk-radios__item" key={c.credentialId}>
                          <input class="govuk-radios__input" id={id} type="radio" name={`candidate-${queryId}`} aria-describedby={validity ? `${id}-hint` : undefined}
                            checked={c.credentialId === candidate.credentialId} onChange={() => pick(c)} />
                          <label class="govuk-label govuk-radios__label" for={id}>{title}</label>
                          {validity && <div id={`${id}-hint`} class="govuk-hint govuk-radios__hint">{validity}</div>}
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </div>
            )}
            {candidates.length === 1 && <CandidateSummary candidate={candidate} testId={several ? `candidate-${queryId}` : 'candidate'} />}
            {candidate.whole
              ? <WholeCredential statement={t('consent.whole', { type: nameText(candidate.typeName, language) })} claims={candidate.requested} beyondHint={whoIsAskingWords(language)('consent.beyondHint')} />
              : <ClaimChoice legend={t('consent.willShare')} claims={candidate.requested} chosen={ticked} idPrefix={several ? `claim-${q}` : 'claim'} retainedHint={t('consent.retained')}
                beyondHint={whoIsAskingWords(language)('consent.beyondHint')} onChange={(next) => setChosen({ ...chosen, [queryId]: next })} />}
            {/* One line, not a list: with the credential named above, the Share button stays on a phone's first screen. */}
            {notChosen.length > 0 && (
              <p class="govuk-body-s" data-testid={several ? `not-shared-${queryId}` : 'not-shared'}>
                <strong>{t('consent.willNotShare')}:</strong> {notChosen.map((c) => nameText(c.label, language)).join(', ')}
              </p>
            )}
          </section>
        );
      })}
      <div class="govuk-button-group">
        <button type="submit" id="share" class="govuk-button" disabled={share.busy || decline.busy || !complete}>{t('consent.share')}</button>
        <button type="button" id="decline" class="govuk-button govuk-button--secondary" disabled={share.busy || decline.busy} onClick={decline.submit}>{t('consent.cancel')}</button>
      </div>
    </form>
  );
}
