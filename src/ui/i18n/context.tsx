/** Provides the current language and its translator to every component. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { loadLanguage, saveLanguage } from './language-preference';
import { translator, type Language, type Translate } from './translate';

interface I18n {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ComponentChildren; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? loadLanguage());
  useEffect(() => {
    // WCAG 3.1.1: the page's language must be programmatically determined.
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => ({
    language,
    t: translator(language),
    setLanguage(next) {
      saveLanguage(next);
      setLanguageState(next);
    },
  }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
