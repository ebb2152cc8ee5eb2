import type { DisplayName } from '../../wallet/shared';
import { useI18n } from '../i18n/context';
import { nameIn } from '../i18n/names';

/**
 * The name of a credential type or claim in the person's language (src/ui/i18n/names.ts). English
 * shown on a Welsh screen is marked lang="en" so screen readers switch voice (WCAG 3.1.2).
 */
export function NameText({ name }: { name: DisplayName }) {
  const { language } = useI18n();
  const found = nameIn(name, language);
  return found.language === language ? <>{found.text}</> : <span lang={found.language}>{found.text}</span>;
}
