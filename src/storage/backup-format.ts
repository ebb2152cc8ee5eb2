/**
 * The backup file: one versioned, authenticated JSON document protected by a passphrase.
 *
 *   A   = Argon2id(passphrase, salt, m, t, p)                      RFC 9106 (argon2.ts)
 *   BK  = HKDF-SHA-256(A, salt, "satchel.backup.key")  → AES-256-GCM   RFC 5869 §2
 *   chk = HKDF-SHA-256(A, salt, "satchel.backup.check") → 128 bits      RFC 5869 §2
 *   ciphertext = AES-256-GCM_BK(iv, payload, AAD = header)             NIST SP 800-38D §7.1
 *
 * `chk` tells a wrong passphrase apart from a damaged file: it is stored in the header and is no
 * extra help to a guesser (the ciphertext itself already confirms a guess). The header (format,
 * version, KDF parameters, salt, chk, iv) is the GCM additional data, so changing any of it fails.
 *
 * The payload carries the vault key wrapped under BK (WebCrypto wrapKey, never in clear in JS) and
 * every record exactly as stored — still sealed under the vault key, device keys included — plus
 * the recovery slot, so the old recovery code keeps working after a restore.
 */
import { base64urlDecode, base64urlEncode } from '../lib/base64url';
import { bytesEqual, concatBytes, utf8Decode, utf8Encode } from '../lib/bytes';
import { argon2idKey, argon2ParamsValid, ARGON2_SALT_BYTES, type Argon2Params } from './argon2';
import { VAULT_KEY_BITS } from './key-slots';
import { GCM_IV_BYTES, GCM_TAG_BITS, isSealedRecord, lengthPrefixed, randomIv } from './record-crypto';
import type { KeySlot, SealedRecord } from './schema';
import { own, type Bytes } from './bytes-own';

export const BACKUP_FORMAT = 'satchel-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MAX_BYTES = 64 * 1024 * 1024;
const CHECK_BYTES = 16;

export type BackupErrorCode = 'corrupt' | 'wrong-passphrase' | 'too-new';
export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type BackupStores = 'meta' | 'credentials' | 'deviceKeys' | 'activity' | 'records';
export interface BackupBody {
  createdAt: string;
  recoverySlot?: KeySlot;
  records: Record<BackupStores, SealedRecord[]>;
}

interface Header {
  format: string;
  version: number;
  kdf: { alg: 'argon2id'; salt: string } & Argon2Params;
  check: string;
  iv: string;
}

function decode(text: string): Bytes | undefined {
  const b = base64urlDecode(text);
  return b ? own(b) : undefined;
}

const corrupt = (why: string) => new BackupError('corrupt', `This is not a Satchel backup, or it is damaged: ${why}`);

function headerAad(h: Header): Bytes {
  return own(concatBytes(
    ...[h.format, String(h.version), h.kdf.alg, String(h.kdf.memoryKiB), String(h.kdf.iterations), String(h.kdf.parallelism), h.kdf.salt, h.check, h.iv].map(
      lengthPrefixed,
    ),
  ));
}

async function deriveBackupKeys(passphrase: string, salt: Bytes, params: Argon2Params) {
  const a = own(await argon2idKey(passphrase, salt, params));
  try {
    const base = await crypto.subtle.importKey('raw', a, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const info = (s: string) => own(utf8Encode(s));
    const key = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt, info: info('satchel.backup.key') },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    );
    const check = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: info('satchel.backup.check') }, base, CHECK_BYTES * 8),
    );
    return { key, check };
  } finally {
    a.fill(0); // convention 9
  }
}

const VAULT_KEY_AAD = lengthPrefixed('satchel.backup.vault-key');

