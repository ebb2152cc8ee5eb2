import type { CredentialView } from '../../wallet/held';
import { localise } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';

/**
 * On a cancelled or suspended credential: who cancelled it, what that means, and the next step
 * (the department is the only one who can issue it again), as a GOV.UK warning text.
 */
export function CancelledNotice({ credential }: { credential: CredentialView }) {
  const { t, language } = useI18n();
  const state = credential.status.state;
  if (state !== 'revoked' && state !== 'suspended') return null;
  const department = localise(credential.issuerName, language);
  return (
    <div class="govuk-warning-text" data-testid="cancelled-notice">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
        <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{t(state === 'revoked' ? 'credential.revokedTitle' : 'credential.suspendedTitle')}</h2>
        <p class="govuk-body govuk-!-margin-bottom-2">{t(state === 'revoked' ? 'credential.revokedBody' : 'credential.suspendedBody', { department })}</p>
        <p class="govuk-body govuk-!-margin-bottom-0">{t('credential.contactDepartment', { department })}</p>
      </div>
    </div>
  );
}
