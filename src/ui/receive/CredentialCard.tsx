import type { CredentialView } from '../../wallet/held';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { Link } from '../router';
import { StatusTag } from './StatusTag';
import { NameText } from '../components/NameText';

/** One credential in the list: issuer, type, holder, validity, status and when it was checked. */
export function CredentialCard({ credential }: { credential: CredentialView }) {
  const { t } = useI18n();
  return (
    <li class="satchel-card" data-testid="credential-card">
      <h2 class="govuk-heading-s">
        <Link class="govuk-link" href={`/credential/${encodeURIComponent(credential.id)}`}>
          <NameText name={credential.typeName} />
        </Link>
      </h2>
      {credential.holderName && <p class="govuk-body">{credential.holderName}</p>}
      <p class="govuk-body-s"><LocalisedText text={credential.issuerName} /></p>
      <p class="govuk-body-s"><StatusTag credential={credential} /></p>
      <Validity credential={credential} />
      <p class="govuk-body-s">
        {credential.status.checkedAt ? <>{t('card.checked')} <RelativeTime iso={credential.status.checkedAt} /></> : t('card.neverChecked')}
      </p>
    </li>
  );
}

/** "Valid until 30 November 2027", or "Expired on …"; nothing when cancelled (the tag says so, and "valid" would contradict it). */
function Validity({ credential, now = Date.now() }: { credential: CredentialView; now?: number }) {
  const { t, language } = useI18n();
  if (!credential.validUntil || credential.status.state === 'revoked' || credential.status.state === 'suspended') return null;
  const date = formatDate(credential.validUntil, language);
  return <p class="govuk-body-s">{Date.parse(credential.validUntil) < now ? t('card.expired', { date }) : t('card.validUntil', { date })}</p>;
}
