/**
 * Scanning an offer with the camera: Chromium's fake camera plays a video of the admin page's
 * offer QR code (--use-file-for-fake-video-capture), as a phone pointed at a letter would see it.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.mjs';
import { acceptOffer, expect, makeOffer, test } from './demo-fixtures';
import { writeQrVideo } from './support/fake-camera';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 180_000 });

test('an offer QR code scanned with the camera is added after review', async ({ page, demo }) => {
  const offer = await makeOffer(page, demo.servers.adminUrl, /^Right to work/);
  const folder = await mkdtemp(join(tmpdir(), 'satchel-camera-'));
  const video = join(folder, 'offer.y4m');
  writeQrVideo(video, offer.text);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL: demo.appUrl, permissions: ['camera'] });
    const phone = await context.newPage();
    await setUpVault(phone);
    await phone.getByRole('button', { name: 'Add a credential' }).click();
    await phone.getByRole('button', { name: 'Open camera' }).click();
    // No wait for the video itself: it shows only until the first frame is read, which on an idle
    // machine can be before any check. The review can come only from what the camera read.
    await acceptOffer(phone, 'Home Office', offer.txCode);
    await expect(phone.getByRole('heading', { name: 'Credential added' })).toBeVisible({ timeout: 30_000 });
  } finally {
    await browser.close();
    await rm(folder, { recursive: true, force: true });
  }
});
