/**
 * An mdoc driving licence (ISO/IEC 18013-5) on the card and the detail screen, in English and
 * Welsh, on a 360 px phone: every element labelled, the portrait an image made from its bytes (a
 * Blob URL, let go when the screen closes; bytes that are not a JPEG or PNG are never shown as
 * one), the driving privileges as a list with dates in the person's language, and the validity
 * window the MSO signs. The credential is issued by @owf/mdoc and read by Satchel's mdoc format.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { formatNamed } from '../../../../src/credentials/index';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { CredentialCard } from '../../../../src/ui/receive/CredentialCard';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { CredentialScreen } from '../../../../src/ui/screens/CredentialScreen';
import { claimRows } from '../../../../src/wallet/held/claim-rows';
import { nameOfType } from '../../../../src/wallet/shared/display-name';
import type { CredentialView } from '../../../../src/wallet/held';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import { issueMdocLicence, licenceElements, MDL_DOCTYPE, MDOC_DVLA_NAME } from '../../support/mdoc-fixture';
import '../../../../src/ui/styles/app.scss';

const host = document.body.appendChild(document.createElement('div'));
host.className = 'govuk-width-container';

/** A held view of `raw` as the wallet makes it (credential-views.ts): the format's subject claims as rows. */
function viewOf(id: string, raw: string): CredentialView {
  const format = formatNamed('mso_mdoc')!;
  const subject = format.subjectClaims(format.read(raw).claims);
  return {
    id,
    personId: 'self',
    format: 'mso_mdoc',
    selective: true,
    requestOnly: true,
    issuerName: { ...MDOC_DVLA_NAME },
    typeName: nameOfType(MDL_DOCTYPE),
    holderName: 'Ava Jones',
    verified: true,
    status: { state: 'valid', checkedAt: new Date(Date.now() - 5 * 60_000).toISOString() },
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2031-01-01T00:00:00.000Z',
    copyValidity: true,
    claims: claimRows(subject, [], () => false),
  };
}

let views: CredentialView[];
beforeAll(async () => {
  const licence = await issueMdocLicence();
  // The same licence with a portrait whose bytes are not an image Satchel shows (a PDF's magic).
  const notImage = await issueMdocLicence({ elements: { ...licenceElements(new TextEncoder().encode('%PDF-1.7')), given_name: 'Ava' } });
  views = [viewOf('mdl', licence.raw), viewOf('mdl-bad-photo', notImage.raw)];
});

const receiver = () => ({ credential: async (id: string) => views.find((v) => v.id === id) }) as unknown as Receiver;

async function show(language: 'en' | 'cy', screen: preact.JSX.Element): Promise<void> {
  await act(() => render(<I18nProvider initial={language}><ReceiverProvider receiver={receiver()}>{screen}</ReceiverProvider></I18nProvider>, host));
}

afterEach(async () => {
  await act(() => render(null, host));
  await page.viewport(414, 896);
  vi.restoreAllMocks();
});

const rows = () => Object.fromEntries([...host.querySelectorAll('[data-testid="claims"] .govuk-summary-list__row')].map((row) => [
  (row.querySelector('dt') as HTMLElement).innerText,
  row.querySelector('dd') as HTMLElement,
]));