function recordToJson(r: SealedRecord & { kindTag?: string }) {
  const json = { rowKey: r.rowKey, v: r.v, iv: base64urlEncode(r.iv), ct: base64urlEncode(r.ct) };
  return typeof r.kindTag === 'string' ? { ...json, kindTag: r.kindTag } : json;
}
function recordFromJson(x: unknown): SealedRecord {
  const o = x as Record<string, unknown> | null;
  const iv = typeof o?.iv === 'string' ? decode(o.iv) : undefined;
  const ct = typeof o?.ct === 'string' ? decode(o.ct) : undefined;
  const r = { rowKey: o?.rowKey, v: o?.v, iv, ct };
  if (!isSealedRecord(r)) throw corrupt('a record is malformed');
  if (o?.kindTag === undefined) return r;
  if (typeof o.kindTag !== 'string') throw corrupt('a record kind is malformed');
  return { ...r, kindTag: o.kindTag } as SealedRecord;
}
function slotToJson(s: KeySlot) {
  return { kind: s.kind, v: s.v, salt: base64urlEncode(s.salt), iv: base64urlEncode(s.iv), wrappedKey: base64urlEncode(s.wrappedKey) };
}
function slotFromJson(x: unknown): KeySlot {
  const o = x as Record<string, unknown> | null;
  const bytes = (k: string) => {
    const v = o?.[k];
    const b = typeof v === 'string' ? decode(v) : undefined;
    if (!b) throw corrupt(`the recovery slot's ${k} is malformed`);
    return b;
  };
  if (o?.kind !== 'recovery' || typeof o.v !== 'number') throw corrupt('the recovery slot is malformed');
  return { kind: 'recovery', v: o.v, salt: bytes('salt'), iv: bytes('iv'), wrappedKey: bytes('wrappedKey') };
}

/** Seals the backup; `vaultKey` must be extractable (the caller unwrapped it just for this). */
export async function sealBackup(passphrase: string, params: Argon2Params, vaultKey: CryptoKey, body: BackupBody): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(ARGON2_SALT_BYTES));
  const { key, check } = await deriveBackupKeys(passphrase, salt, params);
  const keyIv = randomIv();
  const wrappedVaultKey = new Uint8Array(
    await crypto.subtle.wrapKey('raw', vaultKey, key, { name: 'AES-GCM', iv: keyIv, additionalData: VAULT_KEY_AAD, tagLength: GCM_TAG_BITS }),
  );
  const payload = {
    createdAt: body.createdAt,
    vaultKey: { iv: base64urlEncode(keyIv), wrapped: base64urlEncode(wrappedVaultKey) },
    recoverySlot: body.recoverySlot ? slotToJson(body.recoverySlot) : null,
    records: {
      meta: body.records.meta.map(recordToJson),
      credentials: body.records.credentials.map(recordToJson),
      deviceKeys: body.records.deviceKeys.map(recordToJson),
      activity: body.records.activity.map(recordToJson),
      records: body.records.records.map(recordToJson),
    },
  };
  const iv = randomIv();
  const header: Header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { alg: 'argon2id', ...params, salt: base64urlEncode(salt) },
    check: base64urlEncode(check),
    iv: base64urlEncode(iv),
  };
  const plaintext = own(utf8Encode(JSON.stringify(payload)));
  // SP 800-38D §7.1 with the whole header as additional data.
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerAad(header), tagLength: GCM_TAG_BITS }, key, plaintext);
  return JSON.stringify({ ...header, ciphertext: base64urlEncode(new Uint8Array(ct)) });
}

