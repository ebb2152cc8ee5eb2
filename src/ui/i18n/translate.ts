/** The one small typed message catalogue every screen goes through. */
import { cy } from './cy';
import { en, type Catalogue, type MessageKey } from './en';

export type Language = 'en' | 'cy';
export const LANGUAGES: readonly Language[] = ['en', 'cy'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };

const catalogues: Record<Language, Catalogue> = { en, cy };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in one language and fills `{name}` placeholders with plain text. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy';
}
