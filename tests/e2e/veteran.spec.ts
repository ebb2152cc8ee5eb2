/**
 * Issue 11: the veteran card, from the reference "veterans" department, shown and checked on two
 * phones at 360×740 — by request and answer (the consent says the whole card is shared) and by
 * quick show (before: another credential's fields, an uncaught error, "Something went wrong").
 */
import { expect, goInApp, test } from './demo-fixtures';
import { answerFrames, phone, picture, receive, scanAnswer } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

test('the veteran card: asked for by purpose, shared whole, checked; and by quick show', async ({ browser, demo, baseURL }) => {
  const holder = await phone(browser, baseURL);
  const checker = await phone(browser, baseURL);
  await setUpVault(holder);
  await setUpVault(checker);
  await receive(holder, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency');
  await receive(holder, demo, /^Veteran card/, "Office for Veterans' Affairs");

  // The checker asks for a veteran.
  await goInApp(checker, '/check');
  await checker.getByLabel('Veteran').check();
  await checker.getByLabel('Your name or organisation').fill('Armed Forces Day');
  await checker.getByRole('button', { name: 'Show my code' }).click();
  const request = await checker.getByTestId('request-qr-code').screenshot();

  // The holder sees which credential answers and that all of it is shared.
  await goInApp(holder, '/share');
  await holder.locator('#request-image').setInputFiles(picture(request));
  await expect(holder.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
  await expect(holder.getByTestId('candidate')).toContainText("Veteran card from Office for Veterans' Affairs");
  await expect(holder.getByTestId('candidate')).toContainText('Valid until');
  await expect(holder.getByTestId('whole-credential')).toContainText('Everything on this Veteran card will be shared');
  await expect(holder.getByTestId('whole-credential')).toContainText('Service number');
  await holder.getByRole('button', { name: 'Share', exact: true }).click();
  const result = await scanAnswer(checker, await answerFrames(holder.getByTestId('response-qr'), holder));
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result.getByTestId('disclosed-claims')).toContainText('Royal Navy');

  // Quick show: choosing the veteran card shows its own claims and makes a code the checker accepts.
  await goInApp(holder, '/share/quick');
  await holder.getByLabel('Which credential?').selectOption({ label: 'Veteran card' });
  await expect(holder.getByTestId('whole-credential')).toContainText('Everything on this Veteran card will be shown');
  await expect(holder.getByText('Aged 18 or over')).toHaveCount(0);
  await holder.getByRole('button', { name: 'Make the code' }).click();
  const quick = await answerFrames(holder.getByTestId('response-qr'), holder);
  await expect(holder.getByText('Something went wrong')).toHaveCount(0);
  await goInApp(checker, '/');
  await goInApp(checker, '/check');
  await checker.getByRole('button', { name: 'Scan a quick-show code instead' }).click();
  const quickResult = await scanAnswer(checker, quick);
  await expect(quickResult).toHaveAttribute('data-ok', 'true');
  await expect(quickResult.getByTestId('disclosed-claims')).toContainText('Royal Navy');
});
