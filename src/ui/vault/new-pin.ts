import { MIN_PIN_LENGTH } from '../../wallet/vault';
import type { FieldError } from '../components/form/ErrorSummary';
import type { Translate } from '../i18n/translate';

/** Checks a new PIN and its confirmation before anything slow (Argon2id) starts. */
export function newPinErrors(t: Translate, pin: string, confirmation: string, ids = { pin: 'new-pin', confirm: 'confirm-pin' }): FieldError[] {
  if (pin.length === 0) return [{ field: ids.pin, text: t('pin.error.empty') }];
  if (pin.length < MIN_PIN_LENGTH) return [{ field: ids.pin, text: t('pin.error.tooShort', { min: MIN_PIN_LENGTH }) }];
  if (confirmation !== pin) return [{ field: ids.confirm, text: t('pin.error.mismatch') }];
  return [];
}
