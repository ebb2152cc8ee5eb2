/**
 * An mdoc query's intent_to_retain (OpenID4VP 1.0 B.2.4; in the request QR, the DeviceRequest's
 * IntentToRetain, ISO/IEC 18013-5 §8.3.2.1.2.1) on the consent screen: a claim the checker says it
 * will keep says so under its checkbox, in English and Welsh; the others do not. The app's
 * ShareScreen with a real Sharer over a test vault holding the mdoc licence, at 360×740.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../src/ui/styles/app.scss';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { ShareScreen } from '../../../../src/ui/screens/ShareScreen';
import { ShareProvider, type ShareServices } from '../../../../src/ui/share/ShareContext';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import type { ActivityLog } from '../../../../src/wallet/activity';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';
import { addMdocLicence, MDL_DOCTYPE, MDL_NAMESPACE, withoutSdJwtLicence } from '../../wallet/share/mdoc-world';

const host = document.body.appendChild(document.createElement('div'));
const QUERY = {
  credentials: [{
    id: 'mdl',
    format: 'mso_mdoc',
    meta: { doctype_value: MDL_DOCTYPE },
    claims: [{ path: [MDL_NAMESPACE, 'family_name'], intent_to_retain: true }, { path: [MDL_NAMESPACE, 'age_over_18'], intent_to_retain: false }],
  }],
};

let world: World;

beforeEach(async () => {
  world = await makeWorld();
  await addMdocLicence(world);
  withoutSdJwtLicence(world);
  history.replaceState(null, '', '/share');
});
afterEach(async () => {
  await act(() => render(null, host));
  await page.viewport(414, 896);
});

const labels = () => [...host.querySelectorAll('.govuk-checkboxes__item')].map((item) => ({
  label: item.querySelector('label')?.textContent,
  hint: item.querySelector('[data-testid="retained-hint"]')?.textContent ?? null,
  describedBy: item.querySelector('input')?.getAttribute('aria-describedby') ?? null,
}));

describe.each([
  ['en', 'Family name', 'Aged 18 or over', 'They say they will keep this after the check'],
  ['cy', 'Cyfenw', '18 oed neu hŷn', 'Maen nhw’n dweud y byddan nhw’n cadw hwn ar ôl y gwiriad'],
] as const)('in %s', (language, familyName, ageOver18, hint) => {
  it('the claim the checker will keep says so; the other does not', async () => {
    await page.viewport(360, 740);
    const checker = createChecker({ verifier: nobleVerifier, trust: staticTrust(world.trustList, world.statusLists), now: () => NOW.getTime() });
    const request = await checker.createRequest({ dcqlQuery: QUERY, verifierName: 'Car hire desk' });
    const sharer = createSharer({ vault: world.vault, now: () => NOW.getTime() });
    const services: ShareServices = { sharer, checker, activity: {} as ActivityLog };
    await act(() => render(<I18nProvider initial={language}><ShareProvider services={services}><ShareScreen /></ShareProvider></I18nProvider>, host));
    await act(async () => {
      const input = host.querySelector<HTMLInputElement>('#request-text')!;
      input.value = request.qr.frames[0]!;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === (language === 'en' ? 'Continue' : 'Parhau'))!.click());
    await expect.poll(() => host.querySelectorAll('.govuk-checkboxes__item').length, { timeout: 60_000 }).toBe(2);
    const items = labels();
    // In the order the DeviceRequest's deterministic CBOR sorts the elements (RFC 8949 §4.2.1).
    expect(items.map((i) => [i.label, i.hint])).toEqual([[ageOver18, null], [familyName, hint]]);
    expect(items[0]!.describedBy).toBeNull();
    expect(items[1]!.describedBy).toBe(host.querySelector('[data-testid="retained-hint"]')!.id);
  });
});
