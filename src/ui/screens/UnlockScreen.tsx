import { useEffect, useState } from 'preact/hooks';
import { VaultError } from '../../wallet/vault';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { PinField } from '../vault/PinField';
import { waitingOfferLink } from '../receive/offer-link';
import { useCountdown, type Clock, systemClock } from '../vault/useCountdown';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

/**
 * Unlock with the PIN or, where set up, the phone's screen lock (passkey). When an offer link
 * opened the app, says that unlocking is what adds the credential. `clock` is for tests.
 */
export function UnlockScreen({ clock = systemClock }: { clock?: Clock }) {
  const { t } = useI18n();
  const [offerLink] = useState(waitingOfferLink);
  const { vault } = useVault();
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [retryAt, setRetryAt] = useState<number>();
  const [passkey, setPasskey] = useState(false);
  const wait = useCountdown(retryAt, clock);
  // The visible countdown changes every second; a screen reader hears only its start and its end.
  const [announcement, setAnnouncement] = useState('');
  const [waitStart, setWaitStart] = useState(0);
  useEffect(() => {
    if (wait > 0 && waitStart === 0) {
      setWaitStart(wait);
      setAnnouncement(t('unlock.wait', { seconds: wait }));
    } else if (wait === 0 && waitStart > 0) {
      setWaitStart(0);
      setAnnouncement(t('unlock.waitOver'));
    }
  }, [wait > 0]);
  useEffect(() => {
    void vault.unlockMethods().then((methods) => setPasskey(methods.passkey));
  }, [vault]);

  const fail = (field: string, error: unknown) => {
    if (error instanceof VaultError) setRetryAt(error.details.retryAt);
    setErrors([{ field, text: vaultErrorMessage(t, error, { countdown: true }) }]);
  };
  const pinSubmit = useSubmit(async () => {
    if (!pin) return setErrors([{ field: 'pin', text: t('pin.error.emptyCurrent') }]);
    try {
      await vault.unlockWithPin(pin);
    } catch (error) {
      setPin('');
      fail('pin', error);
    }
  });
  const passkeySubmit = useSubmit(async () => {
    try {
      await vault.unlockWithPasskey();
    } catch (error) {
      fail('unlock-passkey', error);
    }
  });
  const busy = pinSubmit.busy || passkeySubmit.busy;

  return (
    <>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('unlock.title')}</ScreenHeading>
      {offerLink && (
        <p class="govuk-inset-text" data-testid="unlock-offer-waiting">
          {t('unlock.offerWaiting', { source: offerLink.issuerHost ?? t('unlock.offerWaitingLink') })}
        </p>
      )}
      {/* Back from a department's sign-in page: unlocking finishes adding (SignInReturnScreen). */}
      {location.pathname === '/authorised' && <p class="govuk-inset-text">{t('signIn.unlock')}</p>}
      {passkey && (
        <>
          <button type="button" id="unlock-passkey" class="govuk-button" onClick={passkeySubmit.submit} disabled={busy}>
            {t('unlock.passkey')}
          </button>
          <p class="govuk-body">{t('unlock.orPin')}</p>
        </>
      )}
      <form onSubmit={pinSubmit.submit} noValidate>
        <PinField id="pin" label={t('unlock.pinLabel')} value={pin} onInput={setPin} errors={errors} />
        {wait > 0 && <p class="govuk-body" data-testid="unlock-wait">{t('unlock.wait', { seconds: wait })}</p>}
        <p class="govuk-visually-hidden" role="status" data-testid="unlock-wait-announcement">{announcement}</p>
        <button type="submit" class="govuk-button" disabled={busy || wait > 0} aria-disabled={busy || wait > 0}>
          {pinSubmit.busy ? t('unlock.working') : t('unlock.button')}
        </button>
      </form>
      <p class="govuk-body">
        <Link class="govuk-link" href="/recover">{t('unlock.forgotten')}</Link>
      </p>
    </>
  );
}
