/**
 * "Check a paper card" (src/ui/check/PaperCardCheckScreen.tsx) in real Chromium with a fake
 * Checker: scan a picture of a card's QR code → the result, with the warning to compare the name
 * and photo first; each error a scanned code can end in (not a card, a phone's code, a licence
 * code, a damaged code) in plain words, in English and Welsh; a failed card's reason; "Keep a
 * record" and "Check the next card"; the link from the Check screen; no axe violations (WCAG 2.2
 * A/AA); screenshots at 360×740 (test-results/paper-card-check/).
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import qrcode from 'qrcode-generator';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { PaperCardCheckScreen } from '../../../../src/ui/check/PaperCardCheckScreen';
import { PAPER_CARD_WORDS } from '../../../../src/ui/check/paper-card-words';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { keptCheckText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { CheckError, type CheckErrorCode, type CheckResult, type Checker } from '../../../../src/wallet/check';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { preparePaperCard } from '../../../../src/credentials/formats/paper-card/index';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { encodeCardCode } from '../../../../src/protocols/paper/card-code';
import { DVLA, DVLA_STATUS, makeWorld, NOW } from '../../support/share-fixtures';
import { nameOfClaim, nameOfType } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import type { Sharer } from '../../../../src/wallet/share/share-api';

const WORDS = { en: { t: en, w: PAPER_CARD_WORDS.en }, cy: { t: cy, w: PAPER_CARD_WORDS.cy } } as const;
type Language = keyof typeof WORDS;

/** A card's code as printed (its content does not matter to the fake Checker). */
const CARD_CODE = 'SC1:6BFOXN*TS0BI$ZD-PHQ7I9AD66';

const PASS: CheckResult = {
  ok: true,
  verdict: 'pass',
  typeName: nameOfType(CREDENTIAL_TYPES.drivingLicence),
  issuerName: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' },
  reasons: [{ code: 'signature', ok: true }, { code: 'issuer-trusted', ok: true }, { code: 'validity', ok: true }, { code: 'status', ok: true }, { code: 'paper:not-bound', ok: true }],
  claims: [
    { path: ['given_name'], label: nameOfClaim(['given_name']), value: 'Ffion' },
    { path: ['family_name'], label: nameOfClaim(['family_name']), value: 'Jones' },
    { path: ['driving_privileges'], label: nameOfClaim(['driving_privileges']), value: 'B, C1' },
  ],
  unrequested: [],
  status: { state: 'valid', checkedAt: new Date().toISOString() },
  elapsedMs: 12,
};

const REVOKED: CheckResult = {
  ...PASS,
  ok: false,
  verdict: 'fail',
  reasons: [{ code: 'signature', ok: true }, { code: 'issuer-trusted', ok: true }, { code: 'validity', ok: true }, { code: 'status:revoked', ok: false }, { code: 'paper:not-bound', ok: true }],
  status: { state: 'revoked', checkedAt: new Date().toISOString() },
};

const host = document.body.appendChild(document.createElement('div'));
const text = () => host.textContent ?? '';
const shows = (words: string) => expect.poll(text, { timeout: 60_000 }).toContain(words);
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/** A fake Checker: records what the screen asked; `checkPaperCard` is steered by the test. */
function fakeChecker() {
  const calls = { checkPaperCard: [] as string[], discarded: [] as string[], discardAll: 0, kept: [] as string[] };
  let answer: (code: string) => Promise<CheckResult> = async () => PASS;
  const checker = {
    offlineReadiness: async () => ({ trustList: true, issuers: [] }),
    checkPaperCard: async (code: string) => {
      calls.checkPaperCard.push(code);
      return { requestId: `card-${calls.checkPaperCard.length}`, result: await answer(code) };
    },
    keepRecord: async (id: string) => void calls.kept.push(id),
    discard: (id: string) => void calls.discarded.push(id),
    discardAll: () => void calls.discardAll++,
  } as unknown as Checker;
  return { checker, calls, answer(fn: typeof answer) { answer = fn; } };
}

function screen(checker: Checker, language: Language = 'en', Screen = PaperCardCheckScreen) {
  const services = { sharer: {} as Sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } };
  return act(() => render(<I18nProvider initial={language}><ShareProvider services={services}><Screen /></ShareProvider></I18nProvider>, host));
}

/** A PNG of `content` as a QR code (alphanumeric mode, level Q, as printed on a card), like a photo of the card. */
async function qrPicture(content: string): Promise<File> {
  const qr = qrcode(0, 'Q');
  qr.addData(content, /^[0-9A-Z $%*+\-./:]*$/.test(content) ? 'Alphanumeric' : 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const scale = 6;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = (modules + 8) * scale;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  for (let r = 0; r < modules; r++) for (let c = 0; c < modules; c++) if (qr.isDark(r, c)) context.fillRect((c + 4) * scale, (r + 4) * scale, scale, scale);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'card.png', { type: 'image/png' });
}

