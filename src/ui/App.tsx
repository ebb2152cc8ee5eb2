import { useEffect, useRef, useState } from 'preact/hooks';
import { registerServiceWorker, type OfflineReadiness } from '../sw/register';
import { startAutoLock, type AutoLock } from '../wallet/vault';
import type { People } from '../wallet/people';
import type { Receiver } from '../wallet/receive';
import type { Vault } from '../wallet/vault';
import { FirstScreenShown } from './FirstScreenShown';
import { Footer } from './components/Footer';
import { OfflineBanner } from './components/OfflineBanner';
import { PhaseBanner } from './components/PhaseBanner';
import { ReplaceAppShell } from './ReplaceAppShell';
import { ServiceNavigation } from './components/ServiceNavigation';
import { MAIN_CONTENT_ID, SkipLink } from './components/SkipLink';
import { UpdateBanner } from './components/UpdateBanner';
import { I18nProvider } from './i18n/context';
import { PeopleProvider } from './people/PeopleContext';
import { ReceiverProvider } from './receive/ReceiverContext';
import { Screens } from './Screens';
import { ShareProvider, type ShareServices } from './share/ShareContext';
import { VaultProvider } from './vault/VaultContext';

/** `afterFirstScreen`: work the first screen does not need, run once it is shown (FirstScreenShown.tsx). */
export function App({ vault, receiver, share, people, afterFirstScreen }: { vault: Vault; receiver: Receiver; share: ShareServices; people: People; afterFirstScreen?: () => void }) {
  const [offlineReadiness, setOfflineReadiness] = useState<OfflineReadiness>('pending');
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  // The service worker is registered once the first screen is shown (issue 18): workbox-window's
  // request then never competes with the screen's own.
  const firstScreenShown = () => {
    registerServiceWorker({
      onOfflineReadiness: setOfflineReadiness,
      onUpdateWaiting: (apply) => setApplyUpdate(() => apply),
    });
    afterFirstScreen?.();
  };
  const autoLock = useRef<AutoLock | undefined>(undefined);
  useEffect(() => {
    autoLock.current = startAutoLock(vault);
    return () => autoLock.current?.stop();
  }, [vault]);
  return (
    <I18nProvider>
      <VaultProvider vault={vault} onSettingsChanged={() => void autoLock.current?.refresh()}>
        <ReceiverProvider receiver={receiver}>
          <ShareProvider services={share}>
            <PeopleProvider people={people}>
            <ReplaceAppShell />
            <SkipLink />
            <ServiceNavigation />
            <div class="govuk-width-container">
              <PhaseBanner />
              <main class="govuk-main-wrapper" id={MAIN_CONTENT_ID} tabIndex={-1}>
                {applyUpdate && <UpdateBanner applyUpdate={applyUpdate} onDismiss={() => setApplyUpdate(null)} />}
                <OfflineBanner />
                <Screens offlineReadiness={offlineReadiness} />
              </main>
            </div>
            <Footer />
            <FirstScreenShown run={firstScreenShown} />
            </PeopleProvider>
          </ShareProvider>
        </ReceiverProvider>
      </VaultProvider>
    </I18nProvider>
  );
}
