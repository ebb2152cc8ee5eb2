import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { LocalisedText } from '../components/LocalisedText';
import { RelativeTime } from '../components/RelativeTime';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { Link, navigate } from '../router';
import { ClaimValue, claimName } from '../receive/ClaimValue';
import { useReceiver } from '../receive/ReceiverContext';
import { CancelledNotice } from '../receive/CancelledNotice';
import { StatusTag } from '../receive/StatusTag';
import { NotFoundScreen } from './NotFoundScreen';
import { NameText } from '../components/NameText';
import { nameText } from '../i18n/names';
import { screenWords } from '../i18n/screen-words';
import { CARD_SCREEN_WORDS } from '../card/card-words';
import { whoseType } from '../people/people-words';
import { PersonMarker } from '../people/PersonMarker';
import { hasOthers, personOf, usePeopleList } from '../people/use-people-list';

/**
 * One credential: its status (and, when cancelled, why and what to do), when it was issued and expires (for an mdoc, when
 * its signed copy is valid, worded apart from the licence's own dates among its claims), every claim with its label, and delete.
 * With people added (issue 16), whose it is: their marker and "Mum's driving licence".
 */
export function CredentialScreen({ id }: { id: string }) {
  const { t, language } = useI18n();
  const receiver = useReceiver();
  const [credential, setCredential] = useState<CredentialView | null>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const people = usePeopleList();
  useEffect(() => {
    void receiver.credential(id).then((found) => setCredential(found ?? null));
  }, [receiver, id]);
  if (credential === undefined || people === undefined) return <p class="govuk-body" role="status">{t('vault.opening')}</p>;
  if (credential === null) return <NotFoundScreen />;
  const person = hasOthers(people) ? personOf(people, credential.personId) : undefined;
  const typeText = nameText(credential.typeName, language);
  return (
    <>
      <Link class="govuk-back-link" href="/">{t('form.back')}</Link>
      {person && <p class="govuk-body govuk-!-margin-bottom-2"><PersonMarker person={person} /></p>}
      <ScreenHeading>{person ? whoseType(person, typeText, language) : typeText}</ScreenHeading>
      <p class="govuk-body"><LocalisedText text={credential.issuerName} /> <StatusTag credential={credential} /></p>
      <p class="govuk-body-s">
        {credential.status.checkedAt ? <>{t('card.checked')} <RelativeTime iso={credential.status.checkedAt} /></> : t('card.neverChecked')}
      </p>
      <CancelledNotice credential={credential} />
      {(credential.validFrom || credential.validUntil) && (
        <dl class="govuk-summary-list" data-testid="validity">
          {credential.validFrom && (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t(credential.copyValidity ? 'credential.copyValidFrom' : 'credential.validFrom')}</dt>
              <dd class="govuk-summary-list__value">{formatDate(credential.validFrom, language)}</dd>
            </div>
          )}
          {credential.validUntil && (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t(credential.copyValidity ? 'credential.copyValidUntil' : 'credential.validUntil')}</dt>
              <dd class="govuk-summary-list__value">{formatDate(credential.validUntil, language)}</dd>
            </div>
          )}
        </dl>
      )}
      <dl class="govuk-summary-list" data-testid="claims">
        {credential.claims.map((claim) => {
          const label = nameText(claim.label, language);
          return (
            <div class="govuk-summary-list__row" key={claim.path.join('.')}>
              <dt class="govuk-summary-list__key"><NameText name={claim.label} /></dt>
              <dd class="govuk-summary-list__value"><ClaimValue value={claim.value} label={label} parts={claim.parts} name={claimName(claim.path)} /></dd>
            </div>
          );
        })}
      </dl>
      {/* Issue 17: the card this credential came with, to print (also offline); or why there is none. */}
      <p class="govuk-body">
        <Link class="govuk-link" href={`/credential/${encodeURIComponent(credential.id)}/card`}>{screenWords(CARD_SCREEN_WORDS, language)('link')}</Link>
      </p>
      {confirmDelete ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
            {t('credential.deleteWarning')}
          </strong>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning"
              onClick={() => void receiver.deleteCredential(credential.id).then(() => navigate('/'))}>
              {t('credential.deleteConfirm')}
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" onClick={() => setConfirmDelete(false)}>{t('form.cancel')}</button>
          </div>
        </div>
      ) : (
        <button type="button" class="govuk-button govuk-button--warning" onClick={() => setConfirmDelete(true)}>{t('credential.delete')}</button>
      )}
    </>
  );
}
