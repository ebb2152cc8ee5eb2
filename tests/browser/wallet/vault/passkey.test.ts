/**
 * Passkey unlock through the WebAuthn PRF extension, against Chromium's virtual authenticator
 * (DevTools protocol WebAuthn domain, CTAP 2.1 with hmac-secret/PRF, user verification always
 * succeeding) — the same browser code path a phone's platform authenticator takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { browserPasskeyPrf } from '../../../../src/wallet/vault/passkey-prf';
import { cleanUpVaults, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

let authenticatorId = '';
beforeAll(async () => {
  await cdp().send('WebAuthn.enable', { enableUI: false });
  const result = (await cdp().send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  })) as { authenticatorId: string };
  authenticatorId = result.authenticatorId;
});
afterAll(async () => {
  await cleanUpVaults();
  if (authenticatorId) await cdp().send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
});

describe('passkey unlock (WebAuthn PRF)', () => {
  it('the PRF output is stable per passkey and salt, and differs across salts', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(32));
    const { credentialId, prfOutput } = await browserPasskeyPrf.register(salt);
    expect(prfOutput.byteLength).toBe(32);
    const again = await browserPasskeyPrf.evaluate(credentialId, salt);
    expect(Array.from(again)).toEqual(Array.from(prfOutput));
    const other = await browserPasskeyPrf.evaluate(credentialId, crypto.getRandomValues(new Uint8Array(32)));
    expect(Array.from(other)).not.toEqual(Array.from(prfOutput));
  });

  it('adds a passkey with the PIN, then unlocks with it alone', async () => {
    const vault = testVault(uniqueDbName('passkey'));
    await vault.setUp(PIN);
    await vault.putCredential(sampleCredential('c1'));
    expect(await vault.passkeySupported()).toBe(true);
    await expectVaultError(vault.addPasskey('000000'), 'wrong-pin');
    await vault.addPasskey(PIN);
    expect(await vault.unlockMethods()).toEqual({ pin: true, passkey: true, recovery: true });
    vault.lock();
    await vault.unlockWithPasskey();
    expect(await vault.state()).toBe('unlocked');
    expect((await vault.listCredentials()).map((c) => c.id)).toEqual(['c1']);
    // Removing it needs the PIN; afterwards passkey unlock is refused and the PIN still works.
    await expectVaultError(vault.removePasskey('000000'), 'wrong-pin');
    await vault.removePasskey(PIN);
    expect((await vault.unlockMethods()).passkey).toBe(false);
    vault.lock();
    await expectVaultError(vault.unlockWithPasskey(), 'passkey-unsupported');
    await vault.unlockWithPin(PIN);
  });

  it('a failed user verification at unlock → passkey-cancelled; the vault stays locked and the PIN still opens it', async () => {
    const vault = testVault(uniqueDbName('passkey-cancel'));
    await vault.setUp(PIN);
    await vault.addPasskey(PIN);
    vault.lock();
    await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    try {
      await expectVaultError(vault.unlockWithPasskey(), 'passkey-cancelled');
    } finally {
      await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    }
    expect(await vault.state()).toBe('locked');
    // The PIN is always the fallback.
    await vault.unlockWithPin(PIN);
    expect(await vault.state()).toBe('unlocked');
  });

  it('where PRF is unsupported, adding a passkey says so and the PIN still works', async () => {
    const noPrf = {
      supported: async () => false,
      register: async () => {
        throw new Error('register must not be called');
      },
      evaluate: async () => {
        throw new Error('evaluate must not be called');
      },
    };
    const vault = testVault(uniqueDbName('passkey-unsupported'), { passkeys: noPrf });
    await vault.setUp(PIN);
    expect(await vault.passkeySupported()).toBe(false);
    await expectVaultError(vault.addPasskey(PIN), 'passkey-unsupported');
    expect(await vault.unlockMethods()).toEqual({ pin: true, passkey: false, recovery: true });
  });

  it('without a registered passkey, passkey unlock is refused clearly', async () => {
    const vault = testVault(uniqueDbName('passkey-none'));
    await vault.setUp(PIN);
    vault.lock();
    await expectVaultError(vault.unlockWithPasskey(), 'passkey-unsupported');
  });
});
