/**
 * In person, camera to camera: a holder and a checker in two browser profiles exchange QR codes
 * as pictures (screenshots of each other's code fed to "Use a picture of the QR code").
 */
import type { Page } from '@playwright/test';
import { E2E_STATUS_LIST_TTL_S, expect, goInApp, test } from './demo-fixtures';
import { answerFrames, goOffline, openRequest, phone, picture, receive, scanAnswer, showRequest } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

/** Holder: scan the request, see who asks and what, share; returns every frame of the answer. */
async function share(holder: Page, request: Buffer, expectShared: string[]): Promise<Buffer[]> {
  await openRequest(holder, request);
  await expect(holder.getByTestId('requester')).toHaveText('Corner shop is asking.');
  const ticked = holder.locator('.govuk-checkboxes__item').filter({ has: holder.locator('input:checked') });
  await expect(ticked).toHaveText(expectShared);
  // Everything else the credential holds is listed as not shared (e.g. the date of birth).
  await expect(holder.getByTestId('not-shared')).toContainText(expectShared.includes('Aged 18 or over') ? 'Date of birth' : 'Share code');
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  return answerFrames(holder.getByTestId('response-qr'), holder);
}

test('right to work, over 18, out-of-order frames, replay and revocation — the checker offline', async ({ browser, demo, baseURL }) => {
  const holder = await phone(browser, baseURL, { width: 390, height: 844 });
  const checker = await phone(browser, baseURL, { width: 390, height: 844 });
  await setUpVault(holder);
  await setUpVault(checker);
  await receive(holder, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency');
  await receive(holder, demo, /^Right to work/, 'Home Office');

  // Online once, as at the start of a shift: the checker's phone caches each issuer's status list.
  const rightToWork = await scanAnswer(checker, await share(holder, await showRequest(checker, 'Right to work'), ['Given name', 'Family name', 'Right to work', 'Work restrictions']));
  await expect(rightToWork).toHaveAttribute('data-ok', 'true');
  await expect(holder.getByTestId('not-shared')).toHaveCount(0);
  const overEighteen = await scanAnswer(checker, await share(holder, await showRequest(checker, 'Over 18'), ['Aged 18 or over']));
  await expect(overEighteen).toHaveAttribute('data-ok', 'true');

  // Now without a signal: a right-to-work check, then an over-18 check whose answer is several
  // codes, collected out of order.
  await goOffline(checker);
  const offlineRightToWork = await scanAnswer(checker, await share(holder, await showRequest(checker, 'Right to work'), ['Given name', 'Family name', 'Right to work', 'Work restrictions']));
  await expect(offlineRightToWork).toHaveAttribute('data-ok', 'true');
  await expect(offlineRightToWork.getByTestId('disclosed-claims')).toContainText('Right to work');
  const frames = await share(holder, await showRequest(checker, 'Over 18'), ['Aged 18 or over']);
  expect(frames.length).toBeGreaterThan(1);
  const result = await scanAnswer(checker, [...frames].reverse());
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result.getByTestId('disclosed-claims')).toHaveText(/^Aged 18 or over\s*Yes$/);
  await expect(result.getByTestId('unrequested')).toHaveCount(0);

  // The same answer shown again, to the next check: refused.
  await checker.getByRole('button', { name: 'Check the next person' }).click();
  await expect(checker.getByTestId('request-qr-code')).toBeVisible();
  for (const frame of frames) await checker.locator('#response-image').setInputFiles(picture(frame));
  await expect(checker.getByTestId('error-summary')).toContainText(/already been used|someone else’s request/);
  await expect(checker.getByTestId('check-result')).toHaveCount(0);

  // The DVLA revokes the licence while the holder's phone has no signal, so it does not know yet
  // (a phone that knows refuses to share a cancelled credential, below). Once the checker has been
  // online past the list's ttl, the licence fails — and keeps failing offline.
  await holder.context().setOffline(true);
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(demo.servers.adminUrl);
  // The servers outlive one test: the licence issued here is the newest row.
  await admin.getByRole('row', { name: /Driving licence/ }).last().getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('row', { name: /Driving licence/ }).last()).toContainText('revoked');
  await checker.context().setOffline(false);
  await checker.waitForTimeout((E2E_STATUS_LIST_TTL_S + 1) * 1000);
  for (const online of [true, false]) {
    await checker.context().setOffline(!online);
    const revoked = await scanAnswer(checker, await share(holder, await showRequest(checker, 'Over 18'), ['Aged 18 or over']));
    await expect(revoked).toHaveAttribute('data-ok', 'false');
    await expect(revoked.getByTestId('check-reasons')).toContainText(/revoked|cancelled/i);
  }

  // Back online, the holder's phone learns of the revocation and will not offer the licence again.
  await holder.context().setOffline(false);
  await goInApp(holder, '/');
  const licenceCard = holder.getByTestId('credential-card').filter({ hasText: 'Driving licence' });
  await expect(licenceCard.getByTestId('status-tag')).toHaveText('Cancelled by the department', { timeout: 30_000 });
  const refusedRequest = await showRequest(checker, 'Over 18');
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(refusedRequest));
  await expect(holder.locator('main')).toContainText('Satchel will not share it', { timeout: 30_000 });

  // The holder's activity log has every share (6) besides the two credentials received.
  await goInApp(holder, '/activity');
  await expect(holder.getByTestId('activity-table').locator('tbody tr')).toHaveCount(8);
  await holder.getByLabel('Show').selectOption({ label: 'Shared' });
  await expect(holder.getByTestId('activity-table').locator('tbody tr')).toHaveCount(6);
  await expect(holder.getByTestId('activity-table').locator('tbody tr').first()).toContainText('Corner shop');
});
