/**
 * The add-a-credential screen with the app's Receiver, the real vault and an in-browser issuer
 * that behaves as a standard OpenID4VCI issuer: a wrong transaction code (§6.3 `invalid_grant`,
 * no `tx_code_tries_left`) keeps the offer, says the code or the offer may be wrong and offers
 * "Remove this offer"; the right code then adds the credential. Opened from an offer link, the
 * screen takes the pre-authorised code out of the address bar and history.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider, useI18n } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { PendingOffers } from '../../../../src/ui/receive/PendingOffers';
import { ReceiverProvider } from '../../../../src/ui/receive/ReceiverContext';
import { AddCredentialScreen } from '../../../../src/ui/screens/AddCredentialScreen';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { inBrowserIssuer, TX_CODE, type InBrowserIssuer } from '../../wallet/receive/in-browser-issuer';

const host = document.body.appendChild(document.createElement('div'));
const WRONG_CODE = '11111'; // TX_CODE is 24680

/** Types into a field; act() lets Preact re-render, so the form's submit sees the new value. */
async function type(id: string, value: string): Promise<void> {
  await act(() => {
    const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A button by its visible text (some add the offer's issuer for screen readers after it). */
function button(text: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => (b.firstChild?.textContent ?? '').trim() === text);
}

async function shows(text: string): Promise<void> {
  await expect.poll(() => host.textContent ?? '', { timeout: 60_000 }).toContain(text);
}

describe('Add a credential screen', () => {
  let vault: SatchelVault;
  let issuer: InBrowserIssuer;
  let receiver: SatchelReceiver;
  let startUrl: string;

  beforeEach(async () => {
    startUrl = location.href;
    vault = testVault(uniqueDbName('add-screen'));
    await vault.setUp(PIN);
    issuer = await inBrowserIssuer({ triesLeft: false });
    receiver = createAppReceiver(vault, { config: issuer.config, fetch: (url, init) => issuer.fetch(url, init), now: () => issuer.now, autoResume: false });
    render(null, host);
  });

  afterEach(async () => {
    render(null, host);
    history.replaceState(null, '', startUrl);
    receiver.close();
    await cleanUpVaults();
  });

  const screen = () => render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver}><AddCredentialScreen /></ReceiverProvider></I18nProvider>, host);

  it('a wrong code at a standard issuer keeps the offer: the person is told the code or the offer may be wrong, and can enter the right one', async () => {
    screen();
    await type('offer-text', issuer.offer());
    button(en['form.continue'])!.click();
    await shows(en['review.title']);
    await type('tx-code', WRONG_CODE);
    button(en['review.accept'])!.click();
    await shows(en['receive.error.codeRefused']);
    expect(button(en['review.remove'])).toBeDefined();
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ state: 'failed', error: 'tx-code-refused', needsTxCode: true })]);
    await type('tx-code', TX_CODE);
    button(en['review.accept'])!.click();
    await shows(en['added.title']);
    expect(await vault.listCredentials()).toHaveLength(1);
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an error on the review or the choose screen is worded again in Welsh when the person switches language in place', async () => {
    // The header's language link, as the app has it: setLanguage on the same provider.
    function Welsh() {
      const { setLanguage } = useI18n();
      return <button type="button" id="to-welsh" onClick={() => setLanguage('cy')}>Cymraeg</button>;
    }
    const switchToWelsh = () => act(() => host.querySelector<HTMLButtonElement>('#to-welsh')!.click());
    render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver}><Welsh /><AddCredentialScreen /></ReceiverProvider></I18nProvider>, host);
    await type('offer-text', 'not an offer');
    button(en['form.continue'])!.click();
    await shows(en['receive.error.unreadable']);
    await switchToWelsh();
    await shows(cy['receive.error.unreadable']);
    expect(host.textContent).not.toContain(en['receive.error.unreadable']);

    render(null, host);
    render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver}><Welsh /><AddCredentialScreen /></ReceiverProvider></I18nProvider>, host);
    await type('offer-text', issuer.offer());
    button(en['form.continue'])!.click();
    await shows(en['review.title']);
    button(en['review.accept'])!.click();
    await shows(en['review.error.noCode']);
    await type('tx-code', WRONG_CODE);
    button(en['review.accept'])!.click();
    await shows(en['receive.error.codeRefused']);
    await switchToWelsh();
    await shows(cy['receive.error.codeRefused']);
    expect(host.textContent).not.toContain(en['receive.error.codeRefused']);
  });

  it('an offer whose code was refused is listed on the way home: "Check this offer" reviews it again, "Remove this offer" forgets it', async () => {
    const summary = await receiver.readOffer(issuer.offer());
    await receiver.accept(summary.offerId, WRONG_CODE).catch(() => undefined);
    render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver}><PendingOffers /></ReceiverProvider></I18nProvider>, host);
    await shows(en['receive.error.codeRefused']);
    const link = [...host.querySelectorAll('a')].find((a) => a.firstChild?.textContent === en['pending.review'])!;
    expect(link.textContent).toContain('Driver and Vehicle Licensing Agency');
    expect(link.getAttribute('href')).toBe(`/add?pending=${encodeURIComponent(summary.offerId)}`);

    // The link's target: the review screen for the kept offer, where the right code completes it.
    history.pushState(null, '', link.getAttribute('href')!);
    render(null, host);
    screen();
    await shows(en['review.title']);
    await type('tx-code', TX_CODE);
    button(en['review.accept'])!.click();
    await shows(en['added.title']);

    const other = await receiver.readOffer(issuer.offer());
    await receiver.accept(other.offerId, WRONG_CODE).catch(() => undefined);
    render(<I18nProvider initial="en"><ReceiverProvider receiver={receiver}><PendingOffers /></ReceiverProvider></I18nProvider>, host);
    await shows(en['review.remove']);
    button(en['review.remove'])!.click();
    await expect.poll(() => receiver.pendingOffers(), { timeout: 60_000 }).toEqual([]);
    await expect.poll(() => host.textContent ?? '', { timeout: 60_000 }).not.toContain(en['review.remove']);
  });

  it('opened from an offer link, the pre-authorised code leaves the address bar and history', async () => {
    const link = issuer.offer();
    const code = decodeURIComponent(link).match(/"pre-authorized_code":"([^"]+)"/)![1]!;
    const lengthBefore = history.length;
    history.pushState(null, '', `/offer?${link.split('?')[1]!}`);
    expect(location.href).toContain('credential_offer');
    screen();
    await shows(en['review.title']);
    expect(location.href).not.toContain('credential_offer');
    expect(decodeURIComponent(location.href)).not.toContain(code);
    // The entry was replaced, not added to: going back cannot return to the link.
    expect(history.length).toBe(lengthBefore + 1);
    expect(location.pathname).toBe('/offer');
  });
});
