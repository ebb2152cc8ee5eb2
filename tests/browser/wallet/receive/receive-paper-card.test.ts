/**
 * Issue 17, the wallet's side: a credential whose issuer offers a paper card (`satchel_card_of`)
 * comes with its card, asked for with the same token and no key proof, verified in the worker and
 * kept in the credential's encrypted record; the card's printed code decodes to the card, which
 * verifies; it is printed again offline with no fetch; a card that does not come never costs the
 * credential; and the wallet says why there is no card.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { decodeCardCode } from '../../../../src/protocols/paper/card-code';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { inBrowserIssuer, STATUS_TTL_S, TX_CODE, type InBrowserIssuer, type InBrowserIssuerOptions } from './in-browser-issuer';

describe('Receiving a credential with its paper card (real vault, crypto worker)', () => {
  let vault: SatchelVault;
  let issuer: InBrowserIssuer;
  let receiver: SatchelReceiver;
  let online: boolean;
  let fetched: string[];

  async function start(options: InBrowserIssuerOptions): Promise<string> {
    vault = testVault(uniqueDbName('paper-card'));
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
    expect(result.status).toBe('stored');
    return result.status === 'stored' ? result.credentialIds[0]! : '';
  }

  beforeEach(() => {
    fetched = [];
  });

  afterEach(async () => {
    receiver?.close();
    await cleanUpVaults();
  });

  it('keeps the card with the credential; its printed code is the card, which verifies, with the claims a checker needs', async () => {
    const id = await start({ card: 'issue' });
    expect(issuer.cardsIssued).toBe(1);
    const stored = await vault.getCredential(id);
    expect(stored!.format).toBe('dc+sd-jwt');
    expect(stored!.paperCard).toMatchObject({ raw: expect.stringMatching(/^[A-Za-z0-9_-]+$/) });
    expect((await receiver.credential(id))!.paperCard).toBe(true);

    const printable = await receiver.paperCard(id);
    expect(printable?.kind).toBe('card');
    if (printable?.kind !== 'card') return;
    expect(printable.code).toMatch(/^SC1:[0-9A-Z $%*+\-./:]+$/);
    // The QR's text decodes (Base45, zlib) back to exactly the card the issuer signed.
    const raw = base64urlEncode(await decodeCardCode(printable.code));
    expect(raw).toBe((stored!.paperCard as { raw: string }).raw);
    expect(printable.card).toMatchObject({ format: 'paper-card', verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
    expect(Object.fromEntries(printable.card.claims.map((c) => [c.path.join('.'), c.value]))).toEqual({ given_name: 'Ada', family_name: 'Jones', birth_date: '1990-05-01', driving_privileges: 'B, C1' });
    expect(printable.card.validUntil).toBeDefined();
    expect(printable.credential.id).toBe(id);
  });

  it('prints again offline from the vault, asking the network for nothing', async () => {
    const id = await start({ card: 'issue' });
    online = false;
    fetched = [];
    const printable = await receiver.paperCard(id);
    expect(printable).toMatchObject({ kind: 'card', card: { verified: true } });
    expect(fetched).toEqual([]);
  });

  it('revoking the credential revokes its card: they share one status entry', async () => {
    const id = await start({ card: 'issue' });
    issuer.setStatus(0, 1);
    issuer.now += (STATUS_TTL_S + 1) * 1000;
    await receiver.refreshStatus({ force: true });
    const printable = await receiver.paperCard(id);
    expect(printable).toMatchObject({ kind: 'card', card: { status: { state: 'revoked' } }, credential: { status: { state: 'revoked' } } });
  });

  it('a card the issuer does not give still leaves the credential stored and working, and says so', async () => {
    const id = await start({ card: 'refuse' });
    const stored = await vault.getCredential(id);
    expect(stored).toMatchObject({ format: 'dc+sd-jwt', paperCard: { missing: 'failed' } });
    expect(await receiver.credential(id)).toMatchObject({ verified: true, paperCard: false });
    expect(await receiver.paperCard(id)).toMatchObject({ kind: 'missing', why: 'failed', credential: { id } });
  });

  it('an issuer that offers no card: the credential says the issuer gave none, and no card is asked for', async () => {
    const id = await start({});
    expect(await vault.getCredential(id)).toMatchObject({ paperCard: { missing: 'not-offered' } });
    expect(fetched.filter((u) => u.endsWith('/credential'))).toHaveLength(1);
    expect(await receiver.paperCard(id)).toMatchObject({ kind: 'missing', why: 'not-offered' });
  });

  it('no such credential: no card view', async () => {
    await start({});
    expect(await receiver.paperCard('nope')).toBeUndefined();
  });
});
