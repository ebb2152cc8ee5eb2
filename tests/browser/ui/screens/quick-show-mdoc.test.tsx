/**
 * Quick show is SD-JWT VC and JWT VC only (docs/sharing.md, "The driving licence as an ISO mdoc"):
 * an mdoc licence is left out of the list with a sentence saying why, in English and Welsh; opened
 * from the mdoc's own page, the screen says it can only answer a request. The app's screen with a
 * real Sharer over a test vault, at 360×740.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { nameAsWords } from '../../../../src/wallet/shared/display-name';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { QuickShowScreen } from '../../../../src/ui/screens/QuickShowScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import type { Receiver } from '../../../../src/wallet/receive/receive-api';
import type { CredentialView } from '../../../../src/wallet/held';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ActivityLog } from '../../../../src/wallet/activity';
import type { Checker } from '../../../../src/wallet/check';
import { makeWorld } from '../../support/share-fixtures';
import { addMdocLicence } from '../../wallet/share/mdoc-world';

const host = document.body.appendChild(document.createElement('div'));
const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };
const view = (id: string, format: string, typeName: CredentialView['typeName']): CredentialView =>
  ({ id, personId: 'self', format, selective: true, requestOnly: format === 'mso_mdoc', typeName, issuerName: DVLA_NAME, verified: true, status: { state: 'valid' }, validUntil: '2031-01-01T00:00:00Z', claims: [] }) as CredentialView;

let views: CredentialView[];
let services: ShareServices;

beforeEach(async () => {
  const world = await makeWorld();
  await addMdocLicence(world);
  views = [view('licence', 'dc+sd-jwt', nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' })), view('mdl', 'mso_mdoc', nameAsWords({ en: 'Mobile driving licence', cy: 'Trwydded yrru symudol' }))];
  const sharer = createSharer({ vault: world.vault, now: () => Date.now(), views: { credential: async (id: string) => views.find((v) => v.id === id) } });
  services = { sharer, checker: {} as Checker, activity: {} as ActivityLog };
  history.replaceState(null, '', '/share/quick');
});
afterEach(async () => {
  await act(() => render(null, host));
  await page.viewport(414, 896);
});

const receiver = () => ({ listCredentials: async () => views, credential: async (id: string) => views.find((v) => v.id === id) }) as unknown as Receiver;

async function show(language: 'en' | 'cy'): Promise<void> {
  await page.viewport(360, 740);
  await act(() => render(<I18nProvider initial={language}><ReceiverProvider receiver={receiver()}><ShareProvider services={services}><QuickShowScreen /></ShareProvider></ReceiverProvider></I18nProvider>, host));
  await expect.poll(() => host.querySelectorAll('.govuk-checkboxes__label').length, { timeout: 60_000 }).toBeGreaterThan(0);
}

describe('quick show leaves the mdoc licence out', () => {
  it.each([
    ['en', 'Mobile driving licences (mDL) are not listed: they can only answer a request.'],
    ['cy', 'Nid yw trwyddedau gyrru symudol (mDL) wedi’u rhestru'],
  ] as const)('%s: only the SD-JWT licence is listed, and the screen says why the mDL is not', async (language, sentence) => {
    await show(language);
    // One credential left: named as text, not offered in a list.
    expect(host.querySelector('#quick-credential')?.textContent).toBe(language === 'en' ? 'Driving licence' : 'Trwydded yrru');
    expect(host.querySelector('[data-testid="mdoc-hidden"]')?.textContent).toContain(sentence);
  });

  it('opened from the mdoc\'s page: says it can only answer a request, and offers the SD-JWT licence', async () => {
    history.replaceState(null, '', '/share/quick?credential=mdl');
    await show('en');
    await expect.poll(() => host.querySelector('.govuk-error-summary')?.textContent ?? '', { timeout: 60_000 }).toContain('Your Mobile driving licence cannot be shown with quick show: it can only answer a request.');
    expect(host.querySelector('#quick-credential')?.textContent).toBe('Driving licence');
  });
});
