/**
 * A browser killed in the middle of a write: Chromium is SIGKILLed while it restores a backup
 * (the vault's largest single transaction), then started again on the same profile. The vault
 * must open with either the old state or the new one, never a mix — and stay usable.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.mjs';
import { acceptOffer, expect, goInApp, makeOffer, test } from './demo-fixtures';
import { PIN, setUpVault, unlock } from './vault-steps';

test.describe.configure({ timeout: 240_000 });

const BACKUP_PASSPHRASE = 'a long backup passphrase';
const RESTORED_PIN = 'restored pin 789';

/**
 * Holds the restore's all-store transaction open until the browser is killed, and says when it
 * started. Once its first record is queued the transaction is kept busy with reads that each queue
 * the next, so it can never commit: the kill always lands inside it, however long the test takes
 * to deliver it (a fixed delay per record made this a race on a busy machine). The page's event
 * loop keeps running, so the call to the test arrives.
 */
function holdBigWriteOpen() {
  const put = IDBObjectStore.prototype.put;
  let held = false;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (!held && this.transaction.mode === 'readwrite' && this.transaction.objectStoreNames.length >= 5) {
      held = true;
      // A transaction commits once no request is pending (IndexedDB 3.0 §2.7.1); this one always has one.
      const keepBusy = () => {
        this.count().onsuccess = keepBusy;
      };
      keepBusy();
      (window as unknown as { satchelBigWriteStarted(): void }).satchelBigWriteStarted();
    }
    return put.apply(this, args);
  };
}

async function restore(page: Page, backupPath: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Restore from a backup file' }).click();
  await page.getByLabel('Backup file').setInputFiles(backupPath);
  await page.getByRole('textbox', { name: 'Backup passphrase', exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('textbox', { name: 'PIN or passphrase', exact: true }).fill(RESTORED_PIN);
  await page.getByRole('textbox', { name: 'Enter it again', exact: true }).fill(RESTORED_PIN);
  await page.getByRole('button', { name: 'Restore' }).click();
}

test('killing the browser during a restore leaves the old vault, and the restore can be done again', async ({ page, demo }) => {
  // A vault with two credentials, and its backup file.
  await setUpVault(page);
  const admin = await page.context().newPage();
  for (const [credential, issuer] of [[/^Driving licence/, 'Driver and Vehicle Licensing Agency'], [/^Veteran card/, "Office for Veterans' Affairs"]] as const) {
    const offer = await makeOffer(admin, demo.servers.adminUrl, credential);
    await goInApp(page, '/');
    await page.getByRole('button', { name: 'Add a credential' }).click();
    await page.getByRole('textbox', { name: 'Offer link or text' }).fill(offer.text);
    await page.getByRole('button', { name: 'Continue' }).click();
    await acceptOffer(page, issuer, offer.txCode);
    await expect(page.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
  }
  await goInApp(page, '/settings/backup');
  await page.getByRole('textbox', { name: 'Your PIN', exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: 'Choose a passphrase for the backup', exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('textbox', { name: 'Enter the passphrase again', exact: true }).fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: 'Make backup' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click({ timeout: 30_000 })]);
  const backupPath = await download.path();

  const profile = await mkdtemp(join(tmpdir(), 'satchel-crash-'));
  const open = (): Promise<BrowserContext> =>
    chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs, baseURL: demo.appUrl, serviceWorkers: 'allow' });
  try {
    // Restore on a fresh profile, and kill the whole browser once its big transaction is under way.
    const doomed = await open();
    let killed!: () => void;
    const killedNow = new Promise<void>((resolve) => (killed = resolve));
    await doomed.exposeFunction('satchelBigWriteStarted', () => {
      execFileSync('pkill', ['-KILL', '-f', profile]);
      killed();
    });
    await doomed.addInitScript(holdBigWriteOpen);
    void restore(await doomed.newPage(), backupPath).catch(() => undefined);
    await killedNow;
    await doomed.close().catch(() => undefined);

    // Same profile again: the restore never committed, so the vault is as before — absent.
    const again = await open();
    const phone = again.pages()[0] ?? (await again.newPage());
    await phone.goto('/');
    await expect(phone.getByRole('heading', { level: 1, name: 'Set up Satchel' })).toBeVisible();

    // And nothing half-written stands in the way: the same restore now completes.
    await restore(phone, backupPath);
    await expect(phone.getByRole('heading', { level: 1, name: 'Your credentials' })).toBeVisible({ timeout: 30_000 });
    await phone.goto('/');
    await unlock(phone, RESTORED_PIN);
    await expect(phone.getByTestId('credential-card')).toHaveCount(2, { timeout: 30_000 });
    await again.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
