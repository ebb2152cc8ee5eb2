/** The web app manifest (W3C Web Application Manifest): what makes Satchel installable. */
import { ICON_192_FILE } from './manifest-file';

export const THEME_COLOUR = '#1d70b8';
export const BACKGROUND_COLOUR = '#ffffff';

export const webAppManifest = {
  id: '/',
  name: 'Satchel — your digital credentials',
  short_name: 'Satchel',
  description: 'Keep and show your government-issued digital credentials, even with no signal. Cadw a dangos eich tystlythyrau digidol.',
  lang: 'en-GB',
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  orientation: 'portrait' as const,
  theme_color: THEME_COLOUR,
  background_color: BACKGROUND_COLOUR,
  icons: [
    { src: ICON_192_FILE, sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
