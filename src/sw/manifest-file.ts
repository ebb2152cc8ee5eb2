/** The web app manifest's file name, for the build (vite.config.ts) and the page that links it (page-links.ts). */
export const MANIFEST_FILE_NAME = 'manifest.webmanifest';
