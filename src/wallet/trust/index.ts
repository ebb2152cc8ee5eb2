/** The trust list and status lists: fetched within limits, verified, kept only when fresh, and read offline. */
export * from './trust-cache';
export * from './check-trust';
export type { OfflineReadiness } from './offline-readiness';
export { CHECK_STATUS_KIND, type CachedCopy, type TrustVault } from './trust-records';
