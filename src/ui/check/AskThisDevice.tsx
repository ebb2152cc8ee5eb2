/**
 * "Ask a wallet on this phone": an online check through the W3C Digital Credentials API
 * (OpenID4VP 1.0 Appendix A; docs/reader.md), for a licence held in a wallet app on the checker's
 * own phone or computer. Shown only where the browser offers the API (digitalCredentialsAvailable),
 * else nothing. The click runs checker.askWalletOnThisDevice (the browser shows its own chooser, so
 * it must come from the click), and the verified result goes to `onResult` (the licence check
 * screen shows it with keep-a-record), or, without one, is shown here with CheckResultView.
 *
 * Names tests drive: the button "Ask a wallet on this phone" (#ask-this-device), the live region
 * data-testid "ask-this-device-status", the error data-testid "ask-this-device-error".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckError, digitalCredentialsAvailable, type CheckResult } from '../../wallet/check';
import type { Purpose } from '../../wallet/shared';
import { useI18n } from '../i18n/context';
import { CheckResultView } from '../share/CheckResultView';
import { useShare } from '../share/ShareContext';
import { askThisDeviceWords, type AskThisDeviceKey } from './ask-this-device-words';

export const ASK_THIS_DEVICE_ID = 'ask-this-device';

const ERROR_WORDS: Partial<Record<string, AskThisDeviceKey>> = {
  'holder-declined': 'error.holder-declined',
  'digital-credentials-unavailable': 'error.digital-credentials-unavailable',
  'not-a-response': 'error.not-a-response',
  replayed: 'error.replayed',
};

export interface AskThisDeviceProps {
  purpose: Purpose;
  /** The checker's name or organisation, for the record (never sent: an unsigned request names no one). */
  verifierName: string;
  onResult?: (requestId: string, result: CheckResult) => void;
}

export function AskThisDevice({ purpose, verifierName, onResult }: AskThisDeviceProps) {
  const { t, language } = useI18n();
  const w = askThisDeviceWords(language);
  const { checker } = useShare();
  const [available] = useState(() => digitalCredentialsAvailable());
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState<CheckResult | undefined>();
  const stop = useRef<AbortController | undefined>(undefined);

  // Leaving the screen closes the browser's chooser if it is still open.
  useEffect(() => () => stop.current?.abort(), []);

  if (!available) return null;
  if (shown) return <CheckResultView result={shown} />;

  const ask = async () => {
    if (!verifierName.trim()) return setError(t('check.error.noName'));
    stop.current?.abort();
    const controller = new AbortController();
    stop.current = controller;
    setError(undefined);
    setAsking(true);
    try {
      const { requestId, result } = await checker.askWalletOnThisDevice({ purpose, verifierName: verifierName.trim(), signal: controller.signal });
      if (controller.signal.aborted) return checker.discard(requestId);
      if (onResult) onResult(requestId, result);
      else setShown(result);
    } catch (caught) {
      if (controller.signal.aborted) return;
      const key = caught instanceof CheckError ? ERROR_WORDS[caught.code] : undefined;
      setError(w(key ?? 'error.other'));
    } finally {
      if (!controller.signal.aborted) setAsking(false);
    }
  };

  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <p class="govuk-hint" id={`${ASK_THIS_DEVICE_ID}-hint`}>{w('hint')}</p>
      {error && <p class="govuk-error-message" id={`${ASK_THIS_DEVICE_ID}-error`} data-testid="ask-this-device-error"><span class="govuk-visually-hidden">{t('form.errorPrefix')}</span> {error}</p>}
      <button type="button" id={ASK_THIS_DEVICE_ID} class="govuk-button govuk-button--secondary" disabled={asking}
        aria-describedby={`${ASK_THIS_DEVICE_ID}-hint${error ? ` ${ASK_THIS_DEVICE_ID}-error` : ''}`} onClick={() => void ask()}>
        {w('button')}
      </button>
      <p class="govuk-body" role="status" data-testid="ask-this-device-status">{asking ? w('asking') : ''}</p>
    </div>
  );
}
