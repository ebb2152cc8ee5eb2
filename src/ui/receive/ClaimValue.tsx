import { useI18n } from '../i18n/context';

// SVG too: as an <img> it is a picture only, it cannot run script or load anything.
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

/**
 * A claim's value as text: strings and numbers as they are, true/false as Yes/No, lists and
 * objects flattened. Only a base64 PNG/JPEG/WebP/SVG data URL becomes an image (a portrait).
 * Never HTML: Preact escapes every string.
 */
export function ClaimValue({ value, label }: { value: unknown; label: string }) {
  const { t } = useI18n();
  if (typeof value === 'string' && IMAGE_DATA_URL.test(value)) return <img src={value} alt={label} class="satchel-portrait" />;
  if (typeof value === 'boolean') return <>{value ? t('feature.yes') : t('claim.no')}</>;
  if (value === null || value === undefined) return <>{t('claim.empty')}</>;
  if (Array.isArray(value)) {
    return <ul class="govuk-list">{value.map((item, i) => <li key={i}><ClaimValue value={item} label={label} /></li>)}</ul>;
  }
  if (typeof value === 'object') {
    return (
      <ul class="govuk-list">
        {Object.entries(value as Record<string, unknown>).map(([key, item]) => (
          <li key={key}>{key}: <ClaimValue value={item} label={`${label} ${key}`} /></li>
        ))}
      </ul>
    );
  }
  return <>{String(value)}</>;
}
