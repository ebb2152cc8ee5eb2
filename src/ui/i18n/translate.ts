/**
 * The one small typed message catalogue every screen goes through. A language is its catalogue
 * (typed against the English one, so no key can be missing) listed in `catalogues`, plus its date
 * words in src/lib/format.ts; nothing else names a language.
 *
 * Each catalogue comes in two parts (issue 18): the first screen's words (en-first-screen.ts,
 * ≈ 1.5 KiB gzip) and every other screen's (en.ts, ≈ 9 KiB gzip). Only the first screen's English
 * words are in the entry script. The provider (context.tsx) fetches the person's language's
 * first-screen words before the first words render and on switching; a lazy screen waits for
 * every language's whole catalogue (lazy-screen.tsx), since its words may be in any language (the
 * activity search matches every language's words).
 */
import { enFirstScreen, type FirstScreenCatalogue } from './en-first-screen';
import type { Catalogue, MessageKey, OtherScreensCatalogue } from './en';

const catalogues = {
  en: { firstScreen: () => Promise.resolve(enFirstScreen), otherScreens: () => import('./en').then((module) => module.enOtherScreens) },
  cy: { firstScreen: () => import('./cy-first-screen').then((module) => module.cyFirstScreen), otherScreens: () => import('./cy').then((module) => module.cyOtherScreens) },
} satisfies Record<string, { firstScreen: () => Promise<FirstScreenCatalogue>; otherScreens: () => Promise<OtherScreensCatalogue> }>;

/** A language Satchel is written in: a BCP 47 primary language subtag with a catalogue. */
export type Language = keyof typeof catalogues;
export const LANGUAGES = Object.keys(catalogues) as Language[];
/**
 * Each language's name in itself, for the language switch (each equals its catalogue's
 * 'language.self': tests/unit/ui/i18n/messages.test.ts), here so the switch needs no other catalogue.
 */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };

type Part = keyof (typeof catalogues)[Language];
/** The words here, by part and language (a part's words are some of the catalogue's). */
const loaded: Record<Part, Partial<Record<Language, Partial<Catalogue>>>> = { firstScreen: { en: enFirstScreen }, otherScreens: {} };
const loading: Record<Part, Partial<Record<Language, Promise<void>>>> = { firstScreen: {}, otherScreens: {} };

/** Fetches one part of `language`'s catalogue once (a failed fetch is tried again on the next call). */
function loadPart(part: Part, language: Language): Promise<void> {
  if (loaded[part][language]) return Promise.resolve();
  return (loading[part][language] ??= catalogues[language][part]().then(
    (words) => void (loaded[part][language] = words),
    (error: unknown) => {
      delete loading[part][language];
      throw error;
    },
  ));
}

/** Whether `language`'s first-screen words are here, so its translator can be made now. */
export function hasFirstScreenWords(language: Language): boolean {
  return loaded.firstScreen[language] !== undefined;
}

/** Fetches `language`'s first-screen words (what the provider needs before it renders in it). */
export function loadFirstScreenWords(language: Language): Promise<void> {
  return loadPart('firstScreen', language);
}

/** Fetches every language's whole catalogue (screens that show or search words in every language). */
export async function loadCatalogues(): Promise<void> {
  await Promise.all(LANGUAGES.flatMap((language) => [loadPart('firstScreen', language), loadPart('otherScreens', language)]));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Looks a key up in one language and fills `{name}` placeholders with plain text. The translator
 * reads the other screens' words from the moment they are here, so one made for the first screen
 * serves the lazy screens too.
 */
export function translator(language: Language): Translate {
  // A programming error, never a person's: whatever renders words in a language loads them first.
  if (!hasFirstScreenWords(language)) throw new Error(`translator: the ${language} catalogue is not loaded yet (loadFirstScreenWords('${language}') first)`);
  return (key, params) => {
    const text = loaded.firstScreen[language]?.[key] ?? loaded.otherScreens[language]?.[key];
    // Also a programming error: the entry's code names only first-screen words (first-screen-words.test.ts).
    if (text === undefined) throw new Error(`translator: '${key}' is not among the first screen's words, and the other screens' ${language} words are not loaded yet (loadCatalogues() first)`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(catalogues, value);
}
