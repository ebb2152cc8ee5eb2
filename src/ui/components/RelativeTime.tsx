import { useI18n } from '../i18n/context';
import { formatDateTime, formatRelative } from '../i18n/format';

/** "5 minutes ago" / "5 munud yn ôl", with the exact time for those who want it. */
export function RelativeTime({ iso, now = Date.now() }: { iso: string; now?: number }) {
  const { language } = useI18n();
  return <time dateTime={iso} title={formatDateTime(iso, language)}>{formatRelative(iso, now, language)}</time>;
}
