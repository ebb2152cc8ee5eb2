/**
 * Issue 11: a revocation found while the home screen is open shows at once. The status refresh
 * runs in the background (the receiver's timer, or the connection coming back); when it brings a
 * new status list the receiver tells its listeners, and the home screen re-reads its credentials.
 * Real vault, crypto worker and an in-browser issuer (a real SD-JWT VC with a status list).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n/context';
import { en } from '../../shared/catalogues';
import { ReceiverProvider } from '../../../src/ui/receive/ReceiverContext';
import { HomeScreen } from '../../../src/ui/screens/HomeScreen';
import { VaultProvider } from '../../../src/ui/vault/VaultContext';
import { createAppReceiver } from '../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../src/wallet/receive/receive';
import type { SatchelVault } from '../../../src/wallet/vault/vault';
import { inBrowserIssuer, STATUS_TTL_S, TX_CODE, type InBrowserIssuer } from '../wallet/receive/in-browser-issuer';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../support/vault-helpers';

const host = document.body.appendChild(document.createElement('div'));
const statusTag = () => host.querySelector('[data-testid="status-tag"]')?.textContent ?? '';

describe('Home screen', () => {
  let vault: SatchelVault;
  let issuer: InBrowserIssuer;
  let receiver: SatchelReceiver;

  beforeEach(async () => {
    vault = testVault(uniqueDbName('home-live'));
    await vault.setUp(PIN);
    issuer = await inBrowserIssuer();
    receiver = createAppReceiver(vault, { config: issuer.config, fetch: (url, init) => issuer.fetch(url, init), now: () => issuer.now, autoResume: false });
    const summary = await receiver.readOffer(issuer.offer());
    await receiver.accept(summary.offerId, TX_CODE);
    render(null, host);
  });

  afterEach(async () => {
    render(null, host);
    receiver.close();
    await cleanUpVaults();
  });

  it('shows a revocation the background refresh found, without the person leaving the screen', async () => {
    render(<I18nProvider initial="en"><VaultProvider vault={vault}><ReceiverProvider receiver={receiver}><HomeScreen /></ReceiverProvider></VaultProvider></I18nProvider>, host);
    await expect.poll(statusTag, { timeout: 60_000 }).toBe(en['status.valid']);
    expect(host.textContent).toContain('Valid until');
    // The department cancels it; later the receiver's own timer refreshes the lists past their ttl.
    issuer.setStatus(0, 1);
    issuer.now += (STATUS_TTL_S + 1) * 1000;
    await receiver.refreshStatus();
    await expect.poll(statusTag, { timeout: 60_000 }).toBe(en['status.revoked']);
    // A cancelled card does not also say it is valid until a date.
    expect(host.textContent).not.toContain('Valid until');
  });
});