describe.each(['en', 'cy'] as const)('an mdoc driving licence in %s', (language) => {
  const t = language === 'en' ? en : cy;
  const date = (enText: string, cyText: string) => (language === 'en' ? enText : cyText);

  it('the detail screen: every element labelled, the portrait as an image from its bytes, privileges with dates, the validity', async () => {
    await page.viewport(360, 740);
    await show(language, <CredentialScreen id="mdl" />);
    await expect.poll(() => host.querySelector('[data-testid="claims"]'), { timeout: 60_000 }).not.toBeNull();
    const shown = rows();
    expect(Object.keys(shown)).toEqual([
      t['claim.family_name'], t['claim.given_name'], t['claim.birth_date'], t['claim.issue_date'], t['claim.expiry_date'], t['claim.issuing_country'],
      t['claim.issuing_authority'], t['claim.document_number'], t['claim.portrait'], t['claim.driving_privileges'], t['claim.age_over_18'], t['claim.age_over_21'],
    ]);
    expect(shown[t['claim.birth_date']]!.innerText).toBe(date('25 March 1990', '25 Mawrth 1990'));
    expect(shown[t['claim.issue_date']]!.innerText).toBe(date('2 September 2024', '2 Medi 2024'));
    expect(shown[t['claim.age_over_18']]!.innerText).toBe(t['feature.yes']);
    // ISO/IEC 18013-5 §7.2.1: issuing_country is an ISO 3166-1 alpha-2 code, shown as the country's name.
    expect(shown[t['claim.issuing_country']]!.innerText).toBe(date('United Kingdom', 'Y Deyrnas Unedig'));
    expect(shown[t['claim.issuing_authority']]!.innerText).toBe('DVLA');

    // The portrait: an <img> whose source is a Blob URL of the JPEG bytes, which the browser decodes.
    await expect.poll(() => shown[t['claim.portrait']]!.querySelector('img'), { timeout: 30_000 }).not.toBeNull();
    const img = shown[t['claim.portrait']]!.querySelector('img')!;
    expect(img.src).toMatch(/^blob:/);
    expect(img.alt).toBe(t['claim.portrait']);
    await expect.poll(() => img.complete && img.naturalWidth, { timeout: 30_000 }).toBe(48);

    const privileges = [...shown[t['claim.driving_privileges']]!.querySelectorAll('[data-claim-shape="driving-privileges"] > li')].map((li) => (li as HTMLElement).innerText);
    expect(privileges).toEqual(language === 'en'
      ? ['Category B, from 1 June 2008 to 1 September 2034', 'Category AM, from 25 March 2006 to 1 September 2034, codes 78, 01 = 06']
      : ['Categori B, o 1 Mehefin 2008 tan 1 Medi 2034', 'Categori AM, o 25 Mawrth 2006 tan 1 Medi 2034, codau 78, 01 = 06']);

    // The signed copy's window, worded apart from the licence's own issue and expiry dates above.
    const validity = [...host.querySelectorAll('[data-testid="validity"] .govuk-summary-list__row')].map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
    expect(validity).toEqual([
      `${t['credential.copyValidFrom']} ${date('1 January 2026', '1 Ionawr 2026')}`,
      `${t['credential.copyValidUntil']} ${date('1 January 2031', '1 Ionawr 2031')}`,
    ]);
    // Nothing wider than the phone.
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });

  it('the card: the licence, its holder, issuer and validity', async () => {
    await show(language, <ul class="govuk-list"><CredentialCard credential={views[0]!} /></ul>);
    const card = (host.querySelector('[data-testid="credential-card"]') as HTMLElement).innerText;
    expect(card).toContain(t['type.drivingLicence']);
    expect(card).toContain('Ava Jones');
    expect(card).toContain(MDOC_DVLA_NAME[language]);
    expect(card).toContain(t['card.validUntil'].replace('{date}', date('1 January 2031', '1 Ionawr 2031')));
  });

  it('a portrait whose bytes are not a JPEG or PNG is not shown as an image: it says the photo cannot be shown', async () => {
    await show(language, <CredentialScreen id="mdl-bad-photo" />);
    await expect.poll(() => host.querySelector('[data-testid="claims"]'), { timeout: 60_000 }).not.toBeNull();
    const portrait = rows()[t['claim.portrait']]!;
    expect(portrait.querySelector('img')).toBeNull();
    expect(portrait.innerText).toBe(t['claim.photoUnavailable']);
  });
});

describe('the portrait’s Blob URL', () => {
  it('is revoked when the screen closes, so the photo does not outlive it', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    await show('en', <CredentialScreen id="mdl" />);
    await expect.poll(() => host.querySelector<HTMLImageElement>('[data-testid="claims"] img')?.src, { timeout: 60_000 }).toMatch(/^blob:/);
    const url = host.querySelector<HTMLImageElement>('[data-testid="claims"] img')!.src;
    expect(revoke).not.toHaveBeenCalledWith(url);
    await act(() => render(null, host));
    expect(revoke).toHaveBeenCalledWith(url);
  });
});
