/**
 * The page's icon and its web app manifest, linked once the first screen is shown (issue 18).
 * index.html links an empty icon, so the browser asks for no /favicon.ico, and no manifest (the
 * build takes out the link vite-plugin-pwa writes). On a slow connection both requests, the icon
 * at high priority, shared the bandwidth with the first screen's script: in Lighthouse's
 * simulation of slow 4G the first screen's text came about 0.2 s later. The manifest is needed
 * only to install the app, and the icon only for a tab, a bookmark or a home-screen shortcut.
 */
import { ICON_192_FILE, MANIFEST_FILE_NAME } from './manifest-file';

export const MANIFEST_URL = `${import.meta.env.BASE_URL}${MANIFEST_FILE_NAME}`;
export const PAGE_ICON_URL = `${import.meta.env.BASE_URL}${ICON_192_FILE}`;

/**
 * Points the page's icon at the app's icon and links the manifest; doing it again changes nothing.
 * `manifest`: only a build has one (vite-plugin-pwa writes it; the dev server serves none).
 */
export function linkIconAndManifest(page: Document = document, { manifest = import.meta.env.PROD } = {}): void {
  setLink(page, 'icon', PAGE_ICON_URL, 'image/png');
  if (manifest) setLink(page, 'manifest', MANIFEST_URL);
}

function setLink(page: Document, rel: string, href: string, type?: string): void {
  const link = page.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`) ?? page.head.appendChild(page.createElement('link'));
  link.rel = rel;
  if (type) link.type = type;
  // Set only when different: assigning the same href again would make the browser fetch it again.
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
}
