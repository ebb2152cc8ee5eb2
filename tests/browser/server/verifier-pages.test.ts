/**
 * The reference job site's pages on a phone: its result page was wider than a 360 px
 * screen (long claim values and issuer URLs in a table), and its waiting page told people to
 * choose "Scan a code", a button Satchel does not have.
 */
import { afterEach, expect, it } from 'vitest';
import { homePage, resultPage, STYLE, waitingPage } from '../../../src/server/verifier/pages';
import { JOB_SITE } from '../../../src/server/verifier/sites';
import type { Transaction } from '../../../src/server/verifier/transactions';

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** The page as a phone of that width shows it, with the site's stylesheet inlined. */
async function show(page: string, width: number): Promise<Document> {
  const frame = document.body.appendChild(document.createElement('iframe'));
  frames.push(frame);
  frame.style.width = `${width}px`;
  frame.style.height = '740px';
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = page.replace('<link rel="stylesheet" href="/style.css">', `<style>${STYLE}</style>`);
  await loaded;
  return frame.contentDocument!;
}

const longValue = 'urn:eudi:pid:gb:share-code:W4X-7KP-9QZ-R2M-LONGVALUEWITHOUTSPACES-0123456789abcdef';
const transaction = {
  id: 't', nonce: 'n', state: 's', purpose: 'right-to-work', dcql: {}, createdAt: 0, expiresAt: Date.parse('2026-11-30T12:00:00Z'),
  outcome: {
    ok: true,
    issuer: 'https://home-office.reference.example:5178/issuers/right-to-work-in-the-united-kingdom',
    type: 'https://home-office.reference.example/credentials/right_to_work_in_the_united_kingdom',
    claims: { given_name: 'Siân', family_name: 'Llewellyn-Ap-Gruffydd', right_to_work: true, work_restrictions: { max_hours_per_week: 20, sponsor_licence_number: longValue } },
    reasons: [
      { name: 'signature', ok: true, message: `The issuer’s signature verified with key ${longValue}.` },
      { name: 'key_binding', ok: true, message: 'The holder proved possession of the key the credential is bound to.' },
    ],
  },
} as unknown as Transaction;

for (const width of [360, 320]) {
  it(`the result page fits a ${width} px phone`, async () => {
    const doc = await show(String(resultPage(transaction)), width);
    expect(doc.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    expect(doc.body.textContent).toContain(longValue);
  });

  it(`the home and waiting pages fit a ${width} px phone`, async () => {
    for (const page of [homePage(JOB_SITE), waitingPage(transaction, { crossDevice: `satchel-request://?${longValue.repeat(4)}`, sameDevice: 'http://localhost/share' })]) {
      const doc = await show(String(page), width);
      expect(doc.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    }
  });
}

it('the waiting page names the buttons Satchel has', async () => {
  const doc = await show(String(waitingPage(transaction, { crossDevice: 'openid4vp://?request_uri=x', sameDevice: 'http://localhost/share' })), 360);
  expect(doc.body.textContent).not.toContain('Scan a code');
  expect(doc.body.textContent).toContain('Share a credential');
});

it('an mdoc answer: a JPEG portrait is shown as a picture from its bytes, other bytes only by their length, never as markup', async () => {
  const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10);
  const mdoc = {
    ...transaction,
    outcome: { ok: true, type: 'org.iso.18013.5.1.mDL', claims: { given_name: '<b>Ava</b>', portrait: jpeg, signature_usual_mark: Uint8Array.of(1, 2, 3), driving_privileges: [{ vehicle_category_code: 'B', mark: Uint8Array.of(9) }] }, reasons: [] },
  } as unknown as Transaction;
  const doc = await show(String(await resultPage(mdoc)), 360);
  const img = doc.querySelector('img')!;
  expect(img.getAttribute('src')).toBe(`data:image/jpeg;base64,${btoa(String.fromCharCode(...jpeg))}`);
  expect(img.getAttribute('alt')).toBe('Photo sent');
  expect(doc.querySelectorAll('img')).toHaveLength(1);
  expect(doc.body.textContent).toContain('(3 bytes)');
  expect(doc.body.textContent).toContain('"mark":"(1 bytes)"');
  expect(doc.body.textContent).toContain('<b>Ava</b>');
  expect(doc.querySelector('b')).toBeNull();
});
