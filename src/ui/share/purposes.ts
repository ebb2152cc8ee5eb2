import type { Purpose } from '../../wallet/shared';
import type { MessageKey } from '../i18n/en';

export const PURPOSES: { purpose: Purpose; label: MessageKey; hint: MessageKey }[] = [
  { purpose: 'over-18', label: 'purpose.over18', hint: 'purpose.over18Hint' },
  { purpose: 'right-to-work', label: 'purpose.rightToWork', hint: 'purpose.rightToWorkHint' },
  { purpose: 'identity', label: 'purpose.identity', hint: 'purpose.identityHint' },
  { purpose: 'veteran', label: 'purpose.veteran', hint: 'purpose.veteranHint' },
  { purpose: 'driving', label: 'purpose.driving', hint: 'purpose.drivingHint' },
];
