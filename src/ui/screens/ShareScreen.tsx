import { useEffect, useState } from 'preact/hooks';
import type { ClaimPath, QrFrames, ShareRequest } from '../../wallet/share-api';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText } from '../components/LocalisedText';
import { QrFramesView } from '../components/qr/QrCode';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { ClaimChoice, pathKey } from '../share/ClaimChoice';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';

type Step = { name: 'read' } | { name: 'consent'; request: ShareRequest } | { name: 'shown'; qr: QrFrames };

/** Share with someone who shows a request code (in person) or a service that asks online. */
export function ShareScreen() {
  const { t } = useI18n();
  const { sharer } = useShare();
  const [step, setStep] = useState<Step>({ name: 'read' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const read = async (input: string, field: string) => {
    try {
      setErrors([]);
      setStep({ name: 'consent', request: await sharer.readRequest(input) });
    } catch (error) {
      setErrors([{ field, text: shareErrorMessage(t, error) }]);
    }
  };
  // Opened from a same-device OpenID4VP link (…/share?request_uri=… or ?request=…).
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (params.has('request_uri') || params.has('request') || params.has('client_id')) void read(location.href, 'request-text');
  }, []);

  if (step.name === 'consent') return <Consent request={step.request} onShown={(qr) => setStep({ name: 'shown', qr })} />;
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
  return <ReadRequest errors={errors} onInput={read} />;
}

function ReadRequest({ errors, onInput }: { errors: FieldError[]; onInput(text: string, field: string): Promise<void> }) {
  const { t } = useI18n();
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const paste = useSubmit(() => onInput(text.trim(), 'request-text'));
  return (
    <>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('share.title')}</ScreenHeading>
      <p class="govuk-body">{t('share.intro')}</p>
      {scanning
        ? <QrScanner onResult={(value) => { setScanning(false); void onInput(value, 'request-image'); }} />
        : <button type="button" class="govuk-button" onClick={() => setScanning(true)}>{t('add.openCamera')}</button>}
      <ScanFromImage id="request-image" onResult={(value) => void onInput(value, 'request-image')} />
      {errorFor(errors, 'request-image') && <p class="govuk-error-message">{errorFor(errors, 'request-image')}</p>}
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

function Consent({ request, onShown }: { request: ShareRequest; onShown(qr: QrFrames): void }) {
  const { t } = useI18n();
  const { sharer } = useShare();
  const [candidateIndex, setCandidateIndex] = useState(0);
  const candidate = request.candidates[candidateIndex];
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(candidate?.requested.map((c) => pathKey(c.path))));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const share = useSubmit(async () => {
    if (!candidate) return;
    const claims: ClaimPath[] = [...chosen].map((key) => JSON.parse(key) as ClaimPath);
    try {
      if (request.mode === 'online') {
        const { redirectUri } = await sharer.respondOnline(request.requestId, candidate.credentialId, claims);
        if (redirectUri) location.assign(redirectUri);
        else navigate('/activity');
      } else {
        onShown(await sharer.respond(request.requestId, candidate.credentialId, claims));
      }
    } catch (error) {
      setErrors([{ field: 'share', text: shareErrorMessage(t, error) }]);
    }
  });
  if (!candidate) return null;
  const notChosen = [...candidate.requested, ...candidate.notShared].filter((c) => !chosen.has(pathKey(c.path)));
  return (
    <form onSubmit={share.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('consent.title')}</ScreenHeading>
      <p class="govuk-body-l" data-testid="requester">
        {request.verifierName ? t('consent.asker', { name: request.verifierName }) : t('consent.askerUnknown')}
      </p>
      {request.verifierName && <p class="govuk-body-s">{t('consent.askerUnverified')}</p>}
      {request.responseOrigin && <p class="govuk-body" data-testid="response-origin">{t('consent.sentTo', { origin: request.responseOrigin })}</p>}
      {request.candidates.length > 1 && (
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('consent.which')}</legend>
            <div class="govuk-radios">
              {request.candidates.map((c, i) => (
                <div class="govuk-radios__item" key={c.credentialId}>
                  <input class="govuk-radios__input" id={`candidate-${i}`} type="radio" name="candidate" checked={i === candidateIndex}
                    onChange={() => { setCandidateIndex(i); setChosen(new Set(c.requested.map((r) => pathKey(r.path)))); }} />
                  <label class="govuk-label govuk-radios__label" for={`candidate-${i}`}><LocalisedText text={c.typeName} /></label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <ClaimChoice legend={t('consent.willShare')} claims={candidate.requested} chosen={chosen} onChange={setChosen} />
      <h2 class="govuk-heading-s">{t('consent.willNotShare')}</h2>
      <ul class="govuk-list govuk-list--bullet" data-testid="not-shared">
        {notChosen.map((c) => <li key={pathKey(c.path)}><LocalisedText text={c.label} /></li>)}
      </ul>
      <div class="govuk-button-group">
        <button type="submit" id="share" class="govuk-button" disabled={share.busy || chosen.size === 0}>{t('consent.share')}</button>
        <Link class="govuk-link" href="/">{t('consent.cancel')}</Link>
      </div>
    </form>
  );
}
