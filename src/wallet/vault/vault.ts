/**
 * The vault (vault-api.ts) on top of src/storage: envelope encryption in IndexedDB.
 *
 *   vault key (AES-256-GCM, random, NIST SP 800-38D)
 *     ├─ wrapped by the PIN slot       (Argon2id, RFC 9106)
 *     ├─ wrapped by the recovery slot  (HKDF-SHA-256, RFC 5869)
 *     ├─ wrapped by the passkey slot   (WebAuthn PRF → HKDF)
 *     └─ seals every record (credentials, device keys, settings, activity, the HMAC index key)
 *
 * While unlocked the vault key and the index key are held only as non-extractable CryptoKeys; lock()
 * drops both. Every change is one IndexedDB transaction. See docs/vault.md for the whole design.
 */
import { VaultError, type StorageStatus, type StoredCredential, type UnlockMethods, type VaultSettings, type VaultState } from './vault-api';
import { calibrateArgon2, argon2ParamsValid, type Argon2Params } from '../../storage/argon2';
import { BackupError, openBackup, sealBackup, type BackupBody } from '../../storage/backup-format';
import { openVaultDb, writeTransaction } from '../../storage/db';
import { createWrappedIndexKey, INDEX_KEY_ROW, rowKeyFor, unwrapIndexKey } from '../../storage/index-key';
import { generateVaultKey, newSlotSalt, openSlot, passkeyKek, pinKek, recoveryKek, sealSlot, SlotOpenError } from '../../storage/key-slots';
import { generateRecoveryCode, normaliseRecoveryCode, recoveryCodeBytes } from '../../storage/recovery-code';
import { isSealedRecord, openRecord, sealRecord } from '../../storage/record-crypto';
import { ALL_STORES, DEFAULT_DB_NAME, RECORDS_BY_KIND, STORE, type KindedRecord, type KeySlot, type SealedRecord, type VaultDb, type WriteTx } from '../../storage/schema';
import { requestPersistence, storageReport } from '../../storage/storage-status';
import { beginPinAttempt, clearPinAttempts, confirmPinFailure, noThrottle } from '../../storage/throttle';
import { createDeviceKeyRecord, deviceKeyPublicJwk, signWithKey, unwrapDeviceKey } from './device-keys';
import { base64urlEncode } from '../../lib/base64url';
import { browserPasskeyPrf, PasskeyCancelledError, PasskeyUnsupportedError, type PasskeyPrf } from './passkey-prf';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, DEFAULT_SETTINGS, SETTINGS_ROW, type ActivityInput, type ActivityStamp, type SatchelVault, type VaultOptions } from './satchel-vault';
import { checkBackupRecords, readSnapshot, replaceVault } from './vault-backup';
import { checkCredential, checkNewPin, recordsAadStore, storageFailure } from './vault-checks';

export * from './satchel-vault';

const PRF_SALT_BYTES = 32;
const VAULT_REPLACED = 'vault-replaced';

interface Session {
  vaultKey: CryptoKey; // non-extractable
  indexKey: CryptoKey; // non-extractable HMAC key
}

export class IndexedDbVault implements SatchelVault {
  private readonly dbName: string;
  private readonly now: () => number;
  private readonly passkeys: PasskeyPrf;
  private dbPromise: Promise<VaultDb> | undefined;
  private session: Session | undefined;
  private readonly listeners = new Set<(state: VaultState) => void>();
  /** PIN checks run one at a time so parallel guesses cannot dodge the throttle counter. */
  private pinQueue: Promise<unknown> = Promise.resolve();
  /** Tells other tabs on the same vault that it was replaced (restore), so they lock. */
  private readonly channel: BroadcastChannel | undefined;

