import { useI18n } from '../i18n/context';

/**
 * Under a check's result: the next check (the main button) and "Keep a record of this check", or
 * that it was kept. The same on every check screen (Satchel codes, a licence in another wallet, a
 * paper card).
 */
export function CheckResultActions({ nextLabel, onNext, kept, onKeep }: { nextLabel: string; onNext: () => void; kept: boolean; onKeep: () => void }) {
  const { t } = useI18n();
  return (
    <div class="govuk-button-group">
      <button type="button" class="govuk-button" onClick={onNext}>{nextLabel}</button>
      {kept ? (
        <p class="govuk-body" role="status">{t('check.kept')}</p>
      ) : (
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onKeep}>{t('check.keep')}</button>
      )}
    </div>
  );
}
