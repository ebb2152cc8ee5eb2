import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/receive-api';
import type { ClaimPath, Purpose, QrFrames } from '../../wallet/share-api';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { LocalisedText, localise } from '../components/LocalisedText';
import { QrFramesView } from '../components/qr/QrCode';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { useReceiver } from '../receive/ReceiverContext';
import { ClaimChoice, pathKey } from '../share/ClaimChoice';
import { PURPOSES } from '../share/purposes';
import { shareErrorMessage } from '../share/share-error-message';
import { useShare } from '../share/ShareContext';

/** Quick show: for when the checker cannot show a code. Weaker, and says so. */
export function QuickShowScreen() {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const { sharer } = useShare();
  const [credentials, setCredentials] = useState<CredentialView[]>([]);
  const [credentialId, setCredentialId] = useState<string>();
  const [claims, setClaims] = useState<{ path: ClaimPath; label: CredentialView['typeName'] }[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [qr, setQr] = useState<QrFrames>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  useEffect(() => {
    void receiver.listCredentials().then((list) => {
      setCredentials(list);
      setCredentialId(new URLSearchParams(location.search).get('credential') ?? list[0]?.id);
    });
  }, [receiver]);
  useEffect(() => {
    if (credentialId) void sharer.shareableClaims(credentialId).then((list) => { setClaims(list); setChosen(new Set()); });
  }, [credentialId]);
  const usePurpose = async (purpose: Purpose) => {
    if (credentialId) setChosen(new Set((await sharer.claimsForPurpose(credentialId, purpose)).map(pathKey)));
  };
  const show = useSubmit(async () => {
    if (!credentialId || chosen.size === 0) return setErrors([{ field: 'claim-0', text: t('quick.error.nothing') }]);
    try {
      setQr(await sharer.quickShow(credentialId, [...chosen].map((k) => JSON.parse(k) as ClaimPath)));
    } catch (error) {
      setErrors([{ field: 'claim-0', text: shareErrorMessage(t, error) }]);
    }
  });
  if (qr) {
    return (
      <>
        <ScreenHeading>{t('share.showTitle')}</ScreenHeading>
        <p class="govuk-body">{t('quick.shownIntro')}</p>
        <QrFramesView qr={qr} label={t('share.responseQrLabel')} testId="response-qr" />
        <p class="govuk-body"><Link class="govuk-link" href="/">{t('share.done')}</Link></p>
      </>
    );
  }
  return (
    <form onSubmit={show.submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('quick.title')}</ScreenHeading>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">{t('warning.prefix')}</span>{t('quick.weaker')}</strong>
      </div>
      {credentials.length > 1 && (
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="quick-credential">{t('consent.which')}</label>
          <select class="govuk-select" id="quick-credential" value={credentialId} onChange={(e) => setCredentialId((e.currentTarget as HTMLSelectElement).value)}>
            {credentials.map((c) => <option key={c.id} value={c.id}>{localise(c.typeName, language)}</option>)}
          </select>
        </div>
      )}
      {credentials.length === 1 && credentials[0] && <p class="govuk-body"><LocalisedText text={credentials[0].typeName} /></p>}
      <p class="govuk-body">{t('quick.purposes')}</p>
      <div class="govuk-button-group">
        {PURPOSES.map(({ purpose, label }) => (
          <button type="button" key={purpose} class="govuk-button govuk-button--secondary" onClick={() => void usePurpose(purpose)}>{t(label)}</button>
        ))}
      </div>
      <ClaimChoice legend={t('consent.willShare')} claims={claims} chosen={chosen} onChange={setChosen} />
      <button type="submit" class="govuk-button" disabled={show.busy}>{t('quick.show')}</button>
    </form>
  );
}
