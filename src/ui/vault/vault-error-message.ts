import { VaultError } from '../../wallet/vault';
import type { Translate } from '../i18n/translate';

/** Seconds left until `retryAt`, rounded up, never negative. */
export const secondsUntil = (retryAt: number | undefined, now = Date.now()) =>
  retryAt === undefined ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));

/**
 * What the person reads when a vault operation fails: what happened and what to do next.
 * `countdown`: the screen shows the wait counting down (the unlock screen), so the message does
 * not repeat a number of seconds that would be stale a second later.
 */
export function vaultErrorMessage(t: Translate, error: unknown, { countdown = false } = {}): string {
  if (!(error instanceof VaultError)) return t('vault.error.unexpected');
  const { failedAttempts = 0, retryAt } = error.details;
  const wait = secondsUntil(retryAt);
  switch (error.code) {
    case 'wrong-pin':
      if (wait > 0 && countdown) return t('vault.error.wrongPinCountdown', { count: failedAttempts });
      return wait > 0 ? t('vault.error.wrongPinWait', { count: failedAttempts, seconds: wait }) : t('vault.error.wrongPin', { count: failedAttempts });
    case 'throttled':
      return countdown ? t('vault.error.throttledCountdown') : t('vault.error.throttled', { seconds: wait });
    case 'wrong-recovery-code':
      return t('vault.error.wrongRecoveryCode');
    case 'pin-too-short':
      return t('vault.error.pinTooShort');
    case 'locked':
      return t('vault.error.locked');
    case 'already-set-up':
      return t('vault.error.alreadySetUp');
    case 'passkey-unsupported':
      return t('vault.error.passkeyUnsupported');
    case 'passkey-cancelled':
      return t('vault.error.passkeyCancelled');
    case 'backup-corrupt':
      return t('vault.error.backupCorrupt');
    case 'backup-wrong-passphrase':
      return t('vault.error.backupWrongPassphrase');
    case 'backup-too-new':
      return t('vault.error.backupTooNew');
    case 'storage-full':
      return t('vault.error.storageFull');
    case 'storage-unavailable':
      return t('vault.error.storageUnavailable');
  }
}
