/// <reference types="vite/client" />

/** Build-time constants set in vite.config.ts. */
declare const __APP_VERSION__: string;
