/**
 * Text in several languages (Localised): made from an issuer's OpenID4VCI display list, read back
 * from storage, and looked up in the person's language with the fallback to English.
 */
import type { Display } from '../../protocols/openid4vci/index';
import type { Localised } from './types';

/** BCP 47 (RFC 5646 §2.1): the primary language subtag, lower case ("en-GB" → "en"). */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/**
 * `text` in `language`: the exact tag, else its primary language ("cy-GB" → "cy"), else English.
 * `language` says which was found, so a screen can mark English shown on a Welsh page (WCAG 3.1.2).
 */
export function textIn(text: Localised, language: string): { text: string; language: string } {
  for (const tag of [language, primaryLanguage(language)]) {
    const found = text[tag];
    if (found) return { text: found, language: tag };
  }
  return { text: text.en, language: 'en' };
}

/**
 * OpenID4VCI 1.0 display arrays (§12.2.4: name + BCP 47 locale) as Localised: every language the
 * issuer gave, by primary subtag (the first display of each language wins). English is the display
 * in English, else the one without a locale, else the first, else `fallback`.
 */
export function localise(displays: readonly Display[] | undefined, fallback: string): Localised {
  const list = displays ?? [];
  const lang = (d: Display) => primaryLanguage(d.locale ?? '');
  const en = list.find((d) => lang(d) === 'en') ?? list.find((d) => d.locale === undefined) ?? list[0];
  const out: Localised = { en: en?.name ?? fallback };
  for (const d of list) {
    const tag = lang(d);
    if (tag !== '' && tag !== 'en' && out[tag] === undefined) out[tag] = d.name;
  }
  return out;
}

/** Several texts as one, in every language any of them has (each in that language, else English). */
export function joinLocalised(texts: readonly Localised[], separator: string): Localised {
  const languages = new Set(texts.flatMap((t) => Object.keys(t)));
  const out: Localised = { en: texts.map((t) => t.en).join(separator) };
  for (const language of languages) if (language !== 'en') out[language] = texts.map((t) => textIn(t, language).text).join(separator);
  return out;
}

/** A language tag as kept in Localised: a primary subtag, or a full tag (RFC 5646 §2.1). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** A stored Localised read back: every language's text kept, anything else dropped; undefined without English. */
export function readLocalised(value: unknown): Localised | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { en } = value as { en?: unknown };
  if (typeof en !== 'string') return undefined;
  const out: Localised = { en };
  for (const [tag, text] of Object.entries(value)) if (tag !== 'en' && LANGUAGE_TAG.test(tag) && typeof text === 'string') out[tag] = text;
  return out;
}

/** A claim name as a label when the issuer gives none: "birth_date" → "Birth date". */
export function labelFromName(name: string): Localised {
  const words = name.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return { en: words ? words[0]!.toUpperCase() + words.slice(1) : name };
}