  constructor(private readonly options: VaultOptions = {}) {
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

  // ── plumbing ────────────────────────────────────────────────────────────────────────────────

  private db(): Promise<VaultDb> {
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
  private stillUnlocked<T>(session: Session, value: T): T {
    if (this.session !== session) throw new VaultError('locked', 'The vault was locked while reading');
    return value;
  }

  private unlocked(): Session {
    if (!this.session) throw new VaultError('locked', 'The vault is locked: unlock it first');
    return this.session;
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

  private async write<T>(stores: string[], doing: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    try {
      return await writeTransaction(db, stores, doing, work);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  private async read<T>(store: string, key: string): Promise<T | undefined> {
    const db = await this.db();
    try {
      return (await db.get(store, key)) as T | undefined;
    } catch (error) {
      throw storageFailure(error);
    }
  }

  private slot(kind: KeySlot['kind']): Promise<KeySlot | undefined> {
    return this.read<KeySlot>(STORE.keySlots, kind);
  }

  private async argon2Params(): Promise<Argon2Params> {
    if (this.options.argon2Params) return this.options.argon2Params;
    const { memoryKiB, iterations, parallelism } = await calibrateArgon2();
    return { memoryKiB, iterations, parallelism };
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

  /** Re-imports an extractable vault key as a non-extractable one for the session. */
  private static async nonExtractable(slot: KeySlot, kek: CryptoKey): Promise<CryptoKey> {
    return openSlot(slot, kek, false);
  }

  /**
   * Checks a PIN against the PIN slot, with throttling, and returns the vault key (extractable
   * only when asked, for the one re-wrapping step). A wrong PIN changes only the throttle record.
   * The attempt is counted before Argon2id, in the transaction that checks the wait
   * (storage/throttle.ts), so tabs guessing at once share one count; within a tab the queue also
   * keeps to one Argon2id derivation at a time.
   */
  private verifyPin(pin: string, extractable: boolean): Promise<CryptoKey> {
    const attempt = this.pinQueue.then(async () => {
      if (typeof pin !== 'string') throw new TypeError('pin must be a string');
      const slot = await this.slot('pin');
      if (!slot) throw new VaultError('locked', 'There is no vault on this device yet: set one up first');
      const decision = await this.write([STORE.meta], 'Counting a PIN attempt', (tx) => beginPinAttempt(tx, this.now()));
      if (!decision.allowed) {
        const { failedAttempts, retryAt } = decision.waiting;
        throw new VaultError('throttled', 'Too many wrong PINs: wait before trying again', { failedAttempts, retryAt });
      }
      const attemptNumber = decision.counted.failedAttempts;
      const kek = await pinKek(pin, slot.salt, slot.kdf!);
      let key: CryptoKey;
      try {
        key = await openSlot(slot, kek, extractable);
      } catch (error) {
        if (!(error instanceof SlotOpenError)) throw error;
        const wait = await this.write([STORE.meta], 'Counting a wrong PIN', (tx) => confirmPinFailure(tx, attemptNumber, this.now()));
        throw new VaultError('wrong-pin', `That PIN is not right (${attemptNumber} wrong in a row)`, {
          failedAttempts: attemptNumber,
          retryAt: wait.retryAt,
        });
      }
      await this.write([STORE.meta], 'Resetting the PIN counter', clearPinAttempts);
      return key;
    });
    this.pinQueue = attempt.catch(() => undefined);
    return attempt;
  }

  // ── state and unlocking ─────────────────────────────────────────────────────────────────────

  async state(): Promise<VaultState> {
    if (this.session) return 'unlocked';
    return (await this.slot('pin')) ? 'locked' : 'absent';
  }

  async unlockMethods(): Promise<UnlockMethods> {
    return { pin: true, passkey: (await this.slot('passkey')) !== undefined, recovery: true };
  }

  async setUp(pin: string): Promise<{ recoveryCode: string }> {
    checkNewPin(pin, 'pin');
    if (await this.slot('pin')) throw new VaultError('already-set-up', 'This device already has a vault');
    const params = await this.argon2Params();
    const vaultKey = await generateVaultKey(); // extractable for this function only
    const pinSalt = newSlotSalt();
    const kek = await pinKek(pin, pinSalt, params);
    const pinSlot = await sealSlot(vaultKey, kek, 'pin', pinSalt, { kdf: params });
    const recoveryCode = generateRecoveryCode();
    const codeBytes = recoveryCodeBytes(normaliseRecoveryCode(recoveryCode)!);
    const recoverySalt = newSlotSalt();
    const recoverySlot = await sealSlot(vaultKey, await recoveryKek(codeBytes, recoverySalt), 'recovery', recoverySalt);
    codeBytes.fill(0);
    const indexKeyRecord = await createWrappedIndexKey(vaultKey);
    const settings = await sealRecord(vaultKey, STORE.meta, SETTINGS_ROW, DEFAULT_SETTINGS);
    await this.write([STORE.keySlots, STORE.meta], 'Creating the vault', async (tx) => {
      const slots = tx.objectStore(STORE.keySlots);
      if (await slots.get('pin')) throw new VaultError('already-set-up', 'This device already has a vault');
      await slots.put(pinSlot);
      await slots.put(recoverySlot);
      const meta = tx.objectStore(STORE.meta);
      await meta.put(indexKeyRecord);
      await meta.put(settings);
      await meta.put(noThrottle());
    });
    // The session holds a non-extractable copy; the extractable `vaultKey` goes out of scope here.
    this.setSession(await this.startSession(await IndexedDbVault.nonExtractable(pinSlot, kek)));
    return { recoveryCode };
  }

  async unlockWithPin(pin: string): Promise<void> {
    const vaultKey = await this.verifyPin(pin, false);
    this.setSession(await this.startSession(vaultKey));
  }

  async unlockWithRecoveryCode(recoveryCode: string, newPin: string): Promise<void> {
    checkNewPin(newPin, 'newPin');
    const wrong = () => new VaultError('wrong-recovery-code', 'That recovery code does not unlock this vault');
    const normalised = typeof recoveryCode === 'string' ? normaliseRecoveryCode(recoveryCode) : undefined;
    if (!normalised) throw wrong();
    const slot = await this.slot('recovery');
    const pinSlot = await this.slot('pin');
    if (!slot || !pinSlot) throw new VaultError('locked', 'There is no vault on this device yet: set one up first');
    const codeBytes = recoveryCodeBytes(normalised);
    const kek = await recoveryKek(codeBytes, slot.salt);
    codeBytes.fill(0);
    let extractable: CryptoKey;
    try {
      extractable = await openSlot(slot, kek, true);
    } catch {
      throw wrong();
    }
    const newSlot = await this.rewrapPin(extractable, newPin, pinSlot.kdf!);
    this.setSession(await this.startSession(await IndexedDbVault.nonExtractable(newSlot.slot, newSlot.kek)));
  }

  /** Writes a new PIN slot for `vaultKey` (extractable) and clears the wrong-PIN counter, in one transaction. */
  private async rewrapPin(vaultKey: CryptoKey, newPin: string, params: Argon2Params): Promise<{ slot: KeySlot; kek: CryptoKey }> {
    const salt = newSlotSalt();
    const kek = await pinKek(newPin, salt, params);
    const slot = await sealSlot(vaultKey, kek, 'pin', salt, { kdf: params });
    await this.write([STORE.keySlots, STORE.meta], 'Saving the new PIN', async (tx) => {
      await tx.objectStore(STORE.keySlots).put(slot);
      await tx.objectStore(STORE.meta).put(noThrottle());
    });
    return { slot, kek };
  }

  async passkeySupported(): Promise<boolean> {
    return this.passkeys.supported();
  }

  async addPasskey(pin: string): Promise<void> {
    if (!(await this.passkeys.supported())) throw new VaultError('passkey-unsupported', 'This browser cannot unlock with a passkey');
    const vaultKey = await this.verifyPin(pin, true);
    const prfSalt = crypto.getRandomValues(new Uint8Array(PRF_SALT_BYTES));
    let registered: { credentialId: Uint8Array<ArrayBuffer>; prfOutput: Uint8Array<ArrayBuffer> };
    try {
      registered = await this.passkeys.register(prfSalt);
    } catch (error) {
      throw this.passkeyFailure(error);
    }
    const salt = newSlotSalt();
    const kek = await passkeyKek(registered.prfOutput, salt);
    registered.prfOutput.fill(0);
    const slot = await sealSlot(vaultKey, kek, 'passkey', salt, { credentialId: registered.credentialId, prfSalt });
    await this.write([STORE.keySlots], 'Saving the passkey', (tx) => tx.objectStore(STORE.keySlots).put(slot));
  }

  async removePasskey(pin: string): Promise<void> {
    await this.verifyPin(pin, false);
    await this.write([STORE.keySlots], 'Removing the passkey', (tx) => tx.objectStore(STORE.keySlots).delete('passkey'));
  }

  async unlockWithPasskey(): Promise<void> {
    const slot = await this.slot('passkey');
    if (!slot?.credentialId || !slot.prfSalt) throw new VaultError('passkey-unsupported', 'No passkey has been added to this vault');
    let prfOutput: Uint8Array<ArrayBuffer>;
    try {
      prfOutput = await this.passkeys.evaluate(slot.credentialId, slot.prfSalt);
    } catch (error) {
      throw this.passkeyFailure(error);
    }
    const kek = await passkeyKek(prfOutput, slot.salt);
    prfOutput.fill(0);
    let vaultKey: CryptoKey;
    try {
      vaultKey = await openSlot(slot, kek, false);
    } catch {
      throw new VaultError('passkey-unsupported', 'That passkey did not unlock the vault: use your PIN');
    }
    this.setSession(await this.startSession(vaultKey));
  }

  private passkeyFailure(error: unknown): unknown {
    if (error instanceof PasskeyCancelledError) return new VaultError('passkey-cancelled', error.message);
    if (error instanceof PasskeyUnsupportedError) return new VaultError('passkey-unsupported', error.message);
    return error;
  }

  async changePin(currentPin: string, newPin: string): Promise<void> {
    checkNewPin(newPin, 'newPin');
    const vaultKey = await this.verifyPin(currentPin, true);
    const slot = (await this.slot('pin'))!;
    // Only the PIN slot changes: records stay as they are (the vault key is the same).
    await this.rewrapPin(vaultKey, newPin, slot.kdf!);
  }

  lock(): void {
    this.setSession(undefined);
  }

  onStateChange(listener: (state: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── credentials ─────────────────────────────────────────────────────────────────────────────

  async listCredentials(): Promise<StoredCredential[]> {
    const session = this.unlocked();
    const { vaultKey } = session;
    const db = await this.db();
    let records: SealedRecord[];
    try {
      records = (await db.getAll(STORE.credentials)) as SealedRecord[];
    } catch (error) {
      throw storageFailure(error);
    }
    try {
      const list = await Promise.all(records.map((r) => openRecord<StoredCredential>(vaultKey, STORE.credentials, r)));
      list.sort((a, b) => (a.receivedAt === b.receivedAt ? (a.id < b.id ? -1 : 1) : a.receivedAt < b.receivedAt ? 1 : -1));
      return this.stillUnlocked(session, list);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async putCredential(credential: StoredCredential): Promise<void> {
    checkCredential(credential);
    const { vaultKey, indexKey } = this.unlocked();
    const rowKey = await rowKeyFor(indexKey, STORE.credentials, credential.id);
    const { id, raw, format, issuerName, type, receivedAt } = credential;
    const record = await sealRecord(vaultKey, STORE.credentials, rowKey, { id, raw, format, issuerName, type, receivedAt });
    await this.write([STORE.credentials], 'Saving the credential', (tx) => tx.objectStore(STORE.credentials).put(record));
  }

  async deleteCredential(id: string): Promise<void> {
    const { indexKey } = this.unlocked();
    const credentialRow = await rowKeyFor(indexKey, STORE.credentials, id);
    const deviceKeyRow = await rowKeyFor(indexKey, STORE.deviceKeys, id);
    await this.write([STORE.credentials, STORE.deviceKeys], 'Deleting the credential', async (tx) => {
      await tx.objectStore(STORE.credentials).delete(credentialRow);
      await tx.objectStore(STORE.deviceKeys).delete(deviceKeyRow);
    });
  }

  // ── device keys ─────────────────────────────────────────────────────────────────────────────

  async createDeviceKey(credentialId: string): Promise<JsonWebKey> {
    if (typeof credentialId !== 'string' || credentialId === '') throw new TypeError('credentialId must be a non-empty string');
    const { vaultKey, indexKey } = this.unlocked();
    const rowKey = await rowKeyFor(indexKey, STORE.deviceKeys, credentialId);
    const { record, publicJwk } = await createDeviceKeyRecord(vaultKey, rowKey);
    await this.write([STORE.deviceKeys], 'Saving the device key', (tx) => tx.objectStore(STORE.deviceKeys).put(record));
    return publicJwk;
  }

  private async deviceKeyRecord(credentialId: string): Promise<{ session: Session; record: SealedRecord | undefined }> {
    const session = this.unlocked();
    const rowKey = await rowKeyFor(session.indexKey, STORE.deviceKeys, credentialId);
    return { session, record: await this.read<SealedRecord>(STORE.deviceKeys, rowKey) };
  }

  async deviceKeyPublicJwk(credentialId: string): Promise<JsonWebKey | undefined> {
    const { session, record } = await this.deviceKeyRecord(credentialId);
    if (!record) return undefined;
    try {
      return await deviceKeyPublicJwk(session.vaultKey, record);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async signWithDeviceKey(credentialId: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
    if (!(data instanceof Uint8Array)) throw new TypeError('data must be a Uint8Array');
    const { session, record } = await this.deviceKeyRecord(credentialId);
    if (!record) throw new Error(`There is no device key for credential ${credentialId}`);
    let privateKey: CryptoKey;
    try {
      privateKey = await unwrapDeviceKey(session.vaultKey, record);
    } catch (error) {
      throw storageFailure(error);
    }
    return signWithKey(privateKey, data);
  }

  async deviceSigningKey(credentialId: string): Promise<CryptoKey> {
    const { session, record } = await this.deviceKeyRecord(credentialId);
    if (!record) throw new Error(`There is no device key for credential ${credentialId}`);
    try {
      // Non-extractable, `sign` only (device-keys.ts): JavaScript never sees the private scalar.
      return await unwrapDeviceKey(session.vaultKey, record);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  // ── settings and activity ───────────────────────────────────────────────────────────────────

  async settings(): Promise<VaultSettings> {
    const session = this.unlocked();
    const { vaultKey } = session;
    const record = await this.read<SealedRecord>(STORE.meta, SETTINGS_ROW);
    if (!record) return { ...DEFAULT_SETTINGS };
    try {
      return this.stillUnlocked(session, { ...DEFAULT_SETTINGS, ...(await openRecord<Partial<VaultSettings>>(vaultKey, STORE.meta, record)) });
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async updateSettings(settings: Partial<VaultSettings>): Promise<void> {
    const { vaultKey } = this.unlocked();
    const m = settings.autoLockMinutes;
    if (m !== undefined && (!Number.isInteger(m) || m < AUTO_LOCK_MINUTES_MIN || m > AUTO_LOCK_MINUTES_MAX))
      throw new RangeError(`settings.autoLockMinutes must be a whole number from ${AUTO_LOCK_MINUTES_MIN} to ${AUTO_LOCK_MINUTES_MAX} (got ${String(m)})`);
    const next: VaultSettings = { ...(await this.settings()), ...(m === undefined ? {} : { autoLockMinutes: m }) };
    const record = await sealRecord(vaultKey, STORE.meta, SETTINGS_ROW, next);
    await this.write([STORE.meta], 'Saving the settings', (tx) => tx.objectStore(STORE.meta).put(record));
  }

  async recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
    if (typeof entry !== 'object' || entry === null) throw new TypeError('entry must be an object');
    const { vaultKey } = this.unlocked();
    const id = base64urlEncode(crypto.getRandomValues(new Uint8Array(16)));
    const full = { ...entry, id, at: typeof entry.at === 'string' ? entry.at : new Date(this.now()).toISOString() };
    // A random row key: the time and order of events stay inside the ciphertext.
    const record = await sealRecord(vaultKey, STORE.activity, id, full);
    await this.write([STORE.activity], 'Saving to the activity log', (tx) => tx.objectStore(STORE.activity).put(record));
    return full;
  }

  async listActivity<T extends object = Record<string, unknown>>(): Promise<(T & ActivityStamp)[]> {
    const session = this.unlocked();
    const { vaultKey } = session;
    const db = await this.db();
    try {
      const records = (await db.getAll(STORE.activity)) as SealedRecord[];
      const list = await Promise.all(records.map((r) => openRecord<T & ActivityStamp>(vaultKey, STORE.activity, r)));
      list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return this.stillUnlocked(session, list);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async deleteActivity(id: string): Promise<void> {
    if (typeof id !== 'string') throw new TypeError('id must be a string');
    this.unlocked();
    await this.write([STORE.activity], 'Removing from the activity log', (tx) => tx.objectStore(STORE.activity).delete(id));
  }

  // ── other use cases' records ────────────────────────────────────────────────────────────────

  /** Row key and kind tag: HMACs under the index key, so neither kind nor id is stored in clear. */
  private async recordKeys(kind: string, id: string | undefined): Promise<{ session: Session; rowKey: string; kindTag: string }> {
    if (typeof kind !== 'string' || kind === '') throw new TypeError('kind must be a non-empty string');
    if (id !== undefined && typeof id !== 'string') throw new TypeError('id must be a string');
    const session = this.unlocked();
    const kindTag = await rowKeyFor(session.indexKey, `${STORE.records}.kind`, kind);
    const rowKey = id === undefined ? '' : await rowKeyFor(session.indexKey, `${STORE.records}:${kind}`, id);
    return { session, rowKey, kindTag };
  }

  async putRecord(kind: string, id: string, value: unknown): Promise<void> {
    const { session, rowKey, kindTag } = await this.recordKeys(kind, id);
    // The AAD names the kind tag too, so a row moved to another kind fails authentication.
    const sealed = await sealRecord(session.vaultKey, recordsAadStore(kindTag), rowKey, { id, value });
    const row: KindedRecord = { ...sealed, kindTag };
    await this.write([STORE.records], 'Saving a record', (tx) => tx.objectStore(STORE.records).put(row));
  }

  async getRecord<T>(kind: string, id: string): Promise<T | undefined> {
    const { session, rowKey, kindTag } = await this.recordKeys(kind, id);
    const row = await this.read<KindedRecord>(STORE.records, rowKey);
    if (!row) return undefined;
    try {
      const doc = await openRecord<{ id: string; value: T }>(session.vaultKey, recordsAadStore(kindTag), row);
      return this.stillUnlocked(session, doc.value);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async listRecords<T>(kind: string): Promise<{ id: string; value: T }[]> {
    const { session, kindTag } = await this.recordKeys(kind, undefined);
    const db = await this.db();
    try {
      const rows = (await db.getAllFromIndex(STORE.records, RECORDS_BY_KIND, kindTag)) as KindedRecord[];
      const docs = await Promise.all(rows.map((r) => openRecord<{ id: string; value: T }>(session.vaultKey, recordsAadStore(kindTag), r)));
      return this.stillUnlocked(session, docs);
    } catch (error) {
      throw storageFailure(error);
    }
  }

  async deleteRecord(kind: string, id: string): Promise<void> {
    const { rowKey } = await this.recordKeys(kind, id);
    await this.write([STORE.records], 'Deleting a record', (tx) => tx.objectStore(STORE.records).delete(rowKey));
  }

  // ── backup ──────────────────────────────────────────────────────────────────────────────────

  async exportBackup(pin: string, backupPassphrase: string): Promise<Blob> {
    this.unlocked();
    checkNewPin(backupPassphrase, 'backupPassphrase');
    const vaultKey = await this.verifyPin(pin, true);
    const params = (await this.slot('pin'))!.kdf!;
    let body: BackupBody;
    try {
      body = await readSnapshot(await this.db(), new Date(this.now()).toISOString());
    } catch (error) {
      throw storageFailure(error);
    }
    const text = await sealBackup(backupPassphrase, params, vaultKey, body);
    return new Blob([text], { type: 'application/json' });
  }

  async restoreBackup(file: Blob, backupPassphrase: string, newPin: string): Promise<void> {
    checkNewPin(newPin, 'newPin');
    if (!(file instanceof Blob)) throw new TypeError('file must be a Blob');
    let opened: Awaited<ReturnType<typeof openBackup>>;
    try {
      opened = await openBackup(file, backupPassphrase);
    } catch (error) {
      if (error instanceof BackupError) {
        const code = error.code === 'too-new' ? 'backup-too-new' : error.code === 'wrong-passphrase' ? 'backup-wrong-passphrase' : 'backup-corrupt';
        throw new VaultError(code, error.message);
      }
      throw error;
    }
    const { vaultKey, body } = opened;
    // Every record must open under the backup's vault key, in its own store, before anything is written.
    try {
      await checkBackupRecords(vaultKey, body);
    } catch (error) {
      throw new VaultError('backup-corrupt', `This backup is damaged: ${(error as Error).message}`);
    }
    const params = await this.argon2Params();
    const salt = newSlotSalt();
    const kek = await pinKek(newPin, salt, params);
    const pinSlot = await sealSlot(vaultKey, kek, 'pin', salt, { kdf: params });
    // One transaction over every store: the old vault (if any) is replaced entirely, or not at all.
    await this.write(ALL_STORES, 'Restoring the backup', (tx) => replaceVault(tx, body, pinSlot));
    this.channel?.postMessage({ type: VAULT_REPLACED });
    this.setSession(undefined);
    this.setSession(await this.startSession(await IndexedDbVault.nonExtractable(pinSlot, kek)));
  }

  // ── storage status ──────────────────────────────────────────────────────────────────────────

  async storageStatus(): Promise<StorageStatus> {
    return storageReport(this.options.storage);
  }

  requestPersistentStorage(): Promise<boolean> {
    return requestPersistence(this.options.storage);
  }

  async close(): Promise<void> {
    this.lock();
    this.channel?.close();
    const pending = this.dbPromise;
    this.dbPromise = undefined;
    if (pending) (await pending.catch(() => undefined))?.close();
  }
}

export function createVault(options?: VaultOptions): SatchelVault {
  return new IndexedDbVault(options);
}
