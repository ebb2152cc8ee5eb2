import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { SELF_PERSON } from '../../wallet/shared';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { useReceiver } from '../receive/ReceiverContext';
import { peopleWords, personName } from './people-words';
import { PersonMarker } from './PersonMarker';
import { usePeopleList } from './use-people-list';

/**
 * The people whose credentials this Satchel keeps (issue 16): "You" and each person added, with how
 * many credentials each has, "Add a person" and, for each person but the holder, "Remove".
 */
export function PeopleScreen() {
  const { t, language } = useI18n();
  const words = peopleWords(language);
  const receiver = useReceiver();
  const people = usePeopleList();
  const [credentials, setCredentials] = useState<CredentialView[]>();
  useEffect(() => {
    void receiver.listCredentials().then(setCredentials, () => setCredentials([]));
  }, [receiver]);
  const count = (id: string) => credentials?.filter((credential) => (credential.personId ?? SELF_PERSON) === id).length ?? 0;
  return (
    <>
      <Link class="govuk-back-link" href="/">{t('form.back')}</Link>
      <ScreenHeading>{words('title')}</ScreenHeading>
      <p class="govuk-body">{words('intro')}</p>
      <Link href="/people/add" class="govuk-button" role="button" draggable={false}>{words('add')}</Link>
      {people && credentials && (
        <dl class="govuk-summary-list" data-testid="people-list">
          {people.map((person) => {
            const n = count(person.id);
            return (
              <div class={`govuk-summary-list__row${person.id === SELF_PERSON ? ' govuk-summary-list__row--no-actions' : ''}`} key={person.id} data-testid="person-row">
                <dt class="govuk-summary-list__key"><PersonMarker person={person} /></dt>
                <dd class="govuk-summary-list__value">{n === 1 ? words('count.one') : words('count.other', { count: String(n) })}</dd>
                {person.id !== SELF_PERSON && (
                  <dd class="govuk-summary-list__actions">
                    <Link class="govuk-link" href={`/people/${encodeURIComponent(person.id)}/remove`}>
                      {words('remove')}<span class="govuk-visually-hidden"> {personName(person, language)}</span>
                    </Link>
                  </dd>
                )}
              </div>
            );
          })}
        </dl>
      )}
      <p class="govuk-body">{words('helping')}</p>
    </>
  );
}
