/** The composition root: builds the use cases for the app with the browser's crypto worker and config, lazily, so the first screen loads none of them. */
export * from './lazy-receiver';
export * from './lazy-share';
export * from './lazy-people';
export * from './signature-engine';
export * from './warm-signature-checking';
export * from './qr';
export * from './device-features';
