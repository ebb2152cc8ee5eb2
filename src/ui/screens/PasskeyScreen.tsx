import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { PinField } from '../vault/PinField';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

/** Turn on unlocking with the phone's screen lock or fingerprint (a passkey with WebAuthn PRF). */
export function PasskeyScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [supported, setSupported] = useState<boolean>();
  const [enabled, setEnabled] = useState(false);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  useEffect(() => {
    void vault.passkeySupported().then(setSupported);
    void vault.unlockMethods().then((methods) => setEnabled(methods.passkey));
  }, [vault]);
  const { busy, submit } = useSubmit(async () => {
    if (!pin) return setErrors([{ field: 'passkey-pin', text: t('pin.error.emptyCurrent') }]);
    try {
      await vault.addPasskey(pin);
      navigate('/settings');
    } catch (error) {
      setErrors([{ field: 'passkey-pin', text: vaultErrorMessage(t, error) }]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('passkey.title')}</ScreenHeading>
      <p class="govuk-body">{t('passkey.offer.intro')}</p>
      {supported === false && <p class="govuk-body" data-testid="passkey-unsupported">{t('vault.error.passkeyUnsupported')}</p>}
      {enabled && <p class="govuk-body">{t('passkey.enabled')}</p>}
      {supported && (
        <>
          <PinField id="passkey-pin" label={t('backup.pin')} value={pin} onInput={setPin} errors={errors} />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>{t('passkey.offer.accept')}</button>
        </>
      )}
      <p class="govuk-body"><Link class="govuk-link" href="/settings">{t('form.back')}</Link></p>
    </form>
  );
}
