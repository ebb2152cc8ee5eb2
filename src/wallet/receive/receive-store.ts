/**
 * The receive use case's own state — offers waiting for a decision or a connection (they hold
 * pre-authorised codes, transaction codes and access tokens) and cached issuer metadata — kept
 * ENCRYPTED in the vault as one small document (SatchelVault.putRecord(RECEIVE_KIND,
 * RECEIVE_STATE_ID)): sealed with the vault key, gone with the vault. What the wallet knows about
 * each stored credential is in that credential's own vault record (StoredCredential); the trust
 * list and status lists live in the trust folder's record (src/wallet/trust/trust-records.ts).
 * Changes are applied one at a time; the decrypted copy is dropped when the vault locks.
 */
import type { KnownIssuer, PendingOffer, ReceiveErrorCode, OfferSummary } from './receive-api';
import type { Localised, PersonId } from '../shared';
import type { SatchelVault } from '../vault';
import type { CredentialOffer, IssuerMetadata } from '../../protocols/openid4vci/index';

export const RECEIVE_KIND = 'receive';
export const RECEIVE_STATE_ID = 'state';
export const RECEIVE_STATE_VERSION = 1;

/** What the receive use case needs from the vault. */
export type ReceiveVault = Pick<SatchelVault, 'listCredentials' | 'getCredential' | 'putCredential' | 'deleteCredential' | 'createDeviceKey' | 'deviceKeyPublicJwk' | 'signWithDeviceKey' | 'recordActivity' | 'onStateChange' | 'putRecord' | 'getRecord'>;

export interface PendingRecord {
  offerId: string;
  /** The offer text as read, when it could not be resolved yet (by reference, offline). */
  input?: string;
  offer?: CredentialOffer;
  summary?: OfferSummary;
  issuerName: Localised;
  /** The person accepted; the flow runs (or waits for a connection). */
  accepted: boolean;
  /** Whose space the credentials go into (AcceptOptions.personId); absent: the holder's own. */
  personId?: PersonId;
  txCode?: string;
  state: PendingOffer['state'];
  error?: ReceiveErrorCode;
  accessToken?: string;
  accessTokenExpiresAt?: number;
  /** Configurations still to fetch. */
  remaining: string[];
  deferred?: { configurationId: string; credentialId: string; transactionId: string; notBefore: number }[];
  storedIds: string[];
  /** The device key made for the credential being requested: cleaned up (or recognised as stored) if the flow was interrupted. */
  keyInProgress?: { credentialId: string; configurationId: string };
  /**
   * A sign-in under way (Authorization Code flow, sign-in.ts), kept encrypted so it survives the
   * app being closed while the person signs in: the PKCE verifier and state (RFC 7636, RFC 6749
   * §10.12), then the code until it is exchanged. The DPoP key and the token it binds are never
   * stored (memory only, issuance.ts).
   */
  signIn?: SignInRecord;
  updatedAt: string;
}

export interface SignInRecord {
  /** The state sent; removed once the redirect with it came back (a second use is refused). */
  state?: string;
  codeVerifier: string;
  clientId: string;
  redirectUri: string;
  /** The authorisation server's issuer identifier. */
  authorizationServer: string;
  /** RFC 9207: its redirect must carry iss. */
  issParameterSupported?: boolean;
  /** The code from the redirect, until the token request uses it. */
  code?: string;
}

export interface ReceiveState {
  v: number;
  pending: PendingRecord[];
  issuers: Record<string, IssuerMetadata>;
  /** The last knownIssuers() answer, for offline (known-issuers.ts). */
  knownIssuers?: KnownIssuer[];
}

const empty = (): ReceiveState => ({ v: RECEIVE_STATE_VERSION, pending: [], issuers: {} });

export class ReceiveStore {
  private cached: ReceiveState | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly vault: ReceiveVault) {
    // Nothing decrypted outlives a lock.
    vault.onStateChange((state) => {
      if (state !== 'unlocked') this.cached = undefined;
    });
  }

  private async load(): Promise<ReceiveState> {
    if (this.cached) return this.cached;
    const stored = await this.vault.getRecord<ReceiveState>(RECEIVE_KIND, RECEIVE_STATE_ID);
    // A document from a future version is not understood: start afresh rather than misread it.
    // Fields this version no longer names (a v3 `credentials` the vault has yet to move into the
    // credential records: vault/credential-meta-migration.ts) are kept and written back as they are.
    const state = stored && stored.v === RECEIVE_STATE_VERSION ? { ...empty(), ...stored } : empty();
    this.cached = state;
    return state;
  }

  /** A snapshot of the state (do not mutate; use update). */
  read(): Promise<ReceiveState> {
    return this.serial(() => this.load());
  }

  /** Applies `change` and writes the whole document back, one change at a time. */
  update<T>(change: (state: ReceiveState) => T): Promise<T> {
    return this.serial(async () => {
      const state = structuredCloneState(await this.load());
      const result = change(state);
      await this.vault.putRecord(RECEIVE_KIND, RECEIVE_STATE_ID, state);
      this.cached = state;
      return result;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function structuredCloneState(state: ReceiveState): ReceiveState {
  return JSON.parse(JSON.stringify(state)) as ReceiveState;
}
