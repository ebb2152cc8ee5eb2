import { useEffect, useState } from 'preact/hooks';
import { registerServiceWorker, type OfflineReadiness } from '../sw/register';
import { Footer } from './components/Footer';
import { OfflineBanner } from './components/OfflineBanner';
import { PhaseBanner } from './components/PhaseBanner';
import { ServiceNavigation } from './components/ServiceNavigation';
import { MAIN_CONTENT_ID, SkipLink } from './components/SkipLink';
import { UpdateBanner } from './components/UpdateBanner';
import { I18nProvider } from './i18n/context';
import { usePath } from './router';
import { AboutScreen } from './screens/AboutScreen';
import { HomeScreen } from './screens/HomeScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';

function Screen({ offlineReadiness }: { offlineReadiness: OfflineReadiness }) {
  switch (usePath()) {
    case '/':
    case '/index.html':
      return <HomeScreen offlineReadiness={offlineReadiness} />;
    case '/about':
      return <AboutScreen />;
    default:
      return <NotFoundScreen />;
  }
}

export function App() {
  const [offlineReadiness, setOfflineReadiness] = useState<OfflineReadiness>('pending');
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  useEffect(() => {
    registerServiceWorker({
      onOfflineReadiness: setOfflineReadiness,
      onUpdateWaiting: (apply) => setApplyUpdate(() => apply),
    });
  }, []);
  return (
    <I18nProvider>
      <SkipLink />
      <ServiceNavigation />
      <div class="govuk-width-container">
        <PhaseBanner />
        <main class="govuk-main-wrapper" id={MAIN_CONTENT_ID} tabIndex={-1}>
          {applyUpdate && <UpdateBanner applyUpdate={applyUpdate} onDismiss={() => setApplyUpdate(null)} />}
          <OfflineBanner />
          <Screen offlineReadiness={offlineReadiness} />
        </main>
      </div>
      <Footer />
    </I18nProvider>
  );
}
