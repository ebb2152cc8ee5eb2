import { useEffect, useState } from 'preact/hooks';
import type { CredentialView } from '../../wallet/held';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { Link } from '../router';
import { CredentialCard } from '../receive/CredentialCard';
import { PendingOffers } from '../receive/PendingOffers';
import { useReceiver } from '../receive/ReceiverContext';
import { StorageWarning } from '../vault/StorageWarning';
import { useVault } from '../vault/VaultContext';

/** The unlocked wallet: the person's credentials, and offers still on their way. */
export function HomeScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const receiver = useReceiver();
  const [credentials, setCredentials] = useState<CredentialView[]>();
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
  const held = credentials !== undefined && credentials.length > 0;
  const actions = (
    <div class="govuk-button-group">
      <Link href="/add" class="govuk-button" role="button" draggable={false}>{t('home.add')}</Link>
      {held && <Link href="/share" class="govuk-button govuk-button--secondary" role="button" draggable={false}>{t('home.share')}</Link>}
    </div>
  );
  return (
    <>
      {/* "Make a backup" only when there is something to back up. */}
      {credentials && credentials.length > 0 && <StorageWarning />}
      <ScreenHeading>{t('home.title')}</ScreenHeading>
      {/* With credentials held, sharing is what a person comes for: on a phone the buttons must
          not sit below the list, out of sight. An empty wallet explains itself first. */}
      {held && actions}
      {credentials?.length === 0 && (
        <>
          <p class="govuk-body-l">{t('home.empty')}</p>
          <p class="govuk-body">{t('home.emptyHint')}</p>
        </>
      )}
      {credentials && credentials.length > 0 && (
        <ul class="govuk-list" data-testid="credential-list">
          {credentials.map((credential) => <CredentialCard key={credential.id} credential={credential} />)}
        </ul>
      )}
      <PendingOffers />
      {!held && actions}
      {/* No offer in hand: some departments issue after the person signs in (wallet-initiated).
          Under the list, so that with credentials held sharing stays at the top. */}
      <p class="govuk-body"><Link href="/get-credential" class="govuk-link">{t('getCredential.title')}</Link></p>
      <p class="govuk-body">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => vault.lock()}>{t('home.lock')}</button>
      </p>
    </>
  );
}
