import { afterEach, describe, expect, it } from 'vitest';
import { unwrapDeviceKey } from '../../../../src/wallet/vault/device-keys';
import { cleanUpVaults, dumpDatabase, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

describe('device keys (ECDSA P-256 per credential, wrapped under the vault key)', () => {
  it('signs ES256 that verifies under the public JWK; one key per credential; deleted with the credential', async () => {
    const name = uniqueDbName('device-keys');
    const vault = testVault(name);
    await vault.setUp(PIN);
    const jwkA = await vault.createDeviceKey('a');
    const jwkB = await vault.createDeviceKey('b');
    expect(jwkA).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(jwkA).not.toHaveProperty('d');
    expect(jwkA.x).not.toBe(jwkB.x);
    const data = new TextEncoder().encode('header.payload');
    const sig = await vault.signWithDeviceKey('a', data);
    expect(sig.byteLength).toBe(64);
    const pub = await crypto.subtle.importKey('jwk', jwkA, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, data)).toBe(true);
    const pubB = await crypto.subtle.importKey('jwk', jwkB, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pubB, sig, data)).toBe(false);

    // Stored only as ciphertext: nothing in the store is a CryptoKey or a JWK with `d`.
    const dump = await dumpDatabase(name);
    expect(dump.deviceKeys).toHaveLength(2);
    for (const r of dump.deviceKeys!) expect(Object.keys(r as object).sort()).toEqual(['ct', 'iv', 'rowKey', 'v']);

    await vault.deleteCredential('a');
    expect(await vault.deviceKeyPublicJwk('a')).toBeUndefined();
    await expect(vault.signWithDeviceKey('a', data)).rejects.toThrow(/no device key/);
    expect(await vault.deviceKeyPublicJwk('b')).toEqual(jwkB);
  });

  it('the unwrapped private key is non-extractable and can only sign', async () => {
    const name = uniqueDbName('device-keys-ne');
    const vault = testVault(name);
    await vault.setUp(PIN);
    await vault.createDeviceKey('a');
    const session = (vault as unknown as { core: { session: { vaultKey: CryptoKey } } }).core.session;
    expect(session.vaultKey.extractable).toBe(false);
    const record = (await dumpDatabase(name)).deviceKeys![0] as Parameters<typeof unwrapDeviceKey>[1];
    const key = await unwrapDeviceKey(session.vaultKey, record);
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
    // A record moved to another row does not unwrap.
    await expect(unwrapDeviceKey(session.vaultKey, { ...record, rowKey: 'elsewhere' })).rejects.toThrow();
  });
});
