/**
 * The vault's side of device keys: one sealed record per credential in `deviceKeys`, under
 * rowKey = HMAC(index key, credential id). The keys themselves: device-keys.ts.
 */
import { rowKeyFor } from '../../storage/index-key';
import { STORE, type SealedRecord } from '../../storage/schema';
import { createDeviceKeyRecord, deviceKeyPublicJwk as publicJwkOf, signWithKey, unwrapDeviceKey } from './device-keys';
import { storageFailure } from './vault-checks';
import type { Session, VaultCore } from './vault-core';

export async function createDeviceKey(core: VaultCore, credentialId: string): Promise<JsonWebKey> {
  if (typeof credentialId !== 'string' || credentialId === '') throw new TypeError('credentialId must be a non-empty string');
  const { vaultKey, indexKey } = core.unlocked();
  const rowKey = await rowKeyFor(indexKey, STORE.deviceKeys, credentialId);
  const { record, publicJwk } = await createDeviceKeyRecord(vaultKey, rowKey);
  await core.write([STORE.deviceKeys], 'Saving the device key', (tx) => tx.objectStore(STORE.deviceKeys).put(record));
  return publicJwk;
}

async function deviceKeyRecord(core: VaultCore, credentialId: string): Promise<{ session: Session; record: SealedRecord | undefined }> {
  const session = core.unlocked();
  const rowKey = await rowKeyFor(session.indexKey, STORE.deviceKeys, credentialId);
  return { session, record: await core.read<SealedRecord>(STORE.deviceKeys, rowKey) };
}

export async function deviceKeyPublicJwk(core: VaultCore, credentialId: string): Promise<JsonWebKey | undefined> {
  const { session, record } = await deviceKeyRecord(core, credentialId);
  if (!record) return undefined;
  try {
    return await publicJwkOf(session.vaultKey, record);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function signWithDeviceKey(core: VaultCore, credentialId: string, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  if (!(data instanceof Uint8Array)) throw new TypeError('data must be a Uint8Array');
  const { session, record } = await deviceKeyRecord(core, credentialId);
  if (!record) throw new Error(`There is no device key for credential ${credentialId}`);
  let privateKey: CryptoKey;
  try {
    privateKey = await unwrapDeviceKey(session.vaultKey, record);
  } catch (error) {
    throw storageFailure(error);
  }
  return signWithKey(privateKey, data);
}

export async function deviceSigningKey(core: VaultCore, credentialId: string): Promise<CryptoKey> {
  const { session, record } = await deviceKeyRecord(core, credentialId);
  if (!record) throw new Error(`There is no device key for credential ${credentialId}`);
  try {
    // Non-extractable, `sign` only (device-keys.ts): JavaScript never sees the private scalar.
    return await unwrapDeviceKey(session.vaultKey, record);
  } catch (error) {
    throw storageFailure(error);
  }
}
