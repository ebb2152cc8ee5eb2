/**
 * Kept check records (src/wallet/check/check-record.ts) as a plain, printable HTML document an
 * employer can file (docs/sharing.md): per record the result, when, who checked, what was asked,
 * the credential and its issuer, what was seen, and every check made — in the language of the
 * screen it was asked for from. Every value — claim values above all, which come from whoever
 * presented the credential — is escaped as text (HTML Living Standard §13.1.2.6: `&`, `<`, `>`,
 * `"` and `'` as character references); the document has no script and loads nothing.
 */
import { formatDateTime } from '../../lib/format';
import type { ActivityLog, ActivityLogEntry } from '../../wallet/activity';
import type { CheckRecord, CheckVerdict } from '../../wallet/check';
import { textIn, type DisplayName, type Localised } from '../../wallet/shared';
import type { MessageKey } from '../i18n/en';
import { nameText } from '../i18n/names';
import { keptCheckText } from '../i18n/reasons';
import { checkOnBehalfWords, onBehalfSummary } from './check-on-behalf-words';
import { translator, type Language } from '../i18n/translate';

const VERDICT_WORDS: Record<CheckVerdict, MessageKey> = {
  pass: 'record.verdict.pass',
  fail: 'record.verdict.fail',
  'status-unknown': 'record.verdict.statusUnknown',
};

/** Text as HTML character data or an attribute value (HTML Living Standard §13.1.2.6). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One thing asked for: a kind of credential said as such ("Credential: Right to work"), so not mistaken for a detail of the same name. */
export function askedText(name: DisplayName, language: Language): string {
  return name.of === 'type' ? translator(language)('record.askedCredential', { type: nameText(name, language) }) : nameText(name, language);
}

function when(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Satchel's own Welsh month names: browsers often have no Welsh date data (src/lib/format.ts).
  return `${formatDateTime(date, language)} (${date.toISOString()})`;
}

function recordSection(entry: ActivityLogEntry, record: CheckRecord, language: Language): string {
  const t = translator(language);
  const w = (key: MessageKey) => escapeHtml(t(key));
  const l = (text: Localised) => escapeHtml(textIn(text, language).text);
  const n = (name: DisplayName) => escapeHtml(nameText(name, language));
  const row = (term: MessageKey, value: string) => `<dt>${w(term)}</dt><dd>${value}</dd>`;
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  const value = (v: string | number | boolean) => (typeof v === 'boolean' ? w(v ? 'record.yes' : 'record.no') : escapeHtml(String(v)));
  const rows = [
    row('record.result', `<strong>${w(VERDICT_WORDS[record.verdict])}</strong>`),
    // On someone's behalf (docs/carers.md): who presented it for whom, or why it was not accepted.
    ...(record.onBehalf ? [`<dt>${escapeHtml(checkOnBehalfWords(language)('recordTerm'))}</dt><dd>${escapeHtml(onBehalfSummary(record.onBehalf, language))}</dd>`] : []),
    row('record.when', escapeHtml(when(entry.at, language))),
    ...(record.checkedBy ? [row('record.checkedBy', escapeHtml(record.checkedBy))] : []),
    row('record.asked', record.asked.length > 0 ? list(record.asked.map((a) => escapeHtml(askedText(a, language)))) : w('record.askedNothing')),
    ...(entry.credentialTypeName ? [row('record.credential', n(entry.credentialTypeName))] : []),
    ...(record.issuerName ? [row('record.issuer', l(record.issuerName))] : []),
    row('record.seen', record.seen.length > 0 ? list(record.seen.map((s) => `${n(s.label)}: ${s.photo ? w('record.photo') : value(s.value)}`)) : w('record.nothingSeen')),
    row('record.checks', list(record.checks.map((c) => `${w(c.ok ? 'record.passed' : 'record.failed')}: ${escapeHtml(keptCheckText(c, t, language))}`))),
    ...(record.statusListFrom ? [row('record.statusList', escapeHtml(when(record.statusListFrom, language)))] : []),
  ];
  return `<section><h2>${w('record.check')} ${escapeHtml(when(entry.at, language))}</h2><dl>${rows.join('')}</dl></section>`;
}

/** The printable document of `entries`' kept check records (entries without one are left out). */
export function checkRecordsDocument(entries: readonly ActivityLogEntry[], language: Language, exportedAt: string): string {
  const w = (key: MessageKey) => escapeHtml(translator(language)(key));
  const sections = entries.flatMap((e) => (e.kind === 'checked' && e.check ? [recordSection(e, e.check, language)] : []));
  const style = 'body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:45em;margin:2em auto;padding:0 1em;line-height:1.4}'
    + 'section{border-top:2px solid #0b0c0c;margin-top:2em;break-inside:avoid}dt{font-weight:bold;margin-top:.75em}dd{margin-left:0}';
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${w('record.title')}</title><style>${style}</style></head><body>`,
    `<h1>${w('record.title')}</h1>`,
    `<p>${w('record.intro')} ${escapeHtml(when(exportedAt, language))}.</p>`,
    sections.length > 0 ? sections.join('\n') : `<p>${w('record.none')}</p>`,
    '</body></html>',
  ].join('\n');
}

/** The kept check records (all, or those `ids`) as a file to download. */
export async function checkRecordsFile(activity: Pick<ActivityLog, 'list'>, language: Language, ids?: readonly string[]): Promise<Blob> {
  const entries = (await activity.list({ kind: 'checked' })).filter((e) => !ids || ids.includes(e.id));
  return new Blob([checkRecordsDocument(entries, language, new Date().toISOString())], { type: 'text/html;charset=utf-8' });
}
