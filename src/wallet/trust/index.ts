/** The trust list and status lists: fetched within limits, verified, kept only when fresh, and read offline. */
export * from './trust-cache';
export * from './check-trust';
