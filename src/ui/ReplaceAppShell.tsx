/**
 * Takes away index.html's app shell (the service's name painted before the script arrives, issue
 * 18) as the app's own first render is committed: a layout effect runs before the browser paints,
 * so no frame shows both names, and none shows neither — the app renders nothing until its words
 * are here (I18nProvider), and the shell stays until then.
 */
import { useLayoutEffect } from 'preact/hooks';

export const APP_SHELL_ID = 'app-shell';

export function ReplaceAppShell() {
  useLayoutEffect(() => document.getElementById(APP_SHELL_ID)?.remove(), []);
  return null;
}
