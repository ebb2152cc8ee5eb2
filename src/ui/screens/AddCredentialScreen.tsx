import { useEffect, useState } from 'preact/hooks';
import { ReceiveError, type AcceptResult, type OfferSummary } from '../../wallet/receive';
import { ErrorSummary, errorFor, type FieldError } from '../components/form/ErrorSummary';
import { TextField } from '../components/form/TextField';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText } from '../components/LocalisedText';
import { QrScanner } from '../components/qr/QrScanner';
import { ScanFromImage } from '../components/qr/ScanFromImage';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import type { Translate } from '../i18n/translate';
import { Link, navigate } from '../router';
import { receiveErrorMessage } from '../receive/receive-error-message';
import { useReceiver } from '../receive/ReceiverContext';
import { consumeOfferLink } from '../receive/offer-link';
import { PENDING_OFFER_PARAM } from '../receive/pending-offer-link';

/**
 * An error kept as how to word it, not as words: worded at each render, so it follows the
 * language when the person switches it in place (as every other text on the screen does).
 */
interface ScreenError {
  field: string;
  words(t: Translate): string;
}

const worded = (errors: ScreenError[], t: Translate): FieldError[] => errors.map(({ field, words }) => ({ field, text: words(t) }));

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
  if (step.name === 'done') return <Added result={step.result} offer={step.offer} />;
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
    </>
  );
}

function ReviewOffer({ offer, onDone }: { offer: OfferSummary; onDone(result: AcceptResult): void }) {
  const { t } = useI18n();
  const receiver = useReceiver();
  const [code, setCode] = useState('');
  const [screenErrors, setErrors] = useState<ScreenError[]>([]);
  const errors = worded(screenErrors, t);
  // After a refused code the offer is kept for another try; the person may instead give up on it.
  const [codeRefused, setCodeRefused] = useState(false);
  const accept = useSubmit(async () => {
    if (offer.txCode && !code.trim()) return setErrors([{ field: 'tx-code', words: (tr) => tr('review.error.noCode') }]);
    try {
      onDone(await receiver.accept(offer.offerId, offer.txCode ? code.trim() : undefined));
    } catch (error) {
      setCodeRefused(error instanceof ReceiveError && (error.code === 'wrong-tx-code' || error.code === 'tx-code-refused'));
      setErrors([{ field: offer.txCode ? 'tx-code' : 'accept', words: (tr) => receiveErrorMessage(tr, error) }]);
    }
  });
  return (
    <form onSubmit={accept.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('review.title')}</ScreenHeading>
      {/* On a phone's first screen: the key facts (who from, what, for whom), the code and
          "Add to Satchel"; what the credential contains is behind its count, what Satchel checks under the buttons. */}
      <dl class="govuk-summary-list" data-testid="offer-summary">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('review.issuer')}</dt>
          <dd class="govuk-summary-list__value"><LocalisedText text={offer.issuer.name} /></dd>
        </div>
        {offer.credentials.map((credential) => (
          <div class="govuk-summary-list__row" key={credential.configurationId}>
            <dt class="govuk-summary-list__key">{t('review.credential')}</dt>
            <dd class="govuk-summary-list__value">
              <LocalisedText text={credential.name} />
              {credential.claims.length > 0 && (
                <details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="offer-claims">
                  <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{t('review.contains', { count: credential.claims.length })}</span>
                  </summary>
                  <div class="govuk-details__text">
                    <ul class="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-0">
                      {credential.claims.map((claim, i) => <li key={i}><LocalisedText text={claim} /></li>)}
                    </ul>
                  </div>
                </details>
              )}
            </dd>
          </div>
        ))}
        {/* An OpenID4VCI offer names no holder (§4.1.1): who it is for is only known once issued (docs/issuers.md). */}
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('review.for')}</dt>
          <dd class="govuk-summary-list__value">{t('review.forValue')}</dd>
        </div>
      </dl>
      {offer.txCode && (
        <TextField id="tx-code" label={t('review.codeLabel')} hint={t('review.codeHint')} value={code} onInput={setCode}
          inputMode={offer.txCode.inputMode === 'numeric' ? 'numeric' : 'text'} autocomplete="one-time-code"
          widthClass="govuk-input--width-10" error={errorFor(errors, 'tx-code')} />
      )}
      <div class="govuk-button-group">
        <button type="submit" id="accept" class="govuk-button" disabled={accept.busy} aria-disabled={accept.busy}>
          {accept.busy ? t('review.working') : t('review.accept')}
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" disabled={accept.busy}
          onClick={() => void receiver.decline(offer.offerId).finally(() => navigate('/'))}>
          {codeRefused ? t('review.remove') : t('review.decline')}
        </button>
      </div>
      {/* By value, the pre-authorised code is first checked at the token endpoint (OpenID4VCI §6): nothing is saved if it fails. */}
      {!offer.issuerConfirmedOffer && (
        <p class="govuk-body" data-testid="checked-on-add">{offer.txCode ? t('review.checkedOnAddWithCode') : t('review.checkedOnAdd')}</p>
      )}
      <p class="govuk-body">{t('review.checks')}</p>
    </form>
  );
}

function Added({ result, offer }: { result: AcceptResult; offer: OfferSummary }) {
  const { t } = useI18n();
  const [first] = offer.credentials;
  return (
    <>
      {result.status === 'stored' ? (
        <div class="govuk-panel govuk-panel--confirmation">
          <ScreenHeading class="govuk-panel__title">{t('added.title')}</ScreenHeading>
          <div class="govuk-panel__body">{first && <LocalisedText text={first.name} />}</div>
        </div>
      ) : (
        <ScreenHeading>{result.status === 'queued' ? t('added.queuedTitle') : t('added.deferredTitle')}</ScreenHeading>
      )}
      <p class="govuk-body">
        {result.status === 'stored' ? t('added.body') : result.status === 'queued' ? t('added.queuedBody') : t('added.deferredBody')}
      </p>
      <p class="govuk-body">
        {result.status === 'stored' && result.credentialIds[0]
          ? <Link class="govuk-link" href={`/credential/${encodeURIComponent(result.credentialIds[0])}`}>{t('added.view')}</Link>
          : <Link class="govuk-link" href="/">{t('added.home')}</Link>}
      </p>
    </>
  );
}