async function usePicture(content: string) {
  const input = host.querySelector<HTMLInputElement>('#card-image')!;
  const files = new DataTransfer();
  files.items.add(await qrPicture(content));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function noAxeViolations(label: string) {
  const results = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

const shot = (name: string) => page.screenshot({ path: `../../../../test-results/paper-card-check/${name}.png` });

beforeEach(async () => {
  await page.viewport(360, 740);
});
afterEach(() => {
  render(null, host);
  stopCryptoWorker();
});

describe('checking a paper card', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`scan a picture of the card → the result, the warning first, keep a record, check the next card (${language})`, async () => {
      const { t, w } = WORDS[language];
      const fake = fakeChecker();
      await screen(fake.checker, language);
      await shows(w.title);
      expect(text()).toContain(t['scan.fromImage']);
      await noAxeViolations(`scan (${language})`);
      await shot(`scan-${language}`);

      await usePicture(CARD_CODE);
      await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('pass');
      expect(fake.calls.checkPaperCard).toEqual([CARD_CODE]);
      const warning = host.querySelector('[data-testid="paper-not-bound"]')!;
      expect(warning.textContent).toContain(w.notBound);
      // Straight after the verdict, before the checks and the claims.
      const result = host.querySelector('[data-testid="check-result"]')!;
      const panel = result.querySelector('.govuk-panel')!;
      expect(panel.compareDocumentPosition(warning) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(warning.compareDocumentPosition(result.querySelector('[data-testid="check-reasons"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // The warning is said once: not again in the list of checks.
      expect(text().split(w.notBound).length).toBe(2);
      expect(text()).toContain('Ffion');
      expect(text()).toContain('B, C1');
      expect(text()).toContain(t['check.pass']);
      await noAxeViolations(`result (${language})`);
      await shot(`pass-${language}`);

      await act(() => button(t['check.keep'])!.click());
      await shows(t['check.kept']);
      expect(fake.calls.kept).toEqual(['card-1']);

      await act(() => button(w.next)!.click());
      await shows(w.intro);
      expect(fake.calls.discarded).toEqual(['card-1']);
      fake.answer(async () => REVOKED);
      await usePicture(CARD_CODE);
      await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('fail');
      expect(text()).toContain(t['check.fail']);
      expect(text()).toContain(t['reason.problem.revoked']);
      expect(host.querySelector('[data-testid="paper-not-bound"]')).not.toBeNull();
      await noAxeViolations(`failed result (${language})`);
      await shot(`fail-${language}`);
    });

    it(`says what went wrong with a code that is not a card, one meant for another check, or a damaged one (${language})`, async () => {
      const { w } = WORDS[language];
      const fake = fakeChecker();
      const refusals: Record<string, CheckErrorCode> = {
        'HTTPS://EXAMPLE.COM/MENU': 'not-a-card',
        'SR1.ABC.1.1.XYZ': 'not-a-card',
        'mdoc:owBjMS4w': 'not-a-card',
        'SC1:BROKEN': 'card-damaged',
      };
      fake.answer(async (code) => { throw new CheckError(refusals[code]!, 'refused'); });
      await screen(fake.checker, language);
      const said: [string, string][] = [
        ['HTTPS://EXAMPLE.COM/MENU', w['error.not-a-card']],
        ['SR1.ABC.1.1.XYZ', w['error.phone-code']],
        ['mdoc:owBjMS4w', w['error.licence-code']],
        ['SC1:BROKEN', w['error.card-damaged']],
      ];
      for (const [code, words] of said) {
        await usePicture(code);
        await expect.poll(() => host.querySelector('#card-image-error')?.textContent ?? '', { timeout: 60_000 }).toContain(words);
        // The error summary at the top says it too, and links to the picture field.
        expect(host.querySelector('.govuk-error-summary')?.textContent).toContain(words);
      }
      expect(fake.calls.checkPaperCard).toEqual(said.map(([code]) => code));
      expect(host.querySelector('[data-testid="check-result"]')).toBeNull();
      await noAxeViolations(`error (${language})`);
      await shot(`error-${language}`);
    });
  }

  for (const language of ['en', 'cy'] as const) {
    it(`a real card: its QR picture read by the app's QR reader, checked by the real checker offline (${language})`, async () => {
      const { t, w } = WORDS[language];
      const world = await makeWorld();
      const nowS = Math.floor(NOW.getTime() / 1000);
      const card = preparePaperCard({ iss: DVLA, kid: world.dvla.jwk.kid!, vct: CREDENTIAL_TYPES.drivingLicence, claims: { given_name: 'Ada', family_name: 'Lovelace', birth_date: '1990-12-10', driving_privileges: 'B, C1' }, iat: nowS - 3600, status: { idx: 1, uri: DVLA_STATUS } });
      const code = await encodeCardCode(card.finish(world.dvla.sign(card.toBeSigned)));
      const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), now: () => NOW.getTime() });
      await screen(checker, language);
      await shows(w.title);
      await usePicture(code);
      await expect.poll(() => host.querySelector('[data-testid="check-result"]')?.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('pass');
      expect(host.querySelector('[data-testid="paper-not-bound"]')?.textContent).toContain(w.notBound);
      expect(text()).toContain('Lovelace');
      expect(text()).toContain(t['check.pass']);
      await shot(`real-card-${language}`);
    });
  }

  it('a kept record words paper:not-bound in English and Welsh (the activity log and the records document), not as its code', () => {
    for (const language of ['en', 'cy'] as const) {
      const words = keptCheckText({ code: 'paper:not-bound', ok: true }, translator(language), language);
      expect(words).not.toBe('paper:not-bound');
      expect(words).toContain(language === 'en' ? 'compare the name and photo' : 'cymharwch yr enw a’r llun');
    }
  });

  it('the Check screen links to it, and leaving it forgets every check', async () => {
    const fake = fakeChecker();
    await screen(fake.checker, 'en', CheckScreen);
    const link = [...host.querySelectorAll('a')].find((a) => a.textContent === en['check.paperCardLink']);
    expect(link?.getAttribute('href')).toBe('/check/card');
    await act(() => render(null, host));
    await screen(fake.checker);
    await shows(PAPER_CARD_WORDS.en.title);
    await act(() => render(null, host));
    expect(fake.calls.discardAll).toBeGreaterThanOrEqual(1);
  });
});
