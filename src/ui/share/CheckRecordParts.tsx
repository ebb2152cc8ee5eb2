import { useEffect, useState } from 'preact/hooks';
import type { ActivityLog } from '../../wallet/activity';
import type { CheckRecord } from '../../wallet/check';
import { LocalisedText } from '../components/LocalisedText';
import { useI18n } from '../i18n/context';
import { checkRecordsFile } from './check-records-document';
import type { MessageKey } from '../i18n/en';

const RESULT: Record<CheckRecord['verdict'], { key: MessageKey; tag: string }> = {
  pass: { key: 'activity.result.pass', tag: 'govuk-tag--green' },
  fail: { key: 'activity.result.fail', tag: 'govuk-tag--red' },
  'status-unknown': { key: 'activity.result.statusUnknown', tag: 'govuk-tag--yellow' },
};

/** A kept check's result and issuer, in its activity row (the full record is in the printable export). */
export function CheckRecordSummary({ record }: { record: CheckRecord }) {
  const { t } = useI18n();
  const result = RESULT[record.verdict];
  return (
    <p class="govuk-body-s govuk-!-margin-bottom-1" data-testid="check-record-result">
      <strong class={`govuk-tag ${result.tag}`}>{t(result.key)}</strong>
      {record.issuerName && <> <LocalisedText text={record.issuerName} /></>}
    </p>
  );
}

/** "Download the check records": a plain, printable HTML document of every kept check, in the screen's language. */
export function CheckRecordsExport({ activity }: { activity: Pick<ActivityLog, 'list'> }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState<string>();
  useEffect(() => () => url && URL.revokeObjectURL(url), [url]);
  // A document made in one language is not offered in the other.
  useEffect(() => setUrl(undefined), [language]);
  return url
    ? <a class="govuk-button" href={url} download="satchel-check-records.html">{t('activity.downloadRecords')}</a>
    : <button type="button" class="govuk-button govuk-button--secondary"
        onClick={() => void checkRecordsFile(activity, language).then((blob) => setUrl(URL.createObjectURL(blob)))}>{t('activity.exportRecords')}</button>;
}
