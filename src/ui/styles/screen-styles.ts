/**
 * The stylesheet of every screen but the first (screens.scss), as a module: lazy-screen.tsx
 * imports it with each lazy screen, and the build's loader resolves that import only once the
 * stylesheet has loaded, so no screen shows unstyled.
 */
import './screens.scss';
