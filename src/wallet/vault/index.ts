/** Keeping things safe on this phone: the encrypted vault, its keys (PIN, passkey, recovery code), device keys, backup and auto-lock. The only use case that opens the database. */
export * from './vault-api';
export * from './satchel-vault';
export * from './vault';
export * from './auto-lock';
