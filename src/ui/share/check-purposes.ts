/**
 * The purposes as the checker reads them — what they need to see ("Over 18", "Right to work",
 * "Identity") — where PURPOSES (purposes.ts) words them from the holder's side ("Prove I am over
 * 18"). A purpose with no checker wording yet falls back to the holder's.
 */
import type { Purpose } from '../../wallet/shared';
import type { MessageKey } from '../i18n/en';
import { PURPOSES } from './purposes';

const CHECKER_WORDING: Partial<Record<Purpose, { label: MessageKey; hint: MessageKey }>> = {
  'over-18': { label: 'check.purpose.over18', hint: 'check.purpose.over18Hint' },
  'right-to-work': { label: 'check.purpose.rightToWork', hint: 'check.purpose.rightToWorkHint' },
  identity: { label: 'check.purpose.identity', hint: 'check.purpose.identityHint' },
  veteran: { label: 'check.purpose.veteran', hint: 'check.purpose.veteranHint' },
  driving: { label: 'check.purpose.driving', hint: 'check.purpose.drivingHint' },
};

export const CHECK_PURPOSES: { purpose: Purpose; label: MessageKey; hint: MessageKey }[] = PURPOSES.map((p) => ({ ...p, ...CHECKER_WORDING[p.purpose] }));

/**
 * Purposes on someone's behalf (docs/carers.md): the checker's Satchel QR check only (the ISO
 * licence check's DeviceRequest cannot ask for the authority), worded beside the check screens
 * (check-on-behalf-words.ts) rather than in the first screen's catalogues.
 */
export const ON_BEHALF_CHECK_PURPOSES = ['identity-for-finance', 'identity-for-health'] as const satisfies readonly Purpose[];
