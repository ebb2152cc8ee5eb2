import { useEffect, useState } from 'preact/hooks';
import type { OfflineReadiness } from '../../sw/register';
import { detectFeatures, type FeatureName, type FeatureReport } from '../../wallet/app';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import { ScreenHeading } from '../components/ScreenHeading';
import { Readiness } from '../components/Readiness';
import { SummaryList } from '../components/SummaryList';

const FEATURE_LABELS: Record<FeatureName, MessageKey> = {
  webAssembly: 'feature.webAssembly',
  serviceWorker: 'feature.serviceWorker',
  persistentStorage: 'feature.persistentStorage',
  barcodeDetector: 'feature.barcodeDetector',
  decompressionStream: 'feature.decompressionStream',
  webCryptoEd25519: 'feature.webCryptoEd25519',
  webAuthnPrf: 'feature.webAuthnPrf',
};

export function AboutScreen({ offlineReadiness }: { offlineReadiness: OfflineReadiness }) {
  const { t } = useI18n();
  const [features, setFeatures] = useState<FeatureReport>();
  useEffect(() => {
    let live = true;
    void detectFeatures().then((report) => live && setFeatures(report));
    return () => {
      live = false;
    };
  }, []);
  const featureRows = (Object.keys(FEATURE_LABELS) as FeatureName[]).map((name) => ({
    key: t(FEATURE_LABELS[name]),
    value: features ? t(features[name] ? 'feature.yes' : 'feature.no') : t('feature.unknown'),
    id: `feature-${name}`,
  }));
  return (
    <>
      <ScreenHeading>{t('about.title')}</ScreenHeading>
      <p class="govuk-body">{t('about.intro')}</p>
      <Readiness offlineReadiness={offlineReadiness} />
      <SummaryList rows={[{ key: t('about.version'), value: __APP_VERSION__, id: 'app-version' }]} />
      <h2 class="govuk-heading-m">{t('about.features')}</h2>
      <SummaryList rows={featureRows} testId="features" />
    </>
  );
}
