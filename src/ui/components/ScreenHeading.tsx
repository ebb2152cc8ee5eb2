import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/context';

let firstScreen = true;

/**
 * A screen's h1. Sets the document title (WCAG 2.4.2) and, after an in-app navigation or when a
 * step's result replaces the form (a confirmation panel), moves focus to the heading so
 * screen-reader users hear that the screen changed and focus is not left on <body> (GOV.UK).
 * Every screen and result heading goes through here.
 */
export function ScreenHeading({ children, class: className = 'govuk-heading-l' }: { children: string; /** e.g. a confirmation panel's title */ class?: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
  }, [children, t]);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, []);
  return <h1 class={className} tabIndex={-1} ref={heading}>{children}</h1>;
}
