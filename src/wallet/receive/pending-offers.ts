/**
 * The offers the receive use case holds (PendingRecord, receive-store.ts): read but undecided,
 * accepted and waiting for a connection, deferred by the issuer, or failed. They hold
 * pre-authorised codes, transaction codes and access tokens, so they live only in the encrypted
 * receive document; every change is announced to the Receiver's listeners.
 */
import type { PendingOffer, ReceiveErrorCode } from './receive-api';
import type { PendingRecord, ReceiveStore } from './receive-store';

/** Undecided offers (read but neither accepted nor declined) are forgotten after this long. */
export const UNDECIDED_OFFER_MAX_AGE_MS = 24 * 3600 * 1000;

/** Errors after which the person may enter the transaction code again. */
export const asksForCodeAgain = (code: ReceiveErrorCode): boolean => code === 'wrong-tx-code' || code === 'tx-code-refused';

export class PendingOffers {
  constructor(
    private readonly store: ReceiveStore,
    private readonly now: () => number,
    private readonly changed: () => void,
  ) {}

  /** Keeps `record` (replacing the one for its offer), stamped with the time. */
  async put(record: PendingRecord): Promise<void> {
    record.updatedAt = new Date(this.now()).toISOString();
    await this.store.update((s) => {
      s.pending = s.pending.filter((p) => p.offerId !== record.offerId);
      s.pending.push(record);
    });
    this.changed();
  }

  async remove(offerId: string): Promise<void> {
    await this.store.update((s) => void (s.pending = s.pending.filter((p) => p.offerId !== offerId)));
    this.changed();
  }

  /** A copy of the record for `offerId`, to change and put back. */
  async get(offerId: string): Promise<PendingRecord | undefined> {
    const record = (await this.store.read()).pending.find((p) => p.offerId === offerId);
    return record && (JSON.parse(JSON.stringify(record)) as PendingRecord);
  }

  /** Every record (do not mutate). */
  async all(): Promise<PendingRecord[]> {
    return (await this.store.read()).pending;
  }

  /** Forgets offers the person looked at and left undecided for UNDECIDED_OFFER_MAX_AGE_MS. */
  async prune(): Promise<void> {
    const cutoff = this.now() - UNDECIDED_OFFER_MAX_AGE_MS;
    await this.store.update((s) => void (s.pending = s.pending.filter((p) => p.accepted || p.input !== undefined || p.state === 'failed' || Date.parse(p.updatedAt) >= cutoff)));
  }

  /** What the UI lists: not the offers the person is still looking at (readOffer's), but everything queued, kept or failed. */
  async list(): Promise<PendingOffer[]> {
    return (await this.all())
      .filter((p) => p.accepted || p.input !== undefined || p.state === 'failed')
      .map((p) => {
        const out: PendingOffer = { offerId: p.offerId, issuerName: p.issuerName, state: p.state, updatedAt: p.updatedAt };
        if (p.error) out.error = p.error;
        if (p.summary && !p.accepted) out.summary = p.summary;
        if (p.offer?.txCode && !p.accessToken && !p.txCode && (p.error === undefined || asksForCodeAgain(p.error))) out.needsTxCode = true;
        return out;
      });
  }

  /** When the earliest deferred credential may be asked for again (ms), if any. */
  async nextDeferredAt(): Promise<number | undefined> {
    const times = (await this.all()).flatMap((p) => (p.state === 'deferred' ? (p.deferred ?? []).map((d) => d.notBefore) : []));
    return times.length > 0 ? Math.min(...times) : undefined;
  }
}
