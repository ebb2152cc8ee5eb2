import { useEffect, useState } from 'preact/hooks';
import type { StoredCredential } from '../../wallet/vault-api';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { StorageWarning } from '../vault/StorageWarning';
import { useVault } from '../vault/VaultContext';

/** The unlocked wallet: the person's credentials. */
export function HomeScreen() {
  const { t } = useI18n();
  const { vault } = useVault();
  const [credentials, setCredentials] = useState<StoredCredential[]>();
  useEffect(() => {
    let live = true;
    void vault.listCredentials().then((list) => live && setCredentials(list));
    return () => {
      live = false;
    };
  }, [vault]);
  return (
    <>
      <StorageWarning />
      <ScreenHeading>{t('home.title')}</ScreenHeading>
      {credentials?.length === 0 && (
        <>
          <p class="govuk-body-l">{t('home.empty')}</p>
          <p class="govuk-body">{t('home.emptyHint')}</p>
        </>
      )}
      {credentials && credentials.length > 0 && (
        <ul class="govuk-list" data-testid="credential-list">
          {credentials.map((credential) => (
            <li key={credential.id} class="satchel-card">
              <h2 class="govuk-heading-s">{credential.type}</h2>
              <p class="govuk-body-s">{credential.issuerName}</p>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="govuk-button govuk-button--secondary" onClick={() => vault.lock()}>{t('home.lock')}</button>
    </>
  );
}
