import { useEffect, useState } from 'preact/hooks';
import type { ActivityLogEntry } from '../../wallet/activity';
import { LocalisedText } from '../components/LocalisedText';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../i18n/format';
import type { MessageKey } from '../i18n/en';
import { CheckRecordsExport, CheckRecordSummary } from '../share/CheckRecordParts';
import { useShare } from '../share/ShareContext';
import { NameText } from '../components/NameText';
import { VIA_WORDS, viaWords, wordsOfName } from '../i18n/names';
import { peopleWords, personName } from '../people/people-words';
import { PersonMarker } from '../people/PersonMarker';
import { personOf, usePeopleList } from '../people/use-people-list';

const KIND_LABELS: Record<ActivityLogEntry['kind'], MessageKey> = {
  shared: 'activity.kind.shared',
  checked: 'activity.kind.checked',
  received: 'activity.kind.received',
};

/**
 * Every share (and check kept, and credential received): when, to whom, what. Filter, delete, export.
 * With people added (issue 16), whose each entry is, a filter by person (removed people too: their
 * activity stays) and, for one person, "Download Mum's activity": only her entries, to give her.
 */
export function ActivityScreen() {
  const { t, language } = useI18n();
  const { activity } = useShare();
  const [entries, setEntries] = useState<ActivityLogEntry[]>();
  const [kind, setKind] = useState<ActivityLogEntry['kind'] | ''>('');
  const [text, setText] = useState('');
  const [personId, setPersonId] = useState('');
  const [exportUrl, setExportUrl] = useState<string>();
  const [personExport, setPersonExport] = useState<{ personId: string; url: string }>();
  const people = usePeopleList({ includeRemoved: true });
  const withPeople = !!people && people.length > 1;
  const words = peopleWords(language);
  // Names are matched in every language's words for them, Satchel's own too (src/ui/i18n/names.ts).
  const load = () => void activity.list({ ...(kind ? { kind } : {}), ...(personId ? { personId } : {}), ...(text ? { text, words: wordsOfName, viaWords } : {}) }).then(setEntries);
  useEffect(load, [activity, kind, text, personId]);
  useEffect(() => () => exportUrl && URL.revokeObjectURL(exportUrl), [exportUrl]);
  useEffect(() => () => personExport && URL.revokeObjectURL(personExport.url), [personExport]);
  const chosen = withPeople && personId ? personOf(people, personId) : undefined;
  const chosenName = chosen && personName(chosen, language);
  return (
    <>
      <ScreenHeading>{t('activity.title')}</ScreenHeading>
      <p class="govuk-body">{t('activity.intro')}</p>
      {withPeople && (
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="activity-person">{words('activity.person')}</label>
          <select class="govuk-select" id="activity-person" value={personId} onChange={(e) => setPersonId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{words('activity.everyone')}</option>
            {people.map((person) => <option key={person.id} value={person.id}>{personName(person, language)}</option>)}
          </select>
        </div>
      )}
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="activity-kind">{t('activity.filterKind')}</label>
        <select class="govuk-select" id="activity-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ActivityLogEntry['kind'] | '')}>
          <option value="">{t('activity.kind.all')}</option>
          {(Object.keys(KIND_LABELS) as ActivityLogEntry['kind'][]).map((k) => <option key={k} value={k}>{t(KIND_LABELS[k])}</option>)}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="activity-text">{t('activity.filterText')}</label>
        <input class="govuk-input govuk-input--width-20" id="activity-text" type="search" value={text}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {entries?.length === 0 && <p class="govuk-body">{t('activity.empty')}</p>}
      {entries && entries.length > 0 && (
        <table class="govuk-table satchel-table--cards" data-testid="activity-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{t('activity.caption')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('activity.when')}</th>
              <th scope="col" class="govuk-table__header">{t('activity.what')}</th>
              <th scope="col" class="govuk-table__header">{t('activity.who')}</th>
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{t('activity.actions')}</span></th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {entries.map((entry) => (
              <tr class="govuk-table__row" key={entry.id}>
                <td class="govuk-table__cell" data-label={t('activity.when')}>{formatDateTime(entry.at, language)}</td>
                <td class="govuk-table__cell" data-label={t('activity.what')}>
                  {withPeople && entry.kind !== 'checked' && <><PersonMarker person={personOf(people, entry.personId)} />{' '}</>}
                  {t(KIND_LABELS[entry.kind])}
                  {entry.credentialTypeName && <>: <NameText name={entry.credentialTypeName} /></>}
                  {entry.check && <CheckRecordSummary record={entry.check} />}
                  {entry.claims.length > 0 && (
                    <ul class="govuk-list govuk-body-s">{entry.claims.map((c, i) => <li key={i}><NameText name={c} /></li>)}</ul>
                  )}
                </td>
                <td class="govuk-table__cell" data-label={t('activity.who')}>{entry.via ? t(VIA_WORDS[entry.via]) : entry.counterpartyName ? <LocalisedText text={entry.counterpartyName} /> : entry.counterparty ?? '—'}</td>
                <td class="govuk-table__cell">
                  <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => void activity.remove(entry.id).then(load)}>
                    {t('activity.delete')}<span class="govuk-visually-hidden"> {formatDateTime(entry.at, language)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && chosenName && (personExport?.personId === chosen.id
        ? <a class="govuk-button" href={personExport.url} download={`satchel-activity-${chosen.id}.json`}>{words('activity.download', { name: chosenName })}</a>
        : <button type="button" class="govuk-button govuk-button--secondary" data-testid="export-person"
          onClick={() => void activity.export({ personId: chosen.id }).then((blob) => setPersonExport({ personId: chosen.id, url: URL.createObjectURL(blob) }))}>
          {words('activity.export', { name: chosenName })}
        </button>)}
      {exportUrl
        ? <a class="govuk-button" href={exportUrl} download="satchel-activity.json">{t('activity.download')}</a>
        : <button type="button" class="govuk-button govuk-button--secondary" onClick={() => void activity.export().then((blob) => setExportUrl(URL.createObjectURL(blob)))}>{t('activity.export')}</button>}
      {entries?.some((e) => e.check) && <CheckRecordsExport activity={activity} />}
    </>
  );
}
