import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryModules, ROOT } from '../../../shared/entry-modules';

// Issue 18: the first screen asks the vault only whether it exists and is unlocked, so the entry
// script carries the database connection and that state; setting up, unlocking, the stores and
// backup are one chunk fetched on first use (src/wallet/vault/vault.ts, vault-operations.ts).
describe('the vault in the first screen’s script', () => {
  const inEntry = new Set([...entryModules().keys()].map((file) => relative(ROOT, file)));

  it('has the connection and the lock state', () => {
    for (const file of ['src/wallet/vault/vault.ts', 'src/wallet/vault/vault-core.ts', 'src/wallet/vault/vault-state.ts']) expect(inEntry, file).toContain(file);
  });

  it('leaves out everything else the vault does', () => {
    const operations = ['unlock', 'passkey-unlock', 'pin-check', 'credential-store', 'device-key-store', 'settings-store', 'activity-log', 'record-store', 'backup', 'vault-backup', 'credential-meta-migration', 'person-removal', 'people-migration', 'vault-operations'].map((name) => `src/wallet/vault/${name}.ts`);
    expect(operations.filter((file) => inEntry.has(file))).toEqual([]);
    expect(inEntry.has('src/storage/backup-format.ts')).toBe(false);
  });
});
