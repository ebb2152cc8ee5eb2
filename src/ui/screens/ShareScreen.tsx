import { useEffect, useState } from 'preact/hooks';
import { ShareError, type QrFrames, type ShareRequest } from '../../wallet/share';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { QrFramesView } from '../components/qr/QrCode';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';
import { RefusedRequest } from '../share/RefusedRequest';
import { ShareConsent } from '../share/ShareConsent';
import { localise } from '../components/LocalisedText';

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
    return <ShareConsent request={step.request} onShown={(qr) => setStep({ name: 'shown', qr })}
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
