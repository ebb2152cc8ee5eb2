/**
 * "Print a card" (issue 17) in real Chromium, with the real Receiver, vault and crypto worker and an
 * in-browser issuer that gives the licence's paper card: the screen shows the card's claims, the
 * photo, the dates and the instruction in English and Welsh; both QR codes (the A4 one and the
 * credit-card one) read back with an independent decoder (jsQR) as the card's code, which decodes
 * to the card the issuer signed and the wallet verified; it is shown again offline with no fetch;
 * "Print" opens the print dialogue; with no card, only why. No axe violations (WCAG 2.2 A/AA);
 * screenshots at 360×740 in test-results/paper-card-print/.
 */
import axe from 'axe-core';
import jsQR from 'jsqr';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { PaperCardScreen } from '../../../../src/ui/card/PaperCardScreen';
import { CARD_LABELS, CARD_SCREEN_WORDS } from '../../../../src/ui/card/card-words';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { CredentialScreen } from '../../../../src/ui/screens/CredentialScreen';
import { decodeCardCode } from '../../../../src/protocols/paper/card-code';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import type { PaperCardView } from '../../../../src/wallet/held';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { inBrowserIssuer, STATUS_TTL_S, TX_CODE, type InBrowserIssuer, type InBrowserIssuerOptions } from '../../wallet/receive/in-browser-issuer';

const host = document.body.appendChild(document.createElement('div'));
host.className = 'govuk-width-container';
const text = () => host.textContent ?? '';
const shows = (words: string) => expect.poll(text, { timeout: 30_000 }).toContain(words);

let vault: SatchelVault;
let issuer: InBrowserIssuer;
let receiver: SatchelReceiver;
let online: boolean;
let fetched: string[];

async function receive(options: InBrowserIssuerOptions): Promise<string> {
  vault = testVault(uniqueDbName('paper-card-screen'));
  await vault.setUp(PIN);
  issuer = await inBrowserIssuer(options);
  online = true;
  fetched = [];
  receiver = createAppReceiver(vault, {
    config: issuer.config,
    fetch: async (url, init) => {
      fetched.push(String(url));
      if (!online) throw new TypeError('Failed to fetch');
      return issuer.fetch(String(url), init);
    },
    online: () => online,
    now: () => issuer.now,
    autoResume: false,
  });
  const summary = await receiver.readOffer(issuer.offer());
  const result = await receiver.accept(summary.offerId, TX_CODE);
  return result.status === 'stored' ? result.credentialIds[0]! : '';
}

async function show(language: 'en' | 'cy', screen: preact.JSX.Element, with_: Receiver = receiver): Promise<void> {
  await act(() => render(<I18nProvider initial={language}><ReceiverProvider receiver={with_}>{screen}</ReceiverProvider></I18nProvider>, host));
}

/** Rasterises a QR SVG and reads it back with an independent decoder (jsQR), as a camera would. */
async function readBack(svg: SVGSVGElement): Promise<string | null> {
  const size = 800;
  const image = new Image();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(size));
  copy.setAttribute('height', String(size));
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, size, size);
  return jsQR(context.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
}

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

const shot = (name: string) => page.screenshot({ path: `../../../../test-results/paper-card-print/${name}.png` });

beforeEach(async () => {
  await page.viewport(360, 740);
});
afterEach(async () => {
  await act(() => render(null, host));
  receiver?.close();
  vi.restoreAllMocks();
  await cleanUpVaults();
});

