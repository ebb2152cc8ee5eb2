import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { SELF_PERSON } from '../../wallet/shared';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { usePeople } from '../people/PeopleContext';
import { peopleWords, whoseCredentials } from '../people/people-words';
import { PersonSwitcher } from '../people/PersonSwitcher';
import { hasOthers, personOf, usePeopleList } from '../people/use-people-list';
import { Link } from '../router';
import { CredentialCard } from '../receive/CredentialCard';
import { PendingOffers } from '../receive/PendingOffers';
import { useReceiver } from '../receive/ReceiverContext';
import { StorageWarning } from '../vault/StorageWarning';
import { useVault } from '../vault/VaultContext';

/**
 * The unlocked wallet: the person's credentials, and offers still on their way. With people added
 * (issue 16), "Showing: You | Mum" at the top and only the chosen person's credentials, under
 * "Mum's credentials"; with none, no switcher and every credential is the holder's.
 */
export function HomeScreen() {
  const { t, language } = useI18n();
  const { vault } = useVault();
  const receiver = useReceiver();
  const [all, setCredentials] = useState<CredentialView[]>();
  const people = usePeopleList();
  const { selected, select } = usePeople();
  const others = hasOthers(people);
  // A person removed meanwhile (or not yet listed): the holder's own.
  const shown = personOf(people ?? [], others ? selected : SELF_PERSON);
  // Only ever the shown person's credentials: a carer must never see Mum's licence under "You".
  const credentials = all?.filter((credential) => (credential.personId ?? SELF_PERSON) === shown.id);
  useEffect(() => {
    let live = true;
    const load = () => void receiver.listCredentials().then((list) => live && setCredentials(list));
    load();
    // Then, when online, fetch status lists past their ttl and show what changed (revocations).
    if (navigator.onLine) void receiver.refreshStatus().then(load, () => undefined);
    const stop = receiver.onPendingChange(load);
    return () => {
      live = false;
      stop();
    };
  }, [receiver]);
  const held = all !== undefined && all.length > 0;
  // Whose credentials to list is known only once the people are read: until then, nothing rather than the wrong person's.
  if (!people) return <p class="govuk-body" role="status">{t('vault.opening')}</p>;
  const actions = (
    <div class="govuk-button-group">
      <Link href="/add" class="govuk-button" role="button" draggable={false}>{t('home.add')}</Link>
      {held && <Link href="/share" class="govuk-button govuk-button--secondary" role="button" draggable={false}>{t('home.share')}</Link>}
    </div>
  );
  return (
    <>
      {/* "Make a backup" only when there is something to back up. */}
      {held && <StorageWarning />}
      {others && <PersonSwitcher people={people} selected={shown.id} onSelect={select} />}
      <ScreenHeading>{others ? whoseCredentials(shown, language) : t('home.title')}</ScreenHeading>
      {/* With credentials held, sharing is what a person comes for: on a phone the buttons must
          not sit below the list, out of sight. An empty wallet explains itself first. */}
      {held && actions}
      {credentials?.length === 0 && shown.id !== SELF_PERSON && (
        <p class="govuk-body" data-testid="person-empty">{peopleWords(language)('empty.other', { name: shown.name })}</p>
      )}
      {credentials?.length === 0 && shown.id === SELF_PERSON && (
        <>
          <p class="govuk-body-l">{t('home.empty')}</p>
          <p class="govuk-body">{t('home.emptyHint')}</p>
        </>
      )}
      {credentials && credentials.length > 0 && (
        <ul class="govuk-list" data-testid="credential-list">
          {credentials.map((credential) => <CredentialCard key={credential.id} credential={credential} person={others ? shown : undefined} />)}
        </ul>
      )}
      <PendingOffers />
      {!held && actions}
      {/* No offer in hand: some departments issue after the person signs in (wallet-initiated).
          Under the list, so that with credentials held sharing stays at the top. */}
      <p class="govuk-body"><Link href="/get-credential" class="govuk-link">{t('getCredential.title')}</Link></p>
      {/* Issue 16: keeping credentials for people the holder helps. */}
      <p class="govuk-body"><Link href="/people" class="govuk-link">{peopleWords(language)('link')}</Link></p>
      <p class="govuk-body">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => vault.lock()}>{t('home.lock')}</button>
      </p>
    </>
  );
}
