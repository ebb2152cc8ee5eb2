/**
 * The vault as the rest of the wallet and the UI see it: the contract between src/wallet (use
 * cases) and src/ui (screens). The implementation lives in src/wallet/vault/vault.ts on top of
 * src/storage/. Nothing here holds a secret: PINs pass straight through to WebCrypto / Argon2id.
 */

import type { ClaimPath, Localised, PersonId } from '../shared';

export type VaultState = 'absent' | 'locked' | 'unlocked';

/** Why an operation failed, as a stable code the UI turns into English or Welsh. */
export type VaultErrorCode =
  | 'wrong-pin' // PIN or passphrase did not unlock; see failedAttempts / retryAt
  | 'throttled' // too many wrong attempts: wait until retryAt
  | 'wrong-recovery-code'
  | 'pin-too-short'
  | 'locked' // the operation needs an unlocked vault
  | 'already-set-up'
  | 'passkey-unsupported'
  | 'passkey-cancelled'
  | 'backup-corrupt' // not a Satchel backup, truncated, or tampered with
  | 'backup-wrong-passphrase'
  | 'backup-too-new' // written by a newer Satchel
  | 'storage-full' // QuotaExceededError: nothing was written
  | 'storage-unavailable'; // IndexedDB blocked or failed to open

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly details: { failedAttempts?: number; retryAt?: number } = {},
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/** The minimum PIN length the setup screen enforces (digits or any characters). */
export const MIN_PIN_LENGTH = 6;

/**
 * One held credential as the vault keeps it: one encrypted record holding everything the wallet
 * knows about it (docs/vault.md, "Credential records").
 */
export interface StoredCredential {
  id: string;
  /** The credential exactly as issued (compact SD-JWT VC or JWT), kept encrypted at rest. */
  raw: string;
  /** The id of the format that verified it (src/credentials/formats: 'dc+sd-jwt', 'vc+jwt'). */
  format: string;
  /** Display fields cached at receipt so the list can render without re-parsing. */
  issuerName: string;
  type: string;
  receivedAt: string; // ISO 8601
  /** What the issuer's metadata said about it when it was received (absent for credentials stored without). */
  display?: CredentialDisplay;
  /** draft-ietf-oauth-status-list §6.1 `status.status_list.uri`, read when it was received. */
  statusUri?: string;
  /** OpenID4VCI 1.0 §11: what to tell the issuer with when the person deletes it. */
  notification?: CredentialNotification;
  /** Its printable paper card as the issuer gave it with the credential, or why there is none (absent: stored before cards). */
  paperCard?: StoredPaperCard;
  /** Whose it is (docs/carers.md): SELF_PERSON or a person the holder helps. Absent only in records written before people (read as SELF_PERSON). */
  personId?: PersonId;
}

/**
 * A credential's paper card (docs/credentials.md "Paper cards"): the base64url COSE_Sign1 the issuer
 * signed, verified when it came, so it can be printed again offline; or why the wallet has none —
 * the issuer offers no card for it, the phone was offline, or the issuer's card did not come or check out.
 */
export type StoredPaperCard = { raw: string; receivedAt: string } | { missing: PaperCardMissing };
export type PaperCardMissing = 'not-offered' | 'offline' | 'failed';

/** The issuer's display data for a credential (OpenID4VCI 1.0 §12.2.4), as received. */
export interface CredentialDisplay {
  /** The trust list id of the issuer that made the offer. */
  issuerId: string;
  configurationId: string;
  typeName: Localised;
  /** Each claim the issuer described, by path (OpenID4VCI 1.0 Appendix C), with its label. */
  claims: { path: ClaimPath; label: Localised }[];
}

export interface CredentialNotification {
  endpoint: string;
  notificationId: string;
  /** The access token the credential was issued under (the notification endpoint wants it). */
  accessToken: string;
}

export interface VaultSettings {
  /** Auto-lock after this long without interaction, and when hidden for longer than this. */
  autoLockMinutes: number;
}

export interface StorageStatus {
  persisted: boolean | 'unsupported';
  usageBytes?: number;
  quotaBytes?: number;
  /** True when less than LOW_SPACE_FRACTION of the quota is left. */
  lowSpace: boolean;
}

export interface UnlockMethods {
  pin: true;
  passkey: boolean;
  recovery: true;
}

export interface Vault {
  state(): Promise<VaultState>;
  unlockMethods(): Promise<UnlockMethods>;
  /** Creates the vault; returns the recovery code to show once (the person must save it). */
  setUp(pin: string): Promise<{ recoveryCode: string }>;
  unlockWithPin(pin: string): Promise<void>;
  /** Forgotten PIN: the recovery code unlocks and a new PIN is set in one step. */
  unlockWithRecoveryCode(recoveryCode: string, newPin: string): Promise<void>;
  unlockWithPasskey(): Promise<void>;
  /** Adds a passkey (WebAuthn PRF) unlock; needs the PIN to re-wrap the vault key. */
  addPasskey(pin: string): Promise<void>;
  passkeySupported(): Promise<boolean>;
  changePin(currentPin: string, newPin: string): Promise<void>;
  /** Drops every key and decrypted value from memory. */
  lock(): void;
  onStateChange(listener: (state: VaultState) => void): () => void;

  listCredentials(): Promise<StoredCredential[]>;
  /** One credential, by id: one row read and decrypted (its row key is an HMAC of the id). */
  getCredential(id: string): Promise<StoredCredential | undefined>;
  putCredential(credential: StoredCredential): Promise<void>;
  deleteCredential(id: string): Promise<void>;

  settings(): Promise<VaultSettings>;
  updateSettings(settings: Partial<VaultSettings>): Promise<void>;

  /** One passphrase-protected file with everything; the PIN confirms it is the owner asking. */
  exportBackup(pin: string, backupPassphrase: string): Promise<Blob>;
  /** Restores into this browser (replacing nothing unless every check passes) and sets a new PIN. */
  restoreBackup(file: Blob, backupPassphrase: string, newPin: string): Promise<void>;

  storageStatus(): Promise<StorageStatus>;
  requestPersistentStorage(): Promise<boolean>;
}
