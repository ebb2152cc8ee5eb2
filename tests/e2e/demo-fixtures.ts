/**
 * Playwright fixtures for the end-to-end runs against the reference servers: the departments, the
 * trust-list operator, the admin page and the two reference verifiers (the job site and the corner
 * shop, each signing its requests with its certificate from the servers' register, as under
 * `npm start`), with the app built for them
 * (startDemo: their origins in the CSP, the operator key pinned) into dist-e2e/, on ephemeral ports
 * and a throwaway data folder. Started once per Playwright worker.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../src/server/reference/demo';
import { startReferenceVerifiers, type ReferenceVerifier } from '../../src/server/verifier/start-verifier';

/** Short, so revocations reach the wallet within a test. */
export const E2E_STATUS_LIST_TTL_S = 2;

export interface DemoEnvironment extends Demo {
  /** The job application site (registered; signs under x509_san_dns:localhost). */
  verifier: ReferenceVerifier;
  /** The corner shop (registered for age only, asks for more; signs under x509_hash:). */
  shop: ReferenceVerifier;
  /** The community bank (someone's identity and the authority to act for them; docs/carers.md). */
  bank: ReferenceVerifier;
}

/**
 * A free port below Linux's ephemeral range (32768+), so the servers that startDemo opens on
 * port 0 meanwhile cannot take it. The port stays held until `release()`, just before the verifier
 * listens on it: the build in between takes seconds, and another process could take it meanwhile.
 */
async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
}

export const test = base.extend<{ baseURL: string }, { demo: DemoEnvironment }>({
  demo: [
    async ({}, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'satchel-e2e-'));
      // The verifiers' origins must be in the app's CSP, which is fixed at build time: reserve their ports first.
      const reserved = await reservePort();
      const verifierPort = reserved.port;
      const reservedShop = await reservePort();
      const shopPort = reservedShop.port;
      const reservedBank = await reservePort();
      const bankPort = reservedBank.port;
      const demo = await startDemo({
        dataDir,
        ports: 'ephemeral',
        // SATCHEL_E2E_OUT lets two runs on one checkout build side by side (default dist-e2e/).
        outDir: process.env.SATCHEL_E2E_OUT ?? 'dist-e2e',
        buildWasm: false,
        statusListTtlS: E2E_STATUS_LIST_TTL_S,
        extraOrigins: [`http://localhost:${verifierPort}`, `http://localhost:${shopPort}`, `http://localhost:${bankPort}`],
        log: () => {},
      });
      await reserved.release();
      await reservedShop.release();
      await reservedBank.release();
      const verifiers = await startReferenceVerifiers(demo.servers, { walletUrl: demo.appUrl, ports: { jobs: verifierPort, shop: shopPort, bank: bankPort } });
      await use({ ...demo, verifier: verifiers.jobs, shop: verifiers.shop, bank: verifiers.bank });
      await verifiers.close();
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ demo }, use) => use(demo.appUrl),
});

export { expect };

export interface Offer {
  walletLink: string;
  text: string;
  txCode: string;
}

/** A department's clerk makes an offer on the admin page, as the demo's README says. */
export async function makeOffer(admin: Page, adminUrl: string, credential: RegExp, person?: RegExp): Promise<Offer> {
  await admin.goto(adminUrl);
  const credentialSelect = admin.getByLabel('Credential');
  const option = (await credentialSelect.locator('option').allTextContents()).find((label) => credential.test(label));
  if (!option) throw new Error(`no credential matching ${credential} on the admin page`);
  await credentialSelect.selectOption({ label: option });
  if (person) {
    const personOption = (await admin.getByLabel('Demo person').locator('option').allTextContents()).find((label) => person.test(label));
    await admin.getByLabel('Demo person').selectOption({ label: personOption! });
  }
  await admin.getByRole('button', { name: 'Create offer' }).click();
  return {
    walletLink: (await admin.locator('#wallet-link').getAttribute('href'))!,
    text: await admin.locator('#offer-text').inputValue(),
    txCode: (await admin.locator('#tx-code').textContent())!.trim(),
  };
}

/** Review screen: check who is offering, enter the code, add. */
export async function acceptOffer(page: Page, issuer: string, txCode: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Check before you add this credential' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('offer-summary')).toContainText(issuer);
  await page.getByRole('textbox', { name: 'Code from your letter or message' }).fill(txCode);
  await page.getByRole('button', { name: 'Add to Satchel' }).click();
}

/** Moves inside the running app, as its links do (a page load would lock the vault). */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new Event('satchel:navigate'));
  }, path);
}
