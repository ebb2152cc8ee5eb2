import { useEffect, useState } from 'preact/hooks';
import type { AcceptResult, OfferSummary } from '../../wallet/receive';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText } from '../components/LocalisedText';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { OfferAdded } from '../receive/OfferAdded';
import { receiveErrorMessage } from '../receive/receive-error-message';
import { useReceiver } from '../receive/ReceiverContext';
import { consumeOfferLink } from '../receive/offer-link';
import { PENDING_OFFER_PARAM } from '../receive/pending-offer-link';
import { ReviewOffer, worded, type ScreenError } from '../receive/ReviewOffer';

type Step =
  | { name: 'choose' }
  | { name: 'review'; offer: OfferSummary }
  | { name: 'done'; result: AcceptResult; offer: OfferSummary };

/**
 * Add a credential: read an offer (camera, picture, pasted text, or the link that opened the
 * app), show who is issuing what, and only then, with the person's agreement, fetch it.
 */
export function AddCredentialScreen() {
  const receiver = useReceiver();
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [errors, setErrors] = useState<ScreenError[]>([]);
  const read = async (input: string, field: string) => {
    setErrors([]);
    try {
      setStep({ name: 'review', offer: await receiver.readOffer(input) });
    } catch (error) {
      setErrors([{ field, words: (tr) => receiveErrorMessage(tr, error) }]);
    }
  };
  useEffect(() => {
    // Opened from an offer link (…/offer?credential_offer=… or ?credential_offer_uri=…), already out of the address bar.
    const link = consumeOfferLink();
    if (link) void read(link, 'offer-text');
    const params = new URLSearchParams(location.search);
    // Opened from "On their way" to review an offer kept earlier (read offline, or its code refused).
    const pendingId = params.get(PENDING_OFFER_PARAM);
    if (pendingId) {
      void receiver.pendingOffers().then((offers) => {
        const summary = offers.find((o) => o.offerId === pendingId)?.summary;
        if (summary) setStep({ name: 'review', offer: summary });
      }, () => undefined);
    }
  }, []);

  if (step.name === 'review') {
    return <ReviewOffer offer={step.offer} onDone={(result) => setStep({ name: 'done', result, offer: step.offer })} />;
  }
  if (step.name === 'done') {
    const [first] = step.offer.credentials;
    return <OfferAdded result={step.result} name={first && <LocalisedText text={first.name} />} />;
  }
  return <ChooseInput errors={worded(errors, t)} onInput={read} onError={(field, text) => setErrors([{ field, words: () => text }])} />;
}

function ChooseInput({ errors, onInput, onError }: {
  errors: FieldError[];
  onInput(text: string, field: string): Promise<void>;
  onError(field: string, text: string): void;
}) {
  const { t } = useI18n();
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const paste = useSubmit(() => onInput(text.trim(), 'offer-text'));
  return (
    <>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('add.title')}</ScreenHeading>
      <p class="govuk-body">{t('add.intro')}</p>

      <h2 class="govuk-heading-m">{t('add.scanTitle')}</h2>
      {scanning ? (
        <QrScanner onResult={(value) => { setScanning(false); void onInput(value, 'scan'); }} />
      ) : (
        <button type="button" id="scan" class="govuk-button" onClick={() => setScanning(true)}>{t('add.openCamera')}</button>
      )}
      {errorFor(errors, 'scan') && <p class="govuk-error-message">{errorFor(errors, 'scan')}</p>}
      <ScanFromImage id="offer-image" onResult={(value) => void onInput(value, 'offer-image')}
        error={errorFor(errors, 'offer-image')} onError={(text) => onError('offer-image', text)} />

      <h2 class="govuk-heading-m">{t('add.pasteTitle')}</h2>
      <form onSubmit={paste.submit} noValidate>
        <TextField id="offer-text" label={t('add.pasteLabel')} hint={t('add.pasteHint')} value={text} onInput={setText}
          autocomplete="off" error={errorFor(errors, 'offer-text')} />
        <button type="submit" class="govuk-button govuk-button--secondary" disabled={paste.busy}>{t('form.continue')}</button>
      </form>
      {/* No QR code or link: some departments issue after the person signs in (OpenID4VCI 1.0 §3.4, wallet-initiated). */}
      <p class="govuk-body"><Link class="govuk-link" href="/get-credential">{t('getCredential.title')}</Link></p>
    </>
  );
}
