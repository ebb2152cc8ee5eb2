/**
 * Satchel's own labels for the members of nested claims that government credentials carry, used
 * when the issuer's metadata names none: an address (OpenID Connect Core 1.0 §5.1.1 Address Claim)
 * and driving privileges (ISO/IEC 18013-5 §7.2.4: vehicle_category_code, issue_date, expiry_date,
 * codes of { code, sign, value }). Keyed by member name.
 */
import type { Localised } from '../shared';

export const CLAIM_PART_LABELS: Record<string, Localised> = {
  formatted: { en: 'Address', cy: 'Cyfeiriad' },
  street_address: { en: 'Street address', cy: 'Cyfeiriad stryd' },
  locality: { en: 'Town or city', cy: 'Tref neu ddinas' },
  region: { en: 'County', cy: 'Sir' },
  postal_code: { en: 'Postcode', cy: 'Cod post' },
  country: { en: 'Country', cy: 'Gwlad' },
  vehicle_category_code: { en: 'Category', cy: 'Categori' },
  issue_date: { en: 'From', cy: 'O' },
  expiry_date: { en: 'To', cy: 'Tan' },
  codes: { en: 'Codes', cy: 'Codau' },
  code: { en: 'Code', cy: 'Cod' },
  sign: { en: 'Sign', cy: 'Arwydd' },
  value: { en: 'Value', cy: 'Gwerth' },
};
