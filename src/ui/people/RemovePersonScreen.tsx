import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { SELF_PERSON } from '../../wallet/shared';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { useSubmit } from '../components/form/useSubmit';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { nameText } from '../i18n/names';
import { Link, navigate } from '../router';
import { useReceiver } from '../receive/ReceiverContext';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { usePeople } from './PeopleContext';
import { peopleWords } from './people-words';
import { PersonMarker } from './PersonMarker';
import { usePeopleList } from './use-people-list';

/**
 * Remove a person (issue 16): first a warning naming exactly what goes — each of their credentials
 * by type — and that what was done with them stays in the activity log; then, on the warning-styled
 * button, the people use case removes them with their credentials and keys in one transaction.
 */
export function RemovePersonScreen({ id }: { id: string }) {
  const { t, language } = useI18n();
  const words = peopleWords(language);
  const receiver = useReceiver();
  const { people, selected, select } = usePeople();
  const list = usePeopleList();
  const [credentials, setCredentials] = useState<CredentialView[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void receiver.listCredentials().then((all) => setCredentials(all.filter((credential) => credential.personId === id)), () => setCredentials([]));
  }, [receiver, id]);
  const remove = useSubmit(async () => {
    setFailed(false);
    try {
      if (!people) throw new Error('No people service');
      await people.remove(id);
      if (selected === id) select(SELF_PERSON);
      navigate('/people');
    } catch {
      setFailed(true);
    }
  });
  if (!list || !credentials) return <p class="govuk-body" role="status">{t('vault.opening')}</p>;
  const person = list.find((p) => p.id === id);
  if (!person || person.id === SELF_PERSON) return <NotFoundScreen />;
  const name = person.name;
  const types = credentials.map((credential) => nameText(credential.typeName, language)).join(', ');
  const deletes = credentials.length === 0
    ? words('remove.deletes.none', { name })
    : words(credentials.length === 1 ? 'remove.deletes.one' : 'remove.deletes.other', { name, count: String(credentials.length), list: types });
  return (
    <>
      <Link class="govuk-back-link" href="/people">{t('form.back')}</Link>
      <ErrorSummary errors={failed ? [{ field: 'remove-person', text: words('remove.failed', { name }) }] : []} />
      <ScreenHeading>{words('remove.title', { name })}</ScreenHeading>
      <p class="govuk-body"><PersonMarker person={person} /></p>
      <div class="govuk-warning-text" data-testid="remove-warning">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
          {deletes} {credentials.length > 0 && words('remove.cannotUndo', { name })}
        </strong>
      </div>
      <p class="govuk-body">{words('remove.activity', { name })}</p>
      <div class="govuk-button-group">
        <button type="button" id="remove-person" class="govuk-button govuk-button--warning" disabled={remove.busy} aria-disabled={remove.busy}
          onClick={() => void remove.submit()}>
          {words('remove.confirm', { name })}
        </button>
        <Link class="govuk-link" href="/people">{t('form.cancel')}</Link>
      </div>
    </>
  );
}
