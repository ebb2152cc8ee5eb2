/**
 * An in-memory stand-in for the vault's receive-side API (ReceiveVault), for Node tests of the
 * receive use case: credentials and WebCrypto device keys in maps, and a lock switch that makes
 * every call fail with VaultError('locked') as the real vault does.
 */
import { VaultError, type StoredCredential, type VaultState } from '../../../src/wallet/vault/vault-api';
import type { ActivityStamp } from '../../../src/wallet/vault/satchel-vault';
import type { ReceiveVault } from '../../../src/wallet/receive/receive-store';

export class MemoryVault implements ReceiveVault {
  readonly credentials = new Map<string, StoredCredential>();
  readonly keys = new Map<string, { privateKey: CryptoKey; publicJwk: JsonWebKey }>();
  readonly activity: object[] = [];
  /** Encrypted records (putRecord), here as JSON text so nothing shares references with the caller. */
  readonly records = new Map<string, string>();
  private locked = false;
  private readonly listeners = new Set<(s: VaultState) => void>();

  private check(): void {
    if (this.locked) throw new VaultError('locked', 'The vault is locked');
  }

  lock(): void {
    this.locked = true;
    for (const l of this.listeners) l('locked');
  }

  unlock(): void {
    this.locked = false;
    for (const l of this.listeners) l('unlocked');
  }

  userCredentials(): StoredCredential[] {
    return [...this.credentials.values()];
  }

  async listCredentials(): Promise<StoredCredential[]> {
    this.check();
    return [...this.credentials.values()].map((c) => ({ ...c }));
  }

  async getCredential(id: string): Promise<StoredCredential | undefined> {
    this.check();
    const c = this.credentials.get(id);
    return c && { ...c };
  }

  async putCredential(c: StoredCredential): Promise<void> {
    this.check();
    this.credentials.set(c.id, { ...c });
  }

  async deleteCredential(id: string): Promise<void> {
    this.check();
    this.credentials.delete(id);
    this.keys.delete(id);
  }

  async createDeviceKey(id: string): Promise<JsonWebKey> {
    this.check();
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const publicJwk = { kty, crv, x, y };
    this.keys.set(id, { privateKey: pair.privateKey, publicJwk });
    return publicJwk;
  }

  async deviceKeyPublicJwk(id: string): Promise<JsonWebKey | undefined> {
    this.check();
    return this.keys.get(id)?.publicJwk;
  }

  async signWithDeviceKey(id: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
    this.check();
    const key = this.keys.get(id);
    if (!key) throw new Error(`no key ${id}`);
    return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, data as Uint8Array<ArrayBuffer>));
  }

  async recordActivity<T extends object>(entry: T & { at?: string }): Promise<T & ActivityStamp> {
    this.check();
    const full = { ...entry, id: String(this.activity.length + 1), at: entry.at ?? new Date().toISOString() };
    this.activity.push(full);
    return full;
  }

  async putRecord(kind: string, id: string, value: unknown): Promise<void> {
    this.check();
    this.records.set(`${kind}/${id}`, JSON.stringify(value));
  }

  async getRecord<T>(kind: string, id: string): Promise<T | undefined> {
    this.check();
    const text = this.records.get(`${kind}/${id}`);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  onStateChange(listener: (s: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
