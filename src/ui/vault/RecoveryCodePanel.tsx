import { useEffect, useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/context';

/** Shows the recovery code once, large and grouped, with a way to save it as a file. */
export function RecoveryCodePanel({ code }: { code: string }) {
  const { t } = useI18n();
  const fileUrl = useMemo(
    () => URL.createObjectURL(new Blob([`${t('recovery.fileIntro')}\n\n${code}\n`], { type: 'text/plain' })),
    [code, t],
  );
  useEffect(() => () => URL.revokeObjectURL(fileUrl), [fileUrl]);
  return (
    <>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t('warning.prefix')}</span>
          {t('recovery.warning')}
        </strong>
      </div>
      <p class="govuk-body satchel-recovery-code" data-testid="recovery-code" aria-label={t('recovery.codeLabel')}>
        {code}
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={fileUrl} download="satchel-recovery-code.txt">{t('recovery.download')}</a>
      </p>
    </>
  );
}
