/**
 * The one small typed message catalogue every screen goes through. A language is its catalogue
 * (typed against the English one, so no key can be missing) listed in `catalogues`, plus its date
 * words in src/lib/format.ts; nothing else names a language.
 */
import { cy } from './cy';
import { en, type Catalogue, type MessageKey } from './en';

const catalogues = { en, cy } satisfies Record<string, Catalogue>;

/** A language Satchel is written in: a BCP 47 primary language subtag with a catalogue. */
export type Language = keyof typeof catalogues;
export const LANGUAGES = Object.keys(catalogues) as Language[];
/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES = Object.fromEntries(LANGUAGES.map((language) => [language, catalogues[language]['language.self']])) as Record<Language, string>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in one language and fills `{name}` placeholders with plain text. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(catalogues, value);
}
