/** OpenID4VCI display arrays (§12.2.4: name + BCP 47 locale) as the UI's { en, cy } strings. */
import type { Display } from '../../protocols/openid4vci/index';
import type { Localised } from './types';

export function localise(displays: readonly Display[] | undefined, fallback: string): Localised {
  const list = displays ?? [];
  const lang = (d: Display) => (d.locale ?? '').toLowerCase().split('-')[0];
  const en = list.find((d) => lang(d) === 'en') ?? list.find((d) => d.locale === undefined) ?? list[0];
  const cy = list.find((d) => lang(d) === 'cy');
  const out: Localised = { en: en?.name ?? fallback };
  if (cy) out.cy = cy.name;
  return out;
}

/** A claim name as a label when the issuer gives none: "birth_date" → "Birth date". */
export function labelFromName(name: string): Localised {
  const words = name.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return { en: words ? words[0]!.toUpperCase() + words.slice(1) : name };
}
