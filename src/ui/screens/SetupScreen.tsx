import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary, type FieldError } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link, navigate } from '../router';
import { NewPinFields } from '../vault/NewPinFields';
import { newPinErrors } from '../vault/new-pin';
import { RecoveryCodePanel } from '../vault/RecoveryCodePanel';
import { useVault } from '../vault/VaultContext';
import { vaultErrorMessage } from '../vault/vault-error-message';

type Step = { name: 'pin' } | { name: 'recovery'; code: string; pin: string } | { name: 'passkey'; pin: string };

/** Set up: choose a PIN, save the recovery code, optionally add the phone's screen lock. */
export function SetupScreen() {
  const { vault, state } = useVault();
  const [step, setStep] = useState<Step>({ name: 'pin' });
  // Opened with a vault already in place (e.g. a bookmarked /setup): nothing to set up. Only the
  // state at mount counts: set-up itself unlocks the vault before the recovery-code step.
  const [alreadySetUp] = useState(state === 'unlocked');
  useEffect(() => {
    if (alreadySetUp) navigate('/');
  }, [alreadySetUp]);
  if (step.name === 'pin') return <ChoosePin onDone={(code, pin) => setStep({ name: 'recovery', code, pin })} />;
  if (step.name === 'recovery') {
    return (
      <SaveRecoveryCode
        code={step.code}
        onDone={async () => {
          if (await vault.passkeySupported()) setStep({ name: 'passkey', pin: step.pin });
          else navigate('/');
        }}
      />
    );
  }
  return <OfferPasskey pin={step.pin} />;
}

function ChoosePin({ onDone }: { onDone(recoveryCode: string, pin: string): void }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, submit } = useSubmit(async () => {
    const problems = newPinErrors(t, pin, confirmation);
    setErrors(problems);
    if (problems.length) return;
    try {
      const { recoveryCode } = await vault.setUp(pin);
      onDone(recoveryCode, pin);
    } catch (error) {
      setErrors([{ field: 'new-pin', text: vaultErrorMessage(t, error) }]);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('setup.pin.title')}</ScreenHeading>
      <p class="govuk-body">{t('setup.pin.intro')}</p>
      <NewPinFields pin={pin} confirmation={confirmation} onPin={setPin} onConfirmation={setConfirmation} errors={errors} />
      <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
        {busy ? t('setup.pin.working') : t('form.continue')}
      </button>
    </form>
  );
}

function SaveRecoveryCode({ code, onDone }: { code: string; onDone(): void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!saved) setErrors([{ field: 'recovery-saved', text: t('recovery.error.notConfirmed') }]);
        else onDone();
      }}
    >
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('recovery.title')}</ScreenHeading>
      <p class="govuk-body">{t('recovery.intro')}</p>
      <RecoveryCodePanel code={code} />
      <div class={`govuk-form-group${errors.length ? ' govuk-form-group--error' : ''}`}>
        {errors.length > 0 && (
          <p id="recovery-saved-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {errors[0]!.text}
          </p>
        )}
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="recovery-saved"
              type="checkbox"
              checked={saved}
              onChange={(event) => setSaved((event.currentTarget as HTMLInputElement).checked)}
              aria-describedby={errors.length ? 'recovery-saved-error' : undefined}
            />
            <label class="govuk-label govuk-checkboxes__label" for="recovery-saved">{t('recovery.confirm')}</label>
          </div>
        </div>
      </div>
      <button type="submit" class="govuk-button">{t('form.continue')}</button>
    </form>
  );
}

function OfferPasskey({ pin }: { pin: string }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, submit } = useSubmit(async () => {
    try {
      await vault.addPasskey(pin);
      navigate('/');
    } catch (error) {
      setErrors([{ field: 'add-passkey', text: vaultErrorMessage(t, error) }]);
    }
  });
  return (
    <>
      <ErrorSummary errors={errors} />
      <ScreenHeading>{t('passkey.offer.title')}</ScreenHeading>
      <p class="govuk-body">{t('passkey.offer.intro')}</p>
      <div class="govuk-button-group">
        <button type="button" id="add-passkey" class="govuk-button" onClick={submit} disabled={busy} aria-disabled={busy}>
          {t('passkey.offer.accept')}
        </button>
        <Link class="govuk-link" href="/">{t('passkey.offer.skip')}</Link>
      </div>
    </>
  );
}
