/**
 * Issue 11, item 1: a checker phone set up online, then taken offline, checks a valid licence
 * from a department it never checked before. It passes, because the check screen fetched every
 * department's status list while the phone was online (and said it was ready). A checker whose
 * status lists could not be had (the departments' status endpoint failing while it was online)
 * says so before checking, and its verdict is the distinct "Cancellation could not be checked" —
 * never the red "Do not accept" of a revoked credential.
 */
import type { Page } from '@playwright/test';
import { expect, goInApp, test } from './demo-fixtures';
import { goOffline, openRequest, phone, picture, receive, showRequest } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

const DVLA = 'Driver and Vehicle Licensing Agency';

/** Over 18: the checker shows its request, the holder shares, the checker reads every frame. */
async function checkOver18(checker: Page, holder: Page) {
  await openRequest(holder, await showRequest(checker, 'Over 18'));
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  const view = holder.getByTestId('response-qr');
  await expect(view).toBeVisible({ timeout: 30_000 });
  const total = Number(await view.getAttribute('data-frame-total'));
  if (total > 1) await holder.getByRole('button', { name: 'Pause' }).click();
  let index = Number(await view.getAttribute('data-frame-index'));
  for (let n = 0; n < total; n++) {
    await checker.locator('#response-image').setInputFiles(picture(await holder.getByTestId('response-qr-code').screenshot()));
    if (n === total - 1) break;
    await expect(checker.getByTestId('frame-progress')).toContainText(`Read ${n + 1} of ${total}`);
    await holder.getByRole('button', { name: 'Next code' }).click();
    index = (index + 1) % total;
    await expect(view).toHaveAttribute('data-frame-index', String(index));
  }
  const result = checker.getByTestId('check-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}

test('a checker set up online checks offline a department it never checked before; without its lists it says cancellation could not be checked, not revoked', async ({ browser, demo, baseURL }) => {
  const holder = await phone(browser, baseURL);
  await setUpVault(holder);
  await receive(holder, demo, /^Driving licence/, DVLA);

  // Set up online: the check screen fetches every department's status list and says it is ready.
  const checker = await phone(browser, baseURL);
  await setUpVault(checker);
  await goInApp(checker, '/check');
  const readiness = checker.getByTestId('offline-readiness');
  await expect(readiness).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(readiness).toContainText('ready to check without a signal, for every issuer');
  await expect(readiness.getByTestId('ready-issuers')).toContainText(DVLA);

  // Offline, a first check of a DVLA licence: it passes.
  await goOffline(checker);
  const passed = await checkOver18(checker, holder);
  await expect(passed).toHaveAttribute('data-verdict', 'pass');
  await expect(passed).toHaveAttribute('data-ok', 'true');
  await expect(passed.getByTestId('check-reasons')).toContainText('The credential has not been revoked or suspended');

  // A second checker whose status lists could not be had while it was online (the departments'
  // status endpoint failing): it says so before checking, and offline its verdict is distinct.
  const unready = await phone(browser, baseURL);
  await unready.context().route(/\/status\/\d+$/, (route) => route.fulfill({ status: 503, body: 'Service unavailable' }));
  await setUpVault(unready);
  await goInApp(unready, '/check');
  const notReady = unready.getByTestId('offline-readiness');
  await expect(notReady).toHaveAttribute('data-ready', 'false', { timeout: 60_000 });
  await expect(notReady.getByTestId('not-ready-issuers')).toContainText(DVLA);
  await goOffline(unready);
  const unknown = await checkOver18(unready, holder);
  await expect(unknown).toHaveAttribute('data-verdict', 'status-unknown');
  await expect(unknown.getByRole('heading', { level: 1 })).toHaveText('Cancellation could not be checked');
  await expect(unknown).not.toContainText('Do not accept');
  await expect(unknown.getByTestId('status-list-age')).toHaveText('This phone has no cancellation list for this issuer.');
  await expect(unknown.getByTestId('check-reasons')).toContainText('Not checked');
  await expect(unknown.getByTestId('check-reasons')).not.toContainText('Failed');
});
