import { nameOfPart, textIn, type DisplayName, type Localised } from '../../wallet/shared';
import { NameText } from '../components/NameText';
import { Portrait } from './Portrait';
import { useI18n } from '../i18n/context';
import { formatDate, formatDateTime, isoDate } from '../i18n/format';
import type { Language, Translate } from '../i18n/translate';

// SVG too: as an <img> it is a picture only, it cannot run script or load anything.
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Parts = Record<string, DisplayName>;
type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined);

/** Claims whose value is an ISO 3166-1 alpha-2 country code (ISO/IEC 18013-5 §7.2.1), shown as the country's name. */
const COUNTRY_CLAIMS = new Set(['issuing_country', 'resident_country', 'nationality']);

/** OpenID Connect Core 1.0 §5.1.1: an address claim (any of its members). */
const ADDRESS_MEMBERS = ['formatted', 'street_address', 'locality', 'region', 'postal_code', 'country'];
const isAddress = (value: unknown): value is Fields =>
  isFields(value) && Object.keys(value).length > 0 && Object.entries(value).every(([k, v]) => ADDRESS_MEMBERS.includes(k) && typeof v === 'string');

/** ISO/IEC 18013-5 §7.2.4: driving privileges, each with a vehicle category. */
const isDrivingPrivileges = (value: unknown): value is Fields[] =>
  Array.isArray(value) && value.length > 0 && value.every((p) => isFields(p) && typeof p.vehicle_category_code === 'string');

// Country codes (ISO 3166-1 alpha-2) a UK address is likely to carry; others as Intl names them.
const COUNTRIES: Record<string, Localised> = {
  GB: { en: 'United Kingdom', cy: 'Y Deyrnas Unedig' },
  IE: { en: 'Ireland', cy: 'Iwerddon' },
};

function countryName(code: string, language: Language): string {
  const known = COUNTRIES[code.toUpperCase()];
  if (known) return textIn(known, language).text;
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** An address as a person writes it: one line each (street, town, county, postcode, country). */
function addressLines(address: Fields, language: Language): string[] {
  if (typeof address.formatted === 'string' && address.formatted.trim()) return address.formatted.split(/\r?\n/).filter((l) => l.trim());
  const street = typeof address.street_address === 'string' ? address.street_address.split(/\r?\n/) : [];
  const country = text(address.country);
  return [...street, text(address.locality), text(address.region), text(address.postal_code), country && countryName(country, language)]
    .filter((line): line is string => line !== undefined && line.trim() !== '');
}

/** "Category AM, from 1 March 2010 to 1 March 2030, codes 01, 78" (Welsh: "Categori AM, o … tan …, codau …"). */
function privilegeText(privilege: Fields, t: Translate, language: Language): string {
  const date = (v: unknown) => (typeof v === 'string' ? formatDate(v, language) : undefined);
  const from = date(privilege.issue_date);
  const to = date(privilege.expiry_date);
  const codes = Array.isArray(privilege.codes)
    ? privilege.codes.map((c) => (isFields(c) ? [text(c.code), text(c.sign), text(c.value)].filter(Boolean).join(' ') : text(c))).filter(Boolean)
    : [];
  const pieces = [t('claim.privilege.category', { category: String(privilege.vehicle_category_code) })];
  const span = [from && t('claim.privilege.from', { date: from }), to && t('claim.privilege.to', { date: to })].filter(Boolean).join(' ');
  if (span) pieces.push(span);
  if (codes.length > 0) pieces.push(t('claim.privilege.codes', { codes: codes.join(', ') }));
  return pieces.join(', ');
}

/** A member's name: the one the wallet gave (with the issuer's label, if any), else the member's own (names.ts words it). */
function PartLabel({ parts, at, name }: { parts: Parts; at: string; name: string }) {
  return <NameText name={parts[at] ?? nameOfPart(name)} />;
}

function Value({ value, label, parts, at }: { value: unknown; label: string; parts: Parts; at: string }) {
  const { t, language } = useI18n();
  if (typeof value === 'string' && IMAGE_DATA_URL.test(value)) return <img src={value} alt={label} class="satchel-portrait" />;
  // A byte string is a photo (an mdoc's portrait, ISO/IEC 18013-5 §7.2.1): shown only as the image its bytes are.
  if (value instanceof Uint8Array) return <Portrait bytes={value} alt={label} />;
  if (typeof value === 'boolean') return <>{value ? t('feature.yes') : t('claim.no')}</>;
  if (value === null || value === undefined) return <>{t('claim.empty')}</>;
  if (typeof value === 'string' && isoDate(value)) return <>{CALENDAR_DATE.test(value) ? formatDate(value, language) : formatDateTime(value, language)}</>;
  if (isAddress(value)) {
    return <ul class="govuk-list" data-claim-shape="address">{addressLines(value, language).map((line, i) => <li key={i} class="govuk-!-margin-bottom-0">{line}</li>)}</ul>;
  }
  if (isDrivingPrivileges(value)) {
    return <ul class="govuk-list" data-claim-shape="driving-privileges">{value.map((p, i) => <li key={i}>{privilegeText(p, t, language)}</li>)}</ul>;
  }
  if (Array.isArray(value)) {
    return <ul class="govuk-list">{value.map((item, i) => <li key={i}><Value value={item} label={label} parts={parts} at={at} /></li>)}</ul>;
  }
  if (isFields(value)) {
    return (
      <ul class="govuk-list">
        {Object.entries(value).map(([key, item]) => {
          const path = at ? `${at}.${key}` : key;
          return <li key={key}><PartLabel parts={parts} at={path} name={key} />: <Value value={item} label={label} parts={parts} at={path} /></li>;
        })}
      </ul>
    );
  }
  return <>{String(value)}</>;
}

/** A claim's own name: its path's last key (an mdoc's element; a W3C VC's claim under credentialSubject). */
export function claimName(path: readonly (string | number | null)[]): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

/**
 * A claim's value as a person would write it: true/false as Yes/No, dates written out, an address
 * as lines, driving privileges as sentences, other nested claims as labelled lines (labels from
 * `parts`, see CredentialView). Only a base64 PNG/JPEG/WebP/SVG data URL (an SD-JWT portrait) or
 * bytes that are a JPEG or PNG (an mdoc portrait, Portrait.tsx) become an image. Never HTML:
 * Preact escapes every string. `name` is the claim's own name (the path's last key): a country
 * code claim is shown as the country's name.
 */
export function ClaimValue({ value, label, parts = {}, name }: { value: unknown; label: string; parts?: Parts; name?: string }) {
  const { language } = useI18n();
  if (name !== undefined && COUNTRY_CLAIMS.has(name) && typeof value === 'string' && /^[A-Za-z]{2}$/.test(value)) return <>{countryName(value, language)}</>;
  return <Value value={value} label={label} parts={parts} at="" />;
}
