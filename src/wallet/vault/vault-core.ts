/**
 * What every part of the vault shares: the database connection, the session (the vault key and
 * the index key while unlocked), lock-state listeners, and reading and writing with storage errors
 * turned into VaultErrors. The parts (unlock.ts, credential-store.ts, …) are functions over a
 * VaultCore; vault.ts puts them together as the SatchelVault.
 *
 * While unlocked the vault key and the index key are held only as non-extractable CryptoKeys;
 * lock() drops both. Every change is one IndexedDB transaction (storage/db.ts).
 */
import { VaultError, type VaultState } from './vault-api';
import { calibrateArgon2, argon2ParamsValid, type Argon2Params } from '../../storage/argon2';
import { openVaultDb, writeTransaction } from '../../storage/db';
import { INDEX_KEY_ROW, unwrapIndexKey } from '../../storage/index-key';
import { isSealedRecord } from '../../storage/record-crypto';
import { DEFAULT_DB_NAME, STORE, type KeySlot, type SealedRecord, type VaultDb, type WriteTx } from '../../storage/schema';
import { browserPasskeyPrf, type PasskeyPrf } from './passkey-prf';
import type { VaultOptions } from './satchel-vault';
import { storageFailure } from './vault-checks';

const VAULT_REPLACED = 'vault-replaced';

export interface Session {
  vaultKey: CryptoKey; // non-extractable
  indexKey: CryptoKey; // non-extractable HMAC key
}

export class VaultCore {
  readonly dbName: string;
  readonly now: () => number;
  readonly passkeys: PasskeyPrf;
  private dbPromise: Promise<VaultDb> | undefined;
  private session: Session | undefined;
  private readonly listeners = new Set<(state: VaultState) => void>();
  /** PIN checks run one at a time so parallel guesses cannot dodge the throttle counter (pin-check.ts). */
  pinQueue: Promise<unknown> = Promise.resolve();
  /** Tells other tabs on the same vault that it was replaced (restore), so they lock. */
  private readonly channel: BroadcastChannel | undefined;

  /**
   * `beforeUnlocked` runs after the keys are unwrapped and before anyone is told the vault is
   * unlocked: migrations that need the keys (vault.ts passes credential-meta-migration.ts).
   */
  constructor(
    readonly options: VaultOptions = {},
    private readonly beforeUnlocked: (core: VaultCore, session: Session) => Promise<void> = async () => undefined,
  ) {
    this.dbName = options.dbName ?? DEFAULT_DB_NAME;
    this.now = options.now ?? (() => Date.now());
    this.passkeys = options.passkeys ?? browserPasskeyPrf;
    if (options.argon2Params && !argon2ParamsValid(options.argon2Params))
      throw new RangeError('options.argon2Params must have memoryKiB ≥ 19456, 1 ≤ iterations ≤ 64 and parallelism 1');
    // BroadcastChannel: Chrome 54, Safari 15.4; where missing, other tabs find out on their next
    // read (their vault key no longer opens the records) and report storage-unavailable.
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`satchel-vault:${this.dbName}`);
      this.channel.onmessage = (event: MessageEvent) => {
        if ((event.data as { type?: string } | null)?.type === VAULT_REPLACED) this.lock();
      };
    }
  }

  db(): Promise<VaultDb> {
    if (!this.dbPromise) {
      const opening = openVaultDb(this.dbName).then(
        (db) => {
          // A newer version opened elsewhere: storage/db.ts closes this connection; the next call
          // reopens (and fails clearly if this tab's code is now too old).
          db.addEventListener('versionchange', () => {
            if (this.dbPromise === opening) this.dbPromise = undefined;
          });
          return db;
        },
        (error: unknown) => {
          if (this.dbPromise === opening) this.dbPromise = undefined;
          throw storageFailure(error);
        },
      );
      this.dbPromise = opening;
    }
    return this.dbPromise;
  }

  /** Decrypted values are not handed out if the vault was locked while they were being read. */
  stillUnlocked<T>(session: Session, value: T): T {
    if (this.session !== session) throw new VaultError('locked', 'The vault was locked while reading');
    return value;
  }

  unlocked(): Session {
    if (!this.session) throw new VaultError('locked', 'The vault is locked: unlock it first');
    return this.session;
  }

  get isUnlocked(): boolean {
    return this.session !== undefined;
  }

  private setSession(session: Session | undefined): void {
    const was = this.session !== undefined;
    this.session = session;
    if (was !== (session !== undefined)) this.emit(session ? 'unlocked' : 'locked');
  }

  private emit(state: VaultState): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error('Vault state listener failed', error);
      }
    }
  }

  onStateChange(listener: (state: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lock(): void {
    this.setSession(undefined);
  }

  /** Unlocks with `vaultKey` (non-extractable): unwraps the index key, runs `beforeUnlocked`, then tells the listeners. */
  async open(vaultKey: CryptoKey): Promise<void> {
    const session = await this.startSession(vaultKey);
    await this.beforeUnlocked(this, session);
    this.setSession(session);
  }

  private async startSession(vaultKey: CryptoKey): Promise<Session> {
    const record = await this.read<SealedRecord>(STORE.meta, INDEX_KEY_ROW);
    if (!record || !isSealedRecord(record)) throw new VaultError('storage-unavailable', 'The vault is damaged: its index key is missing');
    try {
      return { vaultKey, indexKey: await unwrapIndexKey(vaultKey, record) };
    } catch {
      throw new VaultError('storage-unavailable', 'The vault is damaged: its index key failed authentication');
    }
  }

  /** After a restore: other tabs lock, and this one is locked until open() with the new key. */
  replaced(): void {
    this.channel?.postMessage({ type: VAULT_REPLACED });
    this.setSession(undefined);
  }

  async write<T>(stores: string[], doing: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    try {
      return await writeTransaction(db, stores, doing, work);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async read<T>(store: string, key: string): Promise<T | undefined> {
    const db = await this.db();
    try {
      return (await db.get(store, key)) as T | undefined;
    } catch (error) {
      throw storageFailure(error);
    }
  }

  /** Every row of `store` (or of `store`'s index `index` = `key`), storage errors as VaultErrors. */
  async readAll<T>(store: string, index?: { name: string; key: string }): Promise<T[]> {
    const db = await this.db();
    try {
      return (index ? await db.getAllFromIndex(store, index.name, index.key) : await db.getAll(store)) as T[];
    } catch (error) {
      throw storageFailure(error);
    }
  }

  slot(kind: KeySlot['kind']): Promise<KeySlot | undefined> {
    return this.read<KeySlot>(STORE.keySlots, kind);
  }

  async argon2Params(): Promise<Argon2Params> {
    if (this.options.argon2Params) return this.options.argon2Params;
    const { memoryKiB, iterations, parallelism } = await calibrateArgon2();
    return { memoryKiB, iterations, parallelism };
  }

  async close(): Promise<void> {
    this.lock();
    this.channel?.close();
    const pending = this.dbPromise;
    this.dbPromise = undefined;
    if (pending) (await pending.catch(() => undefined))?.close();
  }
}
