/**
 * Which screen a path shows, given the vault's state. A locked vault shows the unlock screen on
 * any private path, so a deep link still lands where it pointed once unlocked.
 */
import type { ComponentType } from 'preact';
import type { OfflineReadiness } from '../sw/register';
import { ScreenHeading } from './components/ScreenHeading';
import { useI18n } from './i18n/context';
import { usePath, useScreenKey } from './router';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { StartScreen } from './screens/StartScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { lazyScreen } from './lazy-screen';
import { useVault } from './vault/VaultContext';

// Everything but the start and unlock screens loads on first use (lazy-screen.tsx).
const HomeScreen = lazyScreen(() => import('./screens/HomeScreen').then((m) => m.HomeScreen));
const AddCredentialScreen = lazyScreen(() => import('./screens/AddCredentialScreen').then((m) => m.AddCredentialScreen));
const AboutScreen = lazyScreen(() => import('./screens/AboutScreen').then((m) => m.AboutScreen));
const ActivityScreen = lazyScreen(() => import('./screens/ActivityScreen').then((m) => m.ActivityScreen));
const BackupScreen = lazyScreen(() => import('./screens/BackupScreen').then((m) => m.BackupScreen));
const ChangePinScreen = lazyScreen(() => import('./screens/ChangePinScreen').then((m) => m.ChangePinScreen));
const CheckScreen = lazyScreen(() => import('./screens/CheckScreen').then((m) => m.CheckScreen));
const LicenceCheckScreen = lazyScreen(() => import('./check/LicenceCheckScreen').then((m) => m.LicenceCheckScreen));
const PaperCardCheckScreen = lazyScreen(() => import('./check/PaperCardCheckScreen').then((m) => m.PaperCardCheckScreen));
const CredentialScreen = lazyScreen(() => import('./screens/CredentialScreen').then((m) => m.CredentialScreen));
const PaperCardScreen = lazyScreen(() => import('./card/PaperCardScreen').then((m) => m.PaperCardScreen));
const PasskeyScreen = lazyScreen(() => import('./screens/PasskeyScreen').then((m) => m.PasskeyScreen));
const QuickShowScreen = lazyScreen(() => import('./screens/QuickShowScreen').then((m) => m.QuickShowScreen));
const RecoverScreen = lazyScreen(() => import('./screens/RecoverScreen').then((m) => m.RecoverScreen));
const RestoreScreen = lazyScreen(() => import('./screens/RestoreScreen').then((m) => m.RestoreScreen));
const SettingsScreen = lazyScreen(() => import('./screens/SettingsScreen').then((m) => m.SettingsScreen));
const ShareScreen = lazyScreen(() => import('./screens/ShareScreen').then((m) => m.ShareScreen));
const SetupScreen = lazyScreen(() => import('./screens/SetupScreen').then((m) => m.SetupScreen));
const SignInReturnScreen = lazyScreen(() => import('./screens/SignInReturnScreen').then((m) => m.SignInReturnScreen));
const GetCredentialScreen = lazyScreen(() => import('./screens/GetCredentialScreen').then((m) => m.GetCredentialScreen));
// The people whose credentials this Satchel keeps (issue 16).
const PeopleScreen = lazyScreen(() => import('./people/PeopleScreen').then((m) => m.PeopleScreen));
const AddPersonScreen = lazyScreen(() => import('./people/AddPersonScreen').then((m) => m.AddPersonScreen));
const RemovePersonScreen = lazyScreen(() => import('./people/RemovePersonScreen').then((m) => m.RemovePersonScreen));

/** Paths that need an unlocked vault. */
const PRIVATE_SCREENS: Record<string, ComponentType> = {
  '/': HomeScreen,
  '/index.html': HomeScreen,
  '/settings': SettingsScreen,
  '/settings/change-pin': ChangePinScreen,
  '/settings/backup': BackupScreen,
  '/settings/passkey': PasskeyScreen,
  '/add': AddCredentialScreen,
  // Offer links: …/offer?credential_offer=… or ?credential_offer_uri=… (OpenID4VCI §4.1).
  '/offer': AddCredentialScreen,
  // Back from a department's sign-in page (OpenID4VCI 1.0 §5): ?code=…&state=…, kept while locked.
  '/authorised': SignInReturnScreen,
  '/get-credential': GetCredentialScreen,
  '/share': ShareScreen,
  '/share/quick': QuickShowScreen,
  '/check': CheckScreen,
  // Any wallet's driving licence, in person over Bluetooth (ISO/IEC 18013-5 reader).
  '/check/licence': LicenceCheckScreen,
  // A printed card's QR code, checked offline (issue 17).
  '/check/card': PaperCardCheckScreen,
  '/activity': ActivityScreen,
  '/people': PeopleScreen,
  '/people/add': AddPersonScreen,
};

const CREDENTIAL_PATH = /^\/credential\/([^/]+)$/;
/** A held credential's paper card to print (issue 17). */
const CARD_PATH = /^\/credential\/([^/]+)\/card$/;
/** Removing a person, after a warning naming what goes with them (issue 16). */
const REMOVE_PERSON_PATH = /^\/people\/([^/]+)\/remove$/;

/** The screen for a private path, or undefined when the path is not one. */
function privateScreen(path: string, screenKey: string): preact.JSX.Element | undefined {
  const credential = CREDENTIAL_PATH.exec(path);
  if (credential) return <CredentialScreen id={decodeURIComponent(credential[1]!)} />;
  const card = CARD_PATH.exec(path);
  if (card) return <PaperCardScreen id={decodeURIComponent(card[1]!)} />;
  const removePerson = REMOVE_PERSON_PATH.exec(path);
  if (removePerson) return <RemovePersonScreen id={decodeURIComponent(removePerson[1]!)} />;
  const Screen = PRIVATE_SCREENS[path];
  // Keyed by path: two paths showing the same screen (/add and /offer) start from a clean state;
  // and by restarts: a link to the screen already shown starts it over (router.tsx).
  return Screen && <Screen key={screenKey} />;
}

export function Screens({ offlineReadiness }: { offlineReadiness: OfflineReadiness }) {
  const { t } = useI18n();
  const path = usePath();
  const screenKey = useScreenKey();
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

  const screen = privateScreen(path, screenKey);
  switch (state) {
    case 'absent':
      if (path === '/setup') return <SetupScreen />;
      if (path === '/restore') return <RestoreScreen />;
      return screen ? <StartScreen /> : <NotFoundScreen />;
    case 'locked':
      if (path === '/recover') return <RecoverScreen />;
      return screen ? <UnlockScreen /> : <NotFoundScreen />;
    case 'unlocked':
      // Set-up finishes (recovery code, passkey) after the vault already exists and is unlocked.
      if (path === '/setup') return <SetupScreen />;
      if (path === '/recover' || path === '/restore') return <HomeScreen />;
      return screen ?? <NotFoundScreen />;
  }
}
