import type { CredentialView } from '../../wallet/held';
import type { Person } from '../../wallet/people';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { useI18n } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { Link } from '../router';
import { StatusTag } from './StatusTag';
import { NameText } from '../components/NameText';
import { PersonMarker } from '../people/PersonMarker';

/**
 * One credential in the list: issuer, type, holder, validity, status and when it was checked; with
 * people added (issue 16), whose it is: their marker, and the card edged in their colour.
 */
export function CredentialCard({ credential, person }: { credential: CredentialView; person?: Person }) {
  const { t } = useI18n();
  return (
    <li class={`satchel-card${person ? ` satchel-person-edge--${person.marker}` : ''}`} data-testid="credential-card">
      {person && <p class="govuk-body-s govuk-!-margin-bottom-1"><PersonMarker person={person} /></p>}
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
