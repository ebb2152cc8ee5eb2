/**
 * Remembers the chosen language. It lives in localStorage, not the encrypted vault, because the
 * unlock screen itself must appear in the person's language; it is a display preference and says
 * nothing about the person's credentials.
 */
import { isLanguage, LANGUAGES, type Language } from './translate';

const LANGUAGE_STORAGE_KEY = 'satchel.language';

export function loadLanguage(): Language {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, site settings): fall through to the browser's language.
  }
  // A language besides English that the browser lists at all (RFC 5646 primary subtag), else English.
  const listed = (language: Language) => navigator.languages?.some((tag) => tag.toLowerCase().split('-')[0] === language) ?? false;
  return LANGUAGES.find((language) => language !== 'en' && listed(language)) ?? 'en';
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not fatal: the choice then lasts for this visit only.
  }
}
