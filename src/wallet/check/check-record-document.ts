/**
 * Kept check records (check-record.ts) read back from the activity log, and exported as a plain,
 * printable HTML document an employer can file (issue 11): per record the result, when, who
 * checked, what was asked, the credential and its issuer, what was seen, and every check made.
 * Every value — claim values above all, which come from whoever presented the credential — is
 * escaped as text (HTML Living Standard §13.1.2.6: `&`, `<`, `>`, `"` and `'` as character
 * references); the document has no script and loads nothing.
 */
import { formatDateTime, type Language } from '../../lib/format';
import type { Localised } from '../shared';
import type { ActivityLogEntry } from '../activity';
import type { CheckRecord, CheckVerdict } from './check-api';


const VERDICTS: readonly CheckVerdict[] = ['pass', 'fail', 'status-unknown'];

function localised(value: unknown): Localised | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { en, cy } = value as { en?: unknown; cy?: unknown };
  if (typeof en !== 'string') return undefined;
  return typeof cy === 'string' ? { en, cy } : { en };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored record as a CheckRecord; anything of another shape is left out, never shown half-read. */
export function readCheckRecord(raw: unknown): CheckRecord | undefined {
  if (!isObject(raw) || !VERDICTS.includes(raw.verdict as CheckVerdict)) return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const record: CheckRecord = {
    verdict: raw.verdict as CheckVerdict,
    asked: list(raw.asked).map(localised).filter((a): a is Localised => a !== undefined),
    checks: list(raw.checks).flatMap((c) => {
      const message = isObject(c) ? localised(c.message) : undefined;
      return message && typeof (c as { ok?: unknown }).ok === 'boolean' ? [{ ok: (c as { ok: boolean }).ok, message }] : [];
    }),
    seen: list(raw.seen).flatMap((s) => {
      const label = isObject(s) ? localised(s.label) : undefined;
      const value = isObject(s) ? s.value : undefined;
      if (!label || !(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return [];
      return [{ label, value, ...(isObject(s) && s.photo === true ? { photo: true as const } : {}) }];
    }),
  };
  if (typeof raw.checkedBy === 'string') record.checkedBy = raw.checkedBy;
  const issuer = localised(raw.issuerName);
  if (issuer) record.issuerName = issuer;
  if (typeof raw.statusListFrom === 'string') record.statusListFrom = raw.statusListFrom;
  return record;
}

const WORDS = {
  title: { en: 'Records of credential checks', cy: 'Cofnodion gwirio tystlythyrau' },
  intro: {
    en: 'Kept with Satchel on the checker’s phone at the time of each check, and exported on',
    cy: 'Wedi’u cadw gyda Satchel ar ffôn y gwiriwr ar adeg pob gwiriad, ac wedi’u hallforio ar',
  },
  record: { en: 'Check on', cy: 'Gwiriad ar' },
  result: { en: 'Result', cy: 'Canlyniad' },
  when: { en: 'When', cy: 'Pryd' },
  checkedBy: { en: 'Checked by', cy: 'Gwiriwyd gan' },
  asked: { en: 'What was asked', cy: 'Beth y gofynnwyd amdano' },
  askedNothing: { en: 'Nothing was asked: the person chose what to show (quick show).', cy: 'Ni ofynnwyd am ddim: dewisodd y person beth i’w ddangos (dangos cyflym).' },
  credential: { en: 'Credential', cy: 'Tystlythyr' },
  issuer: { en: 'Issuer', cy: 'Cyhoeddwr' },
  seen: { en: 'What was seen', cy: 'Beth a welwyd' },
  nothingSeen: { en: 'No details were shared.', cy: 'Ni rannwyd unrhyw fanylion.' },
  photo: { en: '(photo shown, not kept)', cy: '(llun wedi’i ddangos, heb ei gadw)' },
  checks: { en: 'What was checked', cy: 'Beth a wiriwyd' },
  passed: { en: 'Passed', cy: 'Wedi llwyddo' },
  failed: { en: 'Failed', cy: 'Wedi methu' },
  statusList: { en: 'Cancellation list used, issued', cy: 'Rhestr ganslo a ddefnyddiwyd, a gyhoeddwyd' },
  yes: { en: 'Yes', cy: 'Ydy' },
  no: { en: 'No', cy: 'Nac ydy' },
  none: { en: 'No kept check records.', cy: 'Dim cofnodion gwirio wedi’u cadw.' },
} satisfies Record<string, Localised>;

const VERDICT_WORDS: Record<CheckVerdict, Localised> = {
  pass: { en: 'Passed: the credential checked out', cy: 'Wedi llwyddo: roedd y tystlythyr yn gywir' },
  fail: { en: 'Failed: not to be accepted', cy: 'Wedi methu: nid i’w dderbyn' },
  'status-unknown': {
    en: 'Signature, issuer and dates passed; cancellation could not be checked',
    cy: 'Llofnod, cyhoeddwr a dyddiadau wedi llwyddo; ni ellid gwirio a oedd wedi’i ganslo',
  },
};

/** Text as HTML character data or an attribute value (HTML Living Standard §13.1.2.6). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function when(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Satchel's own Welsh month names: browsers often have no Welsh date data (src/lib/format.ts).
  return `${formatDateTime(date, language)} (${date.toISOString()})`;
}

function recordSection(entry: ActivityLogEntry, record: CheckRecord, language: Language): string {
  const w = (l: Localised) => escapeHtml(language === 'cy' ? l.cy ?? l.en : l.en);
  const row = (term: Localised, value: string) => `<dt>${w(term)}</dt><dd>${value}</dd>`;
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  const value = (v: string | number | boolean) => (typeof v === 'boolean' ? w(v ? WORDS.yes : WORDS.no) : escapeHtml(String(v)));
  const rows = [
    row(WORDS.result, `<strong>${w(VERDICT_WORDS[record.verdict])}</strong>`),
    row(WORDS.when, escapeHtml(when(entry.at, language))),
    ...(record.checkedBy ? [row(WORDS.checkedBy, escapeHtml(record.checkedBy))] : []),
    row(WORDS.asked, record.asked.length > 0 ? list(record.asked.map(w)) : w(WORDS.askedNothing)),
    ...(entry.credentialTypeName ? [row(WORDS.credential, w(entry.credentialTypeName))] : []),
    ...(record.issuerName ? [row(WORDS.issuer, w(record.issuerName))] : []),
    row(WORDS.seen, record.seen.length > 0 ? list(record.seen.map((s) => `${w(s.label)}: ${s.photo ? w(WORDS.photo) : value(s.value)}`)) : w(WORDS.nothingSeen)),
    row(WORDS.checks, list(record.checks.map((c) => `${w(c.ok ? WORDS.passed : WORDS.failed)}: ${w(c.message)}`))),
    ...(record.statusListFrom ? [row(WORDS.statusList, escapeHtml(when(record.statusListFrom, language)))] : []),
  ];
  return `<section><h2>${w(WORDS.record)} ${escapeHtml(when(entry.at, language))}</h2><dl>${rows.join('')}</dl></section>`;
}

/** The printable document of `entries`' kept check records (entries without one are left out). */
export function checkRecordsDocument(entries: readonly ActivityLogEntry[], language: Language, exportedAt: string): string {
  const w = (l: Localised) => escapeHtml(language === 'cy' ? l.cy ?? l.en : l.en);
  const sections = entries.flatMap((e) => (e.kind === 'checked' && e.check ? [recordSection(e, e.check, language)] : []));
  const style = 'body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:45em;margin:2em auto;padding:0 1em;line-height:1.4}'
    + 'section{border-top:2px solid #0b0c0c;margin-top:2em;break-inside:avoid}dt{font-weight:bold;margin-top:.75em}dd{margin-left:0}';
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${w(WORDS.title)}</title><style>${style}</style></head><body>`,
    `<h1>${w(WORDS.title)}</h1>`,
    `<p>${w(WORDS.intro)} ${escapeHtml(when(exportedAt, language))}.</p>`,
    sections.length > 0 ? sections.join('\n') : `<p>${w(WORDS.none)}</p>`,
    '</body></html>',
  ].join('\n');
}
