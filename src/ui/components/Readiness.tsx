import { useEffect, useState } from 'preact/hooks';
import type { OfflineReadiness } from '../../sw/register';
import { checkSignatureEngine, type SignatureEngineState } from '../../wallet/app';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/en';
import { SummaryList } from './SummaryList';

const OFFLINE_MESSAGES: Record<OfflineReadiness, MessageKey> = {
  ready: 'status.offline.yes',
  pending: 'status.offline.pending',
  unsupported: 'status.offline.unsupported',
};

function engineMessage(engine: SignatureEngineState | undefined): MessageKey {
  if (!engine) return 'status.signatures.checking';
  if (engine.state === 'failed') return 'status.signatures.failed';
  return engine.engine === 'wasm' ? 'status.signatures.wasm' : 'status.signatures.noble';
}

/** "Is Satchel ready?": saved for offline use, and signature checks working (through the crypto worker). */
export function Readiness({ offlineReadiness }: { offlineReadiness: OfflineReadiness }) {
  const { t } = useI18n();
  const [engine, setEngine] = useState<SignatureEngineState>();
  useEffect(() => {
    let live = true;
    void checkSignatureEngine().then((state) => live && setEngine(state));
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <h2 class="govuk-heading-m">{t('home.readiness')}</h2>
      <SummaryList
        testId="readiness"
        rows={[
          { key: t('status.offline'), value: t(OFFLINE_MESSAGES[offlineReadiness]), id: 'offline-readiness' },
          { key: t('status.signatures'), value: t(engineMessage(engine)), id: 'signature-engine' },
        ]}
      />
    </>
  );
}
