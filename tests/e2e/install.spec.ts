import { expect, openInstalled, test } from './fixtures';
import { fromMenu } from './support/service-menu';

/** Width and height from a PNG's IHDR chunk (PNG spec §11.2.2). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('meets the install criteria: a valid manifest with icons, and a controlling service worker', async ({ page, request }) => {
  await openInstalled(page);

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  const manifestResponse = await request.get(manifestHref!);
  expect(manifestResponse.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Satchel'),
    short_name: 'Satchel',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });

  const icons = manifest.icons as { src: string; sizes: string; purpose: string; type: string }[];
  for (const wanted of [{ sizes: '192x192', purpose: 'any' }, { sizes: '512x512', purpose: 'any' }, { sizes: '512x512', purpose: 'maskable' }]) {
    const icon = icons.find((i) => i.sizes === wanted.sizes && i.purpose === wanted.purpose);
    expect(icon, `icon ${wanted.sizes} ${wanted.purpose}`).toBeDefined();
    const response = await request.get(new URL(icon!.src, page.url()).href);
    expect(response.status()).toBe(200);
    const [width, height] = wanted.sizes.split('x').map(Number);
    expect(pngSize(await response.body())).toEqual({ width, height });
  }

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');
  await fromMenu(page, 'This phone');
  await expect(page.getByTestId('offline-readiness')).toContainText('Yes — Satchel is saved on this phone');
});

test('sends the strict Content Security Policy and the page runs without violating it', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");

  await openInstalled(page);
  await fromMenu(page, 'This phone');
  await expect(page.getByRole('heading', { level: 1, name: 'This phone' })).toBeVisible();
  await expect(page.getByTestId('signature-engine')).toContainText('WebAssembly');
  await expect(page.getByTestId('feature-webAssembly')).toContainText('Yes');
  expect(violations).toEqual([]);
});
