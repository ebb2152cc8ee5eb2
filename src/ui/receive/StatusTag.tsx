import type { CredentialView } from '../../wallet/held';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';

/** A GOV.UK tag that says in words (not only colour) whether the credential can be relied on. */
export function StatusTag({ credential }: { credential: CredentialView }) {
  const { t } = useI18n();
  const [label, colour]: [MessageKey, string] = !credential.verified
    ? ['status.notVerified', 'govuk-tag--red']
    : credential.status.state === 'revoked'
      ? ['status.revoked', 'govuk-tag--red']
      : credential.status.state === 'suspended'
        ? ['status.suspended', 'govuk-tag--orange']
        : credential.status.state === 'unknown'
          ? ['status.unknown', 'govuk-tag--grey']
          : ['status.valid', 'govuk-tag--green'];
  return <strong class={`govuk-tag ${colour}`} data-testid="status-tag">{t(label)}</strong>;
}
