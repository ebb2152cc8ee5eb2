/**
 * Every date, time, relative time and size the person reads, in GOV.UK style
 * (https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style "Dates", "Times"):
 * "30 November 2027", "30 November 2026 at 11:49am", "5pm", "midday", "midnight".
 *
 * Built from Satchel's own words rather than Intl's locale data for two reasons: browsers often
 * ship no Welsh data (Chromium printed English month names and "this minute" on Welsh screens),
 * and CLDR's en-GB style is not GOV.UK's ("11:49" or "11:49 am", not "11:49am"). Welsh follows the
 * GOV.UK Welsh style: "30 Tachwedd 2027", "am 11:49yb" (y bore) / "yh" (yr hwyr / y prynhawn).
 * Times are in the phone's own time zone; calendar dates (a date of birth) are the day written.
 * In lib so that documents the wallet writes (a kept check record) read the same as the screens;
 * the UI imports it through src/ui/i18n/format.ts.
 */
/** The languages Satchel is written in (the UI's Language, src/ui/i18n/translate.ts). */
export type Language = 'en' | 'cy';

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

interface Words {
  at: string;
  am: string;
  pm: string;
  midday: string;
  midnight: string;
  lessThanAMinuteAgo: string;
  ago(count: number, unit: Unit): string;
  in(count: number, unit: Unit): string;
  bytes: string;
}

type Unit = 'minute' | 'hour' | 'day';

const EN_UNITS: Record<Unit, [string, string]> = { minute: ['minute', 'minutes'], hour: ['hour', 'hours'], day: ['day', 'days'] };
// Welsh nouns stay singular after a numeral ("5 munud", "3 awr", "4 diwrnod").
const CY_UNITS: Record<Unit, string> = { minute: 'munud', hour: 'awr', day: 'diwrnod' };

const WORDS: Record<Language, Words> = {
  en: {
    at: 'at',
    am: 'am',
    pm: 'pm',
    midday: 'midday',
    midnight: 'midnight',
    lessThanAMinuteAgo: 'less than a minute ago',
    ago: (n, unit) => `${n} ${EN_UNITS[unit][n === 1 ? 0 : 1]} ago`,
    in: (n, unit) => `in ${n} ${EN_UNITS[unit][n === 1 ? 0 : 1]}`,
    bytes: 'bytes',
  },
  cy: {
    at: 'am',
    am: 'yb',
    pm: 'yh',
    // "am" mutates what follows: "am ganol dydd", "am ganol nos".
    midday: 'ganol dydd',
    midnight: 'ganol nos',
    lessThanAMinuteAgo: 'llai na munud yn ôl',
    ago: (n, unit) => `${n} ${CY_UNITS[unit]} yn ôl`,
    in: (n, unit) => `ymhen ${n} ${CY_UNITS[unit]}`,
    bytes: 'beit',
  },
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 / RFC 3339 full-date or date-time (what credentials carry), with a real month and day. */
export function isoDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value) ?? DATE_TIME.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && !Number.isNaN(Date.parse(value));
}

type DateInput = string | number | Date;

/** Day, month (0-based) and year: a calendar date as written, anything else in the phone's time zone. */
function dayMonthYear(value: DateInput): [number, number, number] | undefined {
  if (typeof value === 'string') {
    const calendar = CALENDAR_DATE.exec(value);
    if (calendar) return isoDate(value) ? [Number(calendar[3]), Number(calendar[2]) - 1, Number(calendar[1])] : undefined;
  }
  const date = toDate(value);
  return date ? [date.getDate(), date.getMonth(), date.getFullYear()] : undefined;
}

function toDate(value: DateInput): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "30 November 2027" / "30 Tachwedd 2027"; text that is not a date is returned as it is. */
export function formatDate(value: DateInput, language: Language): string {
  const parts = dayMonthYear(value);
  if (!parts) return String(value);
  const [day, month, year] = parts;
  return `${day} ${MONTHS[language][month]} ${year}`;
}

/** "11:49am", "5pm", "midday", "midnight" (Welsh: "11:49yb", "5yh", "ganol dydd", "ganol nos"). */
function formatTime(date: Date, language: Language): string {
  const words = WORDS[language];
  const hours = date.getHours();
  const minutes = date.getMinutes();
  if (minutes === 0 && hours === 12) return words.midday;
  if (minutes === 0 && hours === 0) return words.midnight;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const clock = minutes === 0 ? String(hour12) : `${hour12}:${String(minutes).padStart(2, '0')}`;
  return `${clock}${hours < 12 ? words.am : words.pm}`;
}

/** "30 November 2026 at 11:49am" / "30 Tachwedd 2026 am 11:49yb". */
export function formatDateTime(value: DateInput, language: Language): string {
  const date = toDate(value);
  if (!date) return String(value);
  return `${formatDate(date, language)} ${WORDS[language].at} ${formatTime(date, language)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;

/** "5 minutes ago", "in 2 hours", "3 diwrnod yn ôl"; a month or more away, the date itself. */
export function formatRelative(value: DateInput, now: number, language: Language): string {
  const date = toDate(value);
  if (!date) return String(value);
  const elapsed = now - date.getTime();
  const size = Math.abs(elapsed);
  if (size >= MONTH) return formatDate(date, language);
  const words = WORDS[language];
  if (size < MINUTE) return words.lessThanAMinuteAgo;
  const [unit, ms]: [Unit, number] = size >= DAY ? ['day', DAY] : size >= HOUR ? ['hour', HOUR] : ['minute', MINUTE];
  const count = Math.floor(size / ms);
  return elapsed >= 0 ? words.ago(count, unit) : words.in(count, unit);
}

// Welsh writes numbers as English does (full stop for decimals, comma for thousands).
const NUMBER_LOCALE: Record<Language, string> = { en: 'en-GB', cy: 'en-GB' };

/** A whole or decimal number with thousands separators. */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language], { maximumFractionDigits }).format(value);
}

const SIZE_UNITS: [string, number][] = [['GB', 1e9], ['MB', 1e6], ['kB', 1e3]];

/** "1.7 MB", "10.7 GB", "512 bytes": decimal units, as phones report storage. */
export function formatBytes(bytes: number, language: Language): string {
  const found = SIZE_UNITS.find(([, size]) => bytes >= size);
  if (!found) return `${formatNumber(bytes, language)} ${WORDS[language].bytes}`;
  const [unit, size] = found;
  return `${formatNumber(bytes / size, language, 1)} ${unit}`;
}
