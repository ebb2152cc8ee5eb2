/**
 * The trust document (trust-records.ts) read and changed one change at a time. One store per
 * vault, shared by every trust cache over it (the receiver's and the checker's), so a change made
 * by one is what the other reads next. The decrypted copy is dropped when the vault locks; a
 * vault that cannot say when it locks is read afresh every time.
 */
import { legacyReceiveCopies } from './legacy-receive-copies';
import { emptyTrustDocument, TRUST_DOCUMENT_ID, TRUST_DOCUMENT_VERSION, TRUST_KIND, type TrustDocument, type TrustVault } from './trust-records';

export class TrustStore {
  private cached: TrustDocument | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly keepsCopy: boolean;

  constructor(private readonly vault: TrustVault) {
    this.keepsCopy = vault.onStateChange !== undefined;
    vault.onStateChange?.((state) => {
      if (state !== 'unlocked') this.cached = undefined;
    });
  }

  private async load(): Promise<TrustDocument> {
    if (this.cached) return this.cached;
    const stored = await this.vault.getRecord<TrustDocument>(TRUST_KIND, TRUST_DOCUMENT_ID);
    let document: TrustDocument;
    if (stored) {
      // A document from a future version is not understood: start afresh rather than misread it.
      document = stored.v === TRUST_DOCUMENT_VERSION ? { ...emptyTrustDocument(), ...stored } : emptyTrustDocument();
    } else {
      // First read on this vault: adopt what an older version kept in the receive document, once.
      document = { ...emptyTrustDocument(), ...(await legacyReceiveCopies(this.vault)) };
      if (this.vault.putRecord) await this.vault.putRecord(TRUST_KIND, TRUST_DOCUMENT_ID, document);
    }
    if (this.keepsCopy) this.cached = document;
    return document;
  }

  /** A snapshot of the document (do not mutate; use update). */
  read(): Promise<TrustDocument> {
    return this.serial(() => this.load());
  }

  /** Applies `change` and writes the whole document back, one change at a time. */
  update<T>(change: (document: TrustDocument) => T): Promise<T> {
    return this.serial(async () => {
      const document = JSON.parse(JSON.stringify(await this.load())) as TrustDocument;
      const result = change(document);
      if (!this.vault.putRecord) throw new Error('This trust cache cannot write to the vault');
      await this.vault.putRecord(TRUST_KIND, TRUST_DOCUMENT_ID, document);
      if (this.keepsCopy) this.cached = document;
      return result;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const stores = new WeakMap<TrustVault, TrustStore>();

/** The one store for `vault`. */
export function trustStoreOf(vault: TrustVault): TrustStore {
  let store = stores.get(vault);
  if (!store) {
    store = new TrustStore(vault);
    stores.set(vault, store);
  }
  return store;
}
