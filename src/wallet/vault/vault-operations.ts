/**
 * Everything the vault does besides telling the first screen its state (vault-state.ts): setting
 * up, unlocking, the stores, backup and the migrations run on unlock. One chunk, fetched on first
 * use (vault.ts), so that the entry script of a first visit carries only the database connection
 * and the lock state (issue 18); the service worker keeps it for offline use like every chunk.
 */
export * as unlock from './unlock';
export * as passkey from './passkey-unlock';
export * as credentials from './credential-store';
export * as deviceKeys from './device-key-store';
export * as settings from './settings-store';
export * as activity from './activity-log';
export * as records from './record-store';
export * as backup from './backup';
export { mergeCredentialMeta } from './credential-meta-migration';
export { removePerson } from './person-removal';
export { stampPeople } from './people-migration';
