/**
 * Which screen a path shows, given the vault's state. A locked vault shows the unlock screen on
 * any private path, so a deep link still lands where it pointed once unlocked.
 */
import type { OfflineReadiness } from '../sw/register';
import { ScreenHeading } from './components/ScreenHeading';
import { useI18n } from './i18n/context';
import { usePath } from './router';
import { AboutScreen } from './screens/AboutScreen';
import { BackupScreen } from './screens/BackupScreen';
import { ChangePinScreen } from './screens/ChangePinScreen';
import { HomeScreen } from './screens/HomeScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { PasskeyScreen } from './screens/PasskeyScreen';
import { RecoverScreen } from './screens/RecoverScreen';
import { RestoreScreen } from './screens/RestoreScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { StartScreen } from './screens/StartScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { useVault } from './vault/VaultContext';

/** Paths that need an unlocked vault. */
const PRIVATE_SCREENS: Record<string, () => preact.JSX.Element> = {
  '/': HomeScreen,
  '/index.html': HomeScreen,
  '/settings': SettingsScreen,
  '/settings/change-pin': ChangePinScreen,
  '/settings/backup': BackupScreen,
  '/settings/passkey': PasskeyScreen,
};

export function Screens({ offlineReadiness }: { offlineReadiness: OfflineReadiness }) {
  const { t } = useI18n();
  const path = usePath();
  const { state, failure } = useVault();
  if (path === '/about') return <AboutScreen offlineReadiness={offlineReadiness} />;
  if (failure) {
    return (
      <>
        <ScreenHeading>{t('storage.unavailable.title')}</ScreenHeading>
        <p class="govuk-body">{t('vault.error.storageUnavailable')}</p>
      </>
    );
  }
  if (state === undefined) return <p class="govuk-body" role="status">{t('vault.opening')}</p>;

  const Private = PRIVATE_SCREENS[path];
  switch (state) {
    case 'absent':
      if (path === '/setup') return <SetupScreen />;
      if (path === '/restore') return <RestoreScreen />;
      return Private ? <StartScreen /> : <NotFoundScreen />;
    case 'locked':
      if (path === '/recover') return <RecoverScreen />;
      return Private ? <UnlockScreen /> : <NotFoundScreen />;
    case 'unlocked':
      // Set-up finishes (recovery code, passkey) after the vault already exists and is unlocked.
      if (path === '/setup') return <SetupScreen />;
      if (path === '/recover' || path === '/restore') return <HomeScreen />;
      return Private ? <Private /> : <NotFoundScreen />;
  }
}
