/**
 * File names the manifest, the build (vite.config.ts) and the page that links them (page-links.ts)
 * share, apart from the manifest itself so the page's script does not carry it.
 */
export const MANIFEST_FILE_NAME = 'manifest.webmanifest';
export const ICON_192_FILE = 'icons/icon-192.png';
