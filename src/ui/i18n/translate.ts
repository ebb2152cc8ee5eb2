/**
 * The one small typed message catalogue every screen goes through. A language is its catalogue
 * (typed against the English one, so no key can be missing) listed in `catalogues`, plus its date
 * words in src/lib/format.ts; nothing else names a language.
 *
 * Only English is in the first screen's script (issue 18: each catalogue is ≈ 11 KiB gzip). Any
 * other catalogue is fetched when needed: the provider (context.tsx) fetches the person's
 * language before the first words render and on switching, and a lazy screen waits for every
 * catalogue (lazy-screen.tsx), since its words may be in any language (the activity search matches
 * every language's words).
 */
import { en, type Catalogue, type MessageKey } from './en';

const catalogues = {
  en: () => Promise.resolve(en),
  cy: () => import('./cy').then((module) => module.cy),
} satisfies Record<string, () => Promise<Catalogue>>;

/** A language Satchel is written in: a BCP 47 primary language subtag with a catalogue. */
export type Language = keyof typeof catalogues;
export const LANGUAGES = Object.keys(catalogues) as Language[];
/**
 * Each language's name in itself, for the language switch (each equals its catalogue's
 * 'language.self': tests/unit/ui/i18n/messages.test.ts), here so the switch needs no other catalogue.
 */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };

const loaded: Partial<Record<Language, Catalogue>> = { en };
const loading: Partial<Record<Language, Promise<void>>> = {};

/** Whether `language`'s catalogue is here, so its translator can be made now. */
export function isCatalogueLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

/** Fetches `language`'s catalogue once (a failed fetch is tried again on the next call). */
export function loadCatalogue(language: Language): Promise<void> {
  if (loaded[language]) return Promise.resolve();
  return (loading[language] ??= catalogues[language]().then(
    (catalogue) => void (loaded[language] = catalogue),
    (error: unknown) => {
      delete loading[language];
      throw error;
    },
  ));
}

/** Fetches every language's catalogue (screens that show or search words in every language). */
export async function loadCatalogues(): Promise<void> {
  await Promise.all(LANGUAGES.map(loadCatalogue));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in one language and fills `{name}` placeholders with plain text. */
export function translator(language: Language): Translate {
  const catalogue = loaded[language];
  // A programming error, never a person's: whatever renders words in a language loads it first.
  if (!catalogue) throw new Error(`translator: the ${language} catalogue is not loaded yet (loadCatalogue('${language}') first)`);
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(catalogues, value);
}
