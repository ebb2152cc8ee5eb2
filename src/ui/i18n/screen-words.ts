/**
 * Words kept beside the lazy screens that use them rather than in the catalogues, which load with
 * the first screen (README: sizes): src/ui/share/who-is-asking-words.ts and
 * src/ui/receive/sign-in-words.ts. Each is a table typed like the catalogues (every language has
 * every key); this is their one lookup.
 */
import type { Language } from './translate';

export type ScreenWords<K extends string> = (key: K, params?: Record<string, string>) => string;

/** The words of `table` in `language`, `{name}` placeholders filled with plain text (as translate.ts does). */
export function screenWords<K extends string>(table: Record<Language, Record<K, string>>, language: Language): ScreenWords<K> {
  const words = table[language];
  return (key, params) => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
