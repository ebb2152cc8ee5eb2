/** Dates, times, relative times and sizes for the screens: Satchel's one formatting module (src/lib/format.ts). */
export { formatBytes, formatDate, formatDateTime, formatNumber, formatRelative, isoDate } from '../../lib/format';
