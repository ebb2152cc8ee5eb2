import type { Localised } from '../../wallet/shared';
import { useI18n } from '../i18n/context';

/**
 * A department's own display text in the person's language. When the department gave no Welsh,
 * the English is marked lang="en" so screen readers switch voice (WCAG 3.1.2 Language of Parts).
 */
export function LocalisedText({ text }: { text: Localised }) {
  const { language } = useI18n();
  if (language === 'cy' && text.cy) return <>{text.cy}</>;
  return language === 'en' ? <>{text.en}</> : <span lang="en">{text.en}</span>;
}

export function localise(text: Localised, language: 'en' | 'cy'): string {
  return language === 'cy' && text.cy ? text.cy : text.en;
}