describe.each(['en', 'cy'] as const)('Print a card, in %s', (language) => {
  const words = CARD_SCREEN_WORDS[language];

  it('shows the card the issuer gave: claims, photo, dates, the instruction in both languages, and a QR that reads back as the verified card', async () => {
    const id = await receive({ card: 'issue' });
    await show(language, <PaperCardScreen id={id} />);
    await shows(words.intro);
    const sheet = host.querySelector('[data-testid="printable-card"]') as HTMLElement;
    for (const value of ['Ada Jones', '01/05/1990', 'B, C1', CARD_LABELS.instruction.en, CARD_LABELS.instruction.cy, CARD_LABELS.expires.cy, 'Driver and Vehicle Licensing Agency', 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau']) {
      expect(sheet.textContent).toContain(value);
    }
    // The photo, printed from the credential (the card signs no photo).
    expect(sheet.querySelector('img.satchel-print-sheet__photo')?.getAttribute('alt')).toBe('Photo of Ada Jones');
    expect(host.querySelector('[data-testid="id-card"] img')).not.toBeNull();
    // The credit-card copy is ID-1 size: 85.6 × 54 mm (96 CSS px per inch).
    const idCard = (host.querySelector('[data-testid="id-card"]') as HTMLElement).getBoundingClientRect();
    expect(idCard.width).toBeCloseTo((85.6 / 25.4) * 96, 0);
    expect(idCard.height).toBeCloseTo((54 / 25.4) * 96, 0);

    const stored = await vault.getCredential(id);
    const codes = [...host.querySelectorAll<SVGSVGElement>('svg.satchel-card-qr')];
    expect(codes).toHaveLength(2);
    for (const svg of codes) {
      const read = await readBack(svg);
      expect(read).toMatch(/^SC1:/);
      expect(read).toBe(svg.getAttribute('data-card-code'));
      // What the QR says is exactly the card the issuer signed and the wallet verified.
      expect(base64urlEncode(await decodeCardCode(read!))).toBe((stored!.paperCard as { raw: string }).raw);
      // At least 35 mm of symbol on paper (width in mm, 4 modules of quiet zone either side).
      expect(Number.parseFloat(svg.getAttribute('width')!)).toBeGreaterThanOrEqual(35);
    }
    const view = (await receiver.paperCard(id)) as Extract<PaperCardView, { kind: 'card' }>;
    expect(view.card).toMatchObject({ verified: true, status: { state: 'valid' } });

    await noAxeViolations(`card screen (${language})`);
    await shot(`card-${language}`);
    window.scrollTo(0, host.querySelector('[data-testid="id-card"]')!.getBoundingClientRect().top + window.scrollY - 20);
    await shot(`card-cut-out-${language}`);
    window.scrollTo(0, 0);
  });

  it('"Print" opens the print dialogue; offline, the card is shown again from the vault with no fetch', async () => {
    const id = await receive({ card: 'issue' });
    online = false;
    fetched = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await show(language, <PaperCardScreen id={id} />);
    await shows(words.intro);
    expect(host.querySelectorAll('svg.satchel-card-qr')).toHaveLength(2);
    [...host.querySelectorAll('button')].find((b) => b.textContent === words.print)!.click();
    expect(print).toHaveBeenCalledTimes(1);
    expect(fetched).toEqual([]);
  });

  it('a card whose credential the issuer cancelled still shows, with a warning that a checker will see it fail', async () => {
    const id = await receive({ card: 'issue' });
    issuer.setStatus(0, 1);
    issuer.now += (STATUS_TTL_S + 1) * 1000;
    await receiver.refreshStatus({ force: true });
    await show(language, <PaperCardScreen id={id} />);
    const issuerName = language === 'en' ? 'Driver and Vehicle Licensing Agency' : 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau';
    await shows(words.cancelled.replace('{issuer}', issuerName));
    expect(host.querySelectorAll('svg.satchel-card-qr')).toHaveLength(2);
    await noAxeViolations(`cancelled card (${language})`);
  });

  it('with no card from the issuer, says only why: no print button, no code', async () => {
    const id = await receive({});
    await show(language, <PaperCardScreen id={id} />);
    const issuerName = language === 'en' ? 'Driver and Vehicle Licensing Agency' : 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau';
    await shows(words['missing.not-offered'].replace('{issuer}', issuerName));
    expect(host.querySelector('button')).toBeNull();
    expect(host.querySelector('svg')).toBeNull();
    await noAxeViolations(`no card (${language})`);
    await shot(`no-card-${language}`);
  });

  it('each reason there is no card, in plain words', async () => {
    const id = await receive({ card: 'refuse' });
    const credential = (await receiver.credential(id))!;
    for (const why of ['offline', 'failed', 'unknown'] as const) {
      const fake = { paperCard: async () => ({ kind: 'missing', credential, why }) } as unknown as Receiver;
      await show(language, <PaperCardScreen id={id} />, fake);
      await shows(words[`missing.${why}`].replace('{issuer}', credential.issuerName[language] ?? credential.issuerName.en));
      await act(() => render(null, host));
    }
  });

  it('the credential screen links to it', async () => {
    const id = await receive({ card: 'issue' });
    await show(language, <CredentialScreen id={id} />);
    await shows(words.link);
    const link = [...host.querySelectorAll('a')].find((a) => a.textContent === words.link)!;
    expect(link.getAttribute('href')).toBe(`/credential/${id}/card`);
  });
});
