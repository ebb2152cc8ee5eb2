/**
 * Crash safety: a page that is torn down in the middle of a write leaves a vault that opens with
 * either the old state or the new one, never a mix. The "page" is a same-origin iframe running
 * the real vault module; it is removed the moment its big restore transaction starts (spotted by
 * wrapping IDBDatabase.transaction inside the frame), which closes its connection and aborts any
 * transaction still running, as closing a tab does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpVaults, PIN, sampleCredential, TEST_ARGON2, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

const NEW_PIN = '135791';
const PASSPHRASE = 'crash test backup passphrase';

function frameSource(dbName: string): string {
  const vaultUrl = new URL('/src/wallet/vault/vault.ts', location.href).href;
  return `<!doctype html><script type="module">
    // Vitest rewrites import() in served modules to go through its runner; a plain call will do here.
    globalThis.__vitest_browser_runner__ = { wrapDynamicImport: (load) => load() };
    const realTransaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const tx = realTransaction.call(this, stores, mode, options);
      if (mode === 'readwrite' && Array.isArray(stores) && stores.length >= 5) parent.postMessage({ type: 'big-transaction' }, '*');
      return tx;
    };
    const { createVault } = await import(${JSON.stringify(vaultUrl)});
    addEventListener('message', async (event) => {
      const vault = createVault({ dbName: ${JSON.stringify(dbName)}, argon2Params: ${JSON.stringify(TEST_ARGON2)} });
      try {
        await vault.restoreBackup(event.data.file, ${JSON.stringify(PASSPHRASE)}, ${JSON.stringify(NEW_PIN)});
        parent.postMessage({ type: 'done' }, '*');
      } catch (error) {
        parent.postMessage({ type: 'error', message: String(error) }, '*');
      }
    });
    parent.postMessage({ type: 'ready' }, '*');
  </script>`;
}

/** Runs a restore in a frame and removes the frame as soon as the restore transaction begins. */
async function restoreAndKill(dbName: string, file: Blob, kill = true): Promise<string> {
  const frame = document.createElement('iframe');
  const outcome = new Promise<string>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      const type = (event.data as { type: string }).type;
      if (type === 'ready') frame.contentWindow!.postMessage({ file }, '*');
      else if (type === 'big-transaction' && !kill) return;
      else {
        removeEventListener('message', onMessage);
        frame.remove(); // the tab closes
        resolve(type === 'error' ? `error: ${(event.data as { message: string }).message}` : type);
      }
    };
    addEventListener('message', onMessage);
  });
  frame.srcdoc = frameSource(dbName);
  document.body.append(frame);
  return outcome;
}

describe('closing the page during a write', () => {
  it('leaves the vault openable with the old state or the new one, never a mix', async () => {
    // The "new" state: a backup with many large credentials, so its transaction takes a while.
    const source = testVault(uniqueDbName('crash-src'));
    await source.setUp(PIN);
    for (let i = 0; i < 300; i++) await source.putCredential({ ...sampleCredential(`new-${i}`), raw: `${i}:`.padEnd(4096, 'n') });
    const file = await source.exportBackup(PIN, PASSPHRASE);
    const newIds = Array.from({ length: 300 }, (_, i) => `new-${i}`).sort();

    const outcomes: string[] = [];
    for (let trial = 0; trial < 3; trial++) {
      const name = uniqueDbName(`crash-dst-${trial}`);
      const vault = testVault(name);
      await vault.setUp(PIN);
      for (let i = 0; i < 5; i++) await vault.putCredential(sampleCredential(`old-${i}`));
      await vault.close();

      const signal = await restoreAndKill(name, file);
      expect(signal).toBe('big-transaction');

      const reopened = testVault(name);
      expect(await reopened.state()).toBe('locked');
      let ids: string[];
      try {
        await reopened.unlockWithPin(PIN);
        ids = (await reopened.listCredentials()).map((c) => c.id).sort();
        expect(ids).toEqual(['old-0', 'old-1', 'old-2', 'old-3', 'old-4']);
        outcomes.push('old');
      } catch (error) {
        // Not the old PIN: then the restore must have committed completely.
        if ((error as { code?: string }).code !== 'wrong-pin') throw error;
        await reopened.unlockWithPin(NEW_PIN);
        ids = (await reopened.listCredentials()).map((c) => c.id).sort();
        expect(ids).toEqual(newIds);
        outcomes.push('new');
      }
    }
    console.log(`crash trials ended in: ${outcomes.join(', ')}`);

    // Control: the same restore left to finish gives the new state, so the checks above can tell.
    const name = uniqueDbName('crash-control');
    const control = testVault(name);
    await control.setUp(PIN);
    await control.close();
    expect(await restoreAndKill(name, file, false)).toBe('done');
    const reopened = testVault(name);
    await reopened.unlockWithPin(NEW_PIN);
    expect((await reopened.listCredentials()).map((c) => c.id).sort()).toEqual(newIds);
  });
});
