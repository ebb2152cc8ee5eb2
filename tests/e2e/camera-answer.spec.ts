/**
 * In person, the answer read through the checker's camera: the holder's looping answer codes —
 * several dense QR codes, each on screen for FRAME_MS — are recorded as the holder's screen shows
 * them into a video, and the checker's Chromium uses that video as its camera
 * (--use-file-for-fake-video-capture). share.spec.ts feeds the same codes as pictures; this proves
 * the live camera path (QrScanner) keeps up with codes that change under it.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.mjs';
import { FRAME_MS } from '../../src/protocols/in-person/frames';
import { expect, goInApp, test } from './demo-fixtures';
import { pngToLuma, screenshotEveryCode, writeLoopVideo } from './support/looping-code-video';
import { receive } from './support/phones';
import { setUpVault } from './vault-steps';

test.describe.configure({ timeout: 300_000 });

declare global {
  interface Window {
    /** Set by the init script below: lets the checker's camera start. */
    raiseCamera?: () => void;
  }
}

/**
 * The checker's phone shows its request code before the holder has an answer, so its camera
 * (opened with the scan step) must not start until the answer is on the holder's screen — as a
 * person raises the phone only then. Until the test calls `raiseCamera()`, getUserMedia waits.
 */
function holdCameraUntilRaised(): void {
  const raised = new Promise<void>((resolve) => {
    window.raiseCamera = resolve;
  });
  const getUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints) {
    await raised;
    return getUserMedia.call(this, constraints);
  };
}

test('a several-code answer, looping on the holder’s screen, is read through the checker’s camera', async ({ browser, demo, baseURL }) => {
  const folder = await mkdtemp(join(tmpdir(), 'satchel-camera-answer-'));
  const video = join(folder, 'answer.y4m');
  // The checker's Chromium is launched now, its camera pointing at a video not yet written:
  // Chromium opens the file when a page starts the camera, which holdCameraUntilRaised delays.
  const checkerBrowser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    // Holder: one CSS pixel per screenshot pixel, so a version-19 code (101 modules with its quiet
    // zone, 3 CSS px each) fits the 640×480 video at its own size.
    const holder = await (await browser.newContext({ baseURL, deviceScaleFactor: 1, viewport: { width: 390, height: 844 } })).newPage();
    await setUpVault(holder);
    await receive(holder, demo, /^Driving licence/, 'Driver and Vehicle Licensing Agency');

    const checkerContext = await checkerBrowser.newContext({ baseURL, deviceScaleFactor: 2, viewport: { width: 390, height: 844 }, permissions: ['camera'] });
    await checkerContext.addInitScript(holdCameraUntilRaised);
    const checker = await checkerContext.newPage();
    await setUpVault(checker);
    await goInApp(checker, '/check');
    // Found by the words "over 18", whatever the rest of the label says.
    await checker.getByRole('radio', { name: /over 18/i }).check();
    await checker.getByLabel('Your name or organisation').fill('Corner shop');
    await checker.getByRole('button', { name: 'Show my code' }).click();
    const request = await checker.getByTestId('request-qr-code').screenshot();

    // The holder reads the request (a picture: this test is about the answer) and shares.
    await goInApp(holder, '/share');
    await holder.locator('#request-image').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: request });
    await expect(holder.getByRole('heading', { level: 1, name: 'Do you want to share this?' })).toBeVisible({ timeout: 30_000 });
    await expect(holder.getByTestId('requester')).toHaveText('Corner shop is asking.');
    await holder.getByRole('button', { name: 'Share', exact: true }).click();
    const codes = await screenshotEveryCode(holder, holder.getByTestId('response-qr'), holder.getByTestId('response-qr-code'));
    expect(codes.length, 'an over-18 answer from a driving licence takes several codes').toBeGreaterThan(1);

    const scratch = await holder.context().newPage();
    const pictures = [];
    for (const code of codes) pictures.push(await pngToLuma(scratch, code));
    await scratch.close();
    await writeLoopVideo(video, pictures, FRAME_MS);

    // The checker raises the camera; every code must come through it (no picture is uploaded).
    await checker.evaluate(() => window.raiseCamera!());
    await expect(checker.getByTestId('scanner-video')).toBeVisible();
    const progress = checker.getByTestId('frame-progress');
    const result = checker.getByTestId('check-result');
    // Progress is shown once the first code is read, and each later code moves it on.
    await test.step('the first code is read', () => expect(progress.or(result)).toBeVisible({ timeout: 60_000 }));
    await test.step('every code is read and the answer verified', () => expect(result).toBeVisible({ timeout: 120_000 }));
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result.getByTestId('disclosed-claims')).toHaveText(/^Aged 18 or over\s*Yes$/);
  } finally {
    await checkerBrowser.close();
    await rm(folder, { recursive: true, force: true });
  }
});