/** Reads the header only: too-new and corrupt files are refused before any passphrase work. */
function parseHeader(text: string): Header & { ciphertext: Bytes } {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw corrupt('it is not JSON');
  }
  if (typeof doc !== 'object' || doc === null || doc.format !== BACKUP_FORMAT) throw corrupt('the format marker is missing');
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) throw corrupt('the version is malformed');
  if (doc.version > BACKUP_VERSION)
    throw new BackupError('too-new', `This backup was made by a newer Satchel (format ${doc.version}; this one reads up to ${BACKUP_VERSION}). Update Satchel and try again.`);
  const kdf = doc.kdf as Header['kdf'] | undefined;
  if (kdf?.alg !== 'argon2id' || !argon2ParamsValid({ memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism }))
    throw corrupt('the key-derivation parameters are missing or out of range');
  const salt = typeof kdf.salt === 'string' ? decode(kdf.salt) : undefined;
  const check = typeof doc.check === 'string' ? decode(doc.check) : undefined;
  const iv = typeof doc.iv === 'string' ? decode(doc.iv) : undefined;
  const ciphertext = typeof doc.ciphertext === 'string' ? decode(doc.ciphertext) : undefined;
  if (!salt || salt.byteLength !== ARGON2_SALT_BYTES || !check || check.byteLength !== CHECK_BYTES || !iv || iv.byteLength !== GCM_IV_BYTES || !ciphertext)
    throw corrupt('a header field is malformed');
  return {
    format: BACKUP_FORMAT,
    version: doc.version,
    kdf: { alg: 'argon2id', memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism, salt: kdf.salt },
    check: doc.check as string,
    iv: doc.iv as string,
    ciphertext,
  };
}

/** Opens a backup: the vault key (extractable, for re-wrapping under the new PIN) and the body. */
export async function openBackup(file: Blob, passphrase: string): Promise<{ vaultKey: CryptoKey; body: BackupBody }> {
  if (file.size > BACKUP_MAX_BYTES) throw corrupt(`it is larger than ${BACKUP_MAX_BYTES} bytes`);
  const text = utf8Decode(new Uint8Array(await file.arrayBuffer()));
  if (text === undefined) throw corrupt('it is not UTF-8 text');
  const header = parseHeader(text);
  const salt = decode(header.kdf.salt)!;
  const { key, check } = await deriveBackupKeys(passphrase, salt, header.kdf);
  if (!bytesEqual(check, base64urlDecode(header.check)!))
    throw new BackupError('wrong-passphrase', 'The backup passphrase is not the one this backup was made with');
  let plaintext: Uint8Array;
  try {
    // SP 800-38D §7.2: FAIL here means the file was changed after it was written.
    plaintext = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: decode(header.iv)!, additionalData: headerAad(header), tagLength: GCM_TAG_BITS },
        key,
        header.ciphertext,
      ),
    );
  } catch {
    throw corrupt('its contents fail authentication (changed or truncated)');
  }
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(utf8Decode(plaintext) ?? '') as Record<string, unknown>;
  } catch {
    throw corrupt('its contents are not readable');
  } finally {
    plaintext.fill(0);
  }
  const vk = payload.vaultKey as { iv?: unknown; wrapped?: unknown } | undefined;
  const vkIv = typeof vk?.iv === 'string' ? decode(vk.iv) : undefined;
  const vkWrapped = typeof vk?.wrapped === 'string' ? decode(vk.wrapped) : undefined;
  if (!vkIv || !vkWrapped) throw corrupt('the vault key is missing');
  let vaultKey: CryptoKey;
  try {
    vaultKey = await crypto.subtle.unwrapKey(
      'raw',
      vkWrapped,
      key,
      { name: 'AES-GCM', iv: vkIv, additionalData: VAULT_KEY_AAD, tagLength: GCM_TAG_BITS },
      { name: 'AES-GCM', length: VAULT_KEY_BITS },
      true,
      ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    );
  } catch {
    throw corrupt('the vault key does not unwrap');
  }
  const records = payload.records as Record<string, unknown> | undefined;
  const list = (name: BackupStores, optional = false): SealedRecord[] => {
    const value = records?.[name];
    if (optional && value === undefined) return [];
    if (!Array.isArray(value)) throw corrupt(`the ${name} list is missing`);
    return value.map(recordFromJson);
  };
  const body: BackupBody = {
    createdAt: typeof payload.createdAt === 'string' ? payload.createdAt : '',
    records: {
      meta: list('meta'),
      credentials: list('credentials'),
      deviceKeys: list('deviceKeys'),
      activity: list('activity'),
      records: list('records', true), // added with schema v3; absent from earlier files
    },
  };
  if (payload.recoverySlot != null) body.recoverySlot = slotFromJson(payload.recoverySlot);
  return { vaultKey, body };
}
