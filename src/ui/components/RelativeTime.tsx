import { useI18n } from '../i18n/context';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago" / "5 munud yn ôl", with the exact time for those who want it. */
export function RelativeTime({ iso, now = Date.now() }: { iso: string; now?: number }) {
  const { language } = useI18n();
  const then = Date.parse(iso);
  const elapsed = then - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ['minute', 60_000];
  return <time dateTime={iso} title={new Date(then).toLocaleString(language)}>{format.format(Math.round(elapsed / size), unit)}</time>;
}
