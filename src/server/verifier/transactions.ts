/**
 * The reference verifier's transactions: one per "prove it" click. Each has a one-time nonce
 * (OpenID4VP 1.0 §5.2, §14.1), its own ephemeral ECDH P-256 key for the encrypted response
 * (§8.3; the private key is a non-extractable WebCrypto key) whose `kid` names the transaction,
 * a DCQL query (§6), and, once answered, the verification outcome. Kept in memory; expire after
 * TRANSACTION_LIFETIME_S.
 */
import { randomBytes } from 'node:crypto';
import type { OnBehalfOutcome } from '../../credentials/on-behalf';
import { generateRecipientKey, type P256PublicJwk } from '../../lib/jwe';

export const TRANSACTION_LIFETIME_S = 10 * 60;

export interface Outcome {
  ok: boolean;
  reasons: { name: string; ok: boolean; message: string }[];
  claims: Record<string, unknown>;
  issuer?: string;
  type?: string;
  error?: string;
  /** The wallet answered with an error response instead (OpenID4VP 1.0 §8.5), e.g. access_denied. */
  declined?: string;
  /** Asked on someone's behalf (an authority query): the on-behalf check's outcome (checkOnBehalf, docs/carers.md); `ok` is false when it fails. */
  onBehalf?: OnBehalfOutcome;
}

export interface Transaction {
  id: string;
  nonce: string;
  /** Names the transaction in an error response, which is not encrypted and so has no kid (§8.2 `state`). */
  state: string;
  purpose: string;
  privateKey: CryptoKey;
  publicJwk: P256PublicJwk & { kid: string };
  dcql: Record<string, unknown>;
  createdAt: number;
  expiresAt: number;
  outcome?: Outcome;
  /** One-time code in the redirect after the response (§8.2: response_code). */
  responseCode?: string;
}

export class Transactions {
  private readonly byId = new Map<string, Transaction>();

  constructor(private readonly now: () => number) {}

  async create(purpose: string, dcql: Record<string, unknown>): Promise<Transaction> {
    this.sweep();
    const id = randomBytes(12).toString('base64url');
    const { privateKey, publicJwk } = await generateRecipientKey();
    const tx: Transaction = {
      id,
      nonce: randomBytes(16).toString('base64url'),
      state: randomBytes(16).toString('base64url'),
      purpose,
      privateKey,
      publicJwk: { ...publicJwk, kid: id },
      dcql,
      createdAt: this.now(),
      expiresAt: this.now() + TRANSACTION_LIFETIME_S * 1000,
    };
    this.byId.set(id, tx);
    return tx;
  }

  /** The open transaction a wallet's error response names by its state. */
  byState(state: string): Transaction | undefined {
    for (const tx of this.byId.values()) if (tx.state === state && tx.expiresAt > this.now()) return tx;
    return undefined;
  }

  get(id: string): Transaction | undefined {
    const tx = this.byId.get(id);
    return tx && tx.expiresAt > this.now() ? tx : undefined;
  }

  private sweep(): void {
    for (const [id, tx] of this.byId) if (tx.expiresAt <= this.now()) this.byId.delete(id);
  }
}
