/**
 * The reference sign-in service's page in real Chromium, at phone size (360×740), without the app:
 * the reference servers in process and a stand-in for the wallet's origin. A pushed request
 * (RFC 9126) made with plain fetch, then the person's part in the browser: the page passes a
 * WCAG 2.2 AA scan in English and Welsh (and with its error summary), signing in follows the
 * redirect to the wallet's /authorised with code, state and iss (the page's CSP form-action lets
 * the form post's redirect through, CSP3 §6.3.1), and Cancel comes back with access_denied.
 * Screenshots go to test-results/sign-in-page/.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../src/server/reference/reference-servers';
import { pkce, pushRequest } from '../shared/oauth-client';
import { startReferenceServersInTempDir, stopReferenceServers } from '../shared/reference-servers';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const SHOTS = 'test-results/sign-in-page';

interface World {
  servers: ReferenceServers;
  walletUrl: string;
}

const test = base.extend<object, { world: World }>({
  world: [
    async ({}, use) => {
      // The wallet's origin: /authorised answers with a page saying where the browser landed.
      const wallet: Server = createServer((request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="en"><title>Satchel</title><h1>Back in Satchel</h1><p id="at">${request.url?.replace(/[<>&"]/g, '')}</p></html>`);
      });
      await new Promise<void>((done) => wallet.listen(0, '127.0.0.1', done));
      const walletUrl = `http://localhost:${(wallet.address() as AddressInfo).port}`;
      const { dataDir, servers } = await startReferenceServersInTempDir('satchel-sign-in-page-', { walletUrl });
      await use({ servers, walletUrl });
      await stopReferenceServers(servers, dataDir);
      await new Promise((done) => wallet.close(done));
    },
    { scope: 'worker' },
  ],
});

test.use({ viewport: { width: 360, height: 740 } });

/** A pushed request for the DBS certificate, as the wallet makes it; the sign-in page's URL. */
async function signInUrl(world: World, lang?: 'cy'): Promise<string> {
  const as = world.servers.authorizationServer.url;
  const pushed = await pushRequest(`${as}/par`, { response_type: 'code', client_id: world.walletUrl, redirect_uri: `${world.walletUrl}/authorised`, state: 'st-1', code_challenge: pkce().challenge, code_challenge_method: 'S256', scope: 'basic_dbs' });
  expect(pushed.status).toBe(201);
  return `${as}/authorize?${new URLSearchParams({ client_id: world.walletUrl, request_uri: String(pushed.body.request_uri), ...(lang ? { lang } : {}) })}`;
}

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${label}`).toEqual([]);
}

test('signing in goes back to the wallet with code, state and iss', async ({ page, world }) => {
  await page.goto(await signInUrl(world));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Reference sign-in (a stand-in for GOV.UK One Login)')).toBeVisible();
  await expectAccessible(page, 'sign-in (en)');
  await page.screenshot({ path: `${SHOTS}/sign-in-en.png`, fullPage: true });
  await page.getByLabel('Email address').fill('ada.jones@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Back in Satchel' })).toBeVisible();
  const landed = new URL(page.url());
  expect(`${landed.origin}${landed.pathname}`).toBe(`${world.walletUrl}/authorised`);
  expect(landed.searchParams.get('state')).toBe('st-1');
  expect(landed.searchParams.get('iss')).toBe(world.servers.authorizationServer.url);
  expect(landed.searchParams.get('code')).toBeTruthy();
});

test('in Welsh, a wrong password shows the error summary; Cancel goes back with access_denied', async ({ page, world }) => {
  await page.goto(await signInUrl(world));
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mewngofnodi' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expectAccessible(page, 'sign-in (cy)');
  await page.screenshot({ path: `${SHOTS}/sign-in-cy.png`, fullPage: true });
  await page.getByLabel('Cyfeiriad e-bost').fill('ada.jones@example.com');
  await page.getByLabel('Cyfrinair').fill('wrong');
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Mae problem' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Rhowch gyfeiriad e-bost a chyfrinair sy’n cyfateb');
  await expectAccessible(page, 'sign-in error (cy)');
  await page.screenshot({ path: `${SHOTS}/sign-in-error-cy.png`, fullPage: true });
  await page.getByRole('button', { name: 'Canslo' }).click();
  await expect(page.getByRole('heading', { name: 'Back in Satchel' })).toBeVisible();
  const landed = new URL(page.url());
  expect(Object.fromEntries(landed.searchParams)).toMatchObject({ error: 'access_denied', state: 'st-1', iss: world.servers.authorizationServer.url });
});

test('in English, the error summary; a link that did not come from the app cannot be used', async ({ page, world }) => {
  await page.goto(await signInUrl(world));
  await page.getByLabel('Email address').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address and password that match');
  await expectAccessible(page, 'sign-in error (en)');
  await page.screenshot({ path: `${SHOTS}/sign-in-error-en.png`, fullPage: true });
  await page.goto(`${world.servers.authorizationServer.url}/authorize?response_type=code&client_id=x`);
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot sign in from this link' })).toBeVisible();
  await expectAccessible(page, 'cannot sign in (en)');
  await page.screenshot({ path: `${SHOTS}/cannot-sign-in-en.png`, fullPage: true });
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ni allwch fewngofnodi o’r ddolen hon' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cannot-sign-in-cy.png`, fullPage: true });
});
