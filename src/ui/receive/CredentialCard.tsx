import type { CredentialView } from '../../wallet/receive-api';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { StatusTag } from './StatusTag';

/** One credential in the list: issuer, type, holder, validity, status and when it was checked. */
export function CredentialCard({ credential }: { credential: CredentialView }) {
  const { t, language } = useI18n();
  return (
    <li class="satchel-card" data-testid="credential-card">
      <h2 class="govuk-heading-s">
        <Link class="govuk-link" href={`/credential/${encodeURIComponent(credential.id)}`}>
          <LocalisedText text={credential.typeName} />
        </Link>
      </h2>
      {credential.holderName && <p class="govuk-body">{credential.holderName}</p>}
      <p class="govuk-body-s"><LocalisedText text={credential.issuerName} /></p>
      <p class="govuk-body-s"><StatusTag credential={credential} /></p>
      {credential.validUntil && (
        <p class="govuk-body-s">{t('card.validUntil', { date: new Date(credential.validUntil).toLocaleDateString(language) })}</p>
      )}
      <p class="govuk-body-s">
        {credential.status.checkedAt ? <>{t('card.checked')} <RelativeTime iso={credential.status.checkedAt} /></> : t('card.neverChecked')}
      </p>
    </li>
  );
}
