import { textIn, type Localised } from '../../wallet/shared';
import { useI18n } from '../i18n/context';

/**
 * A department's own display text in the person's language. When it has none in that language,
 * the English shown is marked lang="en" so screen readers switch voice (WCAG 3.1.2 Language of Parts).
 */
export function LocalisedText({ text }: { text: Localised }) {
  const { language } = useI18n();
  const found = textIn(text, language);
  return found.language === language ? <>{found.text}</> : <span lang={found.language}>{found.text}</span>;
}

/** The text in `language`, else English (textIn). */
export function localise(text: Localised, language: string): string {
  return textIn(text, language).text;
}
