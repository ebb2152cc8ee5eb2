import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openInstalled, test } from './fixtures';
import { PIN, setUpVault, unlock } from './vault-steps';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const UNLOCK_HEADINGS = /^(Unlock Satchel|Datgloi Satchel)$/;

async function expectNoViolations(page: Page, label: string) {
  await expect(page.locator('h1')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Loads a public screen in the given language (a full page load). */
async function visit(page: Page, path: string, language: string) {
  await page.goto(`${path}?lang=${language}`);
  await expectNoViolations(page, `${path} (${language})`);
}

/** Moves to a screen inside the running app, as its links do: the vault stays unlocked. */
async function visitUnlocked(page: Page, path: string, language: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new Event('satchel:navigate'));
  }, path);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('h1')).not.toHaveText(UNLOCK_HEADINGS);
  await expect(page.getByText(/^(Loading…|Wrthi’n llwytho…)$/)).toHaveCount(0);
  await expectNoViolations(page, `${path} (${language})`);
}

for (const language of ['en', 'cy'] as const) {
  test(`every screen has no WCAG 2.2 A/AA violations (${language})`, async ({ page }) => {
    // Before set-up.
    for (const path of ['/', '/setup', '/restore', '/about', '/no-such-page']) await visit(page, path, language);

    // A form showing its errors.
    await page.goto(`/setup?lang=${language}`);
    await page.locator('button[type=submit]').click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoViolations(page, `setup with errors (${language})`);

    // Set up in English (the steps read English labels), then switch language without reloading.
    await page.goto('/?lang=en');
    await setUpVault(page);
    if (language === 'cy') await page.getByRole('link', { name: 'Cymraeg' }).click();
    for (const path of ['/', '/settings', '/settings/change-pin', '/settings/backup', '/settings/passkey', '/add', '/share', '/share/quick', '/check', '/check/licence', '/activity']) {
      await visitUnlocked(page, path, language);
    }

    // People (issue 16): adding one (its error first), the list with them, the home screen's
    // switcher and the activity's person filter once there is someone, and removing them.
    await visitUnlocked(page, '/people', language);
    await visitUnlocked(page, '/people/add', language);
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoViolations(page, `add a person with errors (${language})`);
    await page.locator('#person-name').fill('Mum');
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('people-list')).toContainText('Mum');
    await expectNoViolations(page, `people with Mum (${language})`);
    await visitUnlocked(page, '/', language);
    await expect(page.getByTestId('person-switcher')).toBeVisible();
    await page.getByTestId('person-switcher').getByRole('button', { name: 'Mum' }).click();
    await expect(page.getByTestId('person-empty')).toBeVisible();
    await expectNoViolations(page, `home showing Mum (${language})`);
    await visitUnlocked(page, '/activity', language);
    await expect(page.locator('#activity-person')).toBeVisible();
    await expectNoViolations(page, `activity with people (${language})`);
    await visitUnlocked(page, '/people', language);
    await page.getByTestId('person-row').nth(1).getByRole('link').click();
    await expect(page.getByTestId('remove-warning')).toBeVisible();
    await expectNoViolations(page, `remove Mum (${language})`);

    // Verifier mode showing its request code.
    await visitUnlocked(page, '/check', language);
    await page.locator('#verifier-name').fill('Corner shop');
    await page.locator('form button[type=submit]').first().click();
    await expect(page.getByTestId('request-qr')).toBeVisible();
    await expectNoViolations(page, `check with request code (${language})`);

    // Locked: unlock (with a wrong-PIN error) and recovery.
    await page.goto(`/?lang=${language}`);
    await expect(page.locator('h1')).toHaveText(UNLOCK_HEADINGS);
    await expectNoViolations(page, `unlock (${language})`);
    await page.locator('#pin').fill('wrong pin');
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('error-summary')).toBeVisible({ timeout: 30_000 });
    await expectNoViolations(page, `unlock with a wrong PIN (${language})`);
    await visit(page, '/recover', language);
    await page.goto('/?lang=en');
    await unlock(page, PIN);
    await expect(page.locator('h1')).toHaveText('Your credentials', { timeout: 30_000 });
  });
}

test('the offline and update banners have no WCAG 2.2 A/AA violations', async ({ page, context, app }) => {
  await openInstalled(page);
  app.deployNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await expect(page.getByTestId('update-banner')).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expectNoViolations(page, 'start screen with banners');
  await context.setOffline(false);
});
