/**
 * The receive use case signing in to the reference DBS (src/server/reference: the DBS issues
 * basic_dbs only after sign-in at the reference authorisation server, which requires PAR, PKCE
 * S256 and DPoP with server nonces): the admin page's offer (authorization_code grant with
 * issuer_state) read, accepted → the sign-in URL → the person logs in (the form post a browser
 * makes: tests/shared/oauth-client.ts) → the redirect to /authorised → completeSignIn stores the
 * certificate of the person who signed in. Wallet-initiated: knownIssuers lists the DBS (and not
 * the pre-authorised departments); requestCredential → the same sign-in.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { offerLinks } from '../../../../src/server/reference/admin-app';
import { DEMO_PASSWORD } from '../../../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../../../src/server/reference/reference-servers';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { AcceptResult } from '../../../../src/wallet/receive/receive-api';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { submitLogin } from '../../../shared/oauth-client';
import { receiverFor, startReferenceServersInTempDir, stopReferenceServers } from '../../../shared/reference-servers';
import { MemoryVault } from '../memory-vault';

const WALLET = 'http://localhost:5173';

describe('Receiver signing in to the reference DBS', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let vault: MemoryVault;
  let receiver: SatchelReceiver;
  let language: string | undefined;

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-receive-sign-in-', { walletUrl: WALLET }));
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  beforeEach(() => {
    language = undefined;
    vault = new MemoryVault();
    receiver = receiverFor(servers, { vault, verifier: nobleVerifier, walletOrigin: WALLET, language: () => language });
  });

  afterEach(() => receiver.close());

  /** What the browser does at the sign-in URL: the person logs in; the answer is the redirect back to the wallet. */
  async function logIn(result: AcceptResult, email: string): Promise<string> {
    if (result.status !== 'sign-in') throw new Error(`expected sign-in, got ${result.status}`);
    const url = new URL(result.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${servers.authorizationServer.url}/authorize`);
    const login = await submitLogin(servers.authorizationServer.url, url.searchParams.get('request_uri')!, email, DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const back = login.headers.get('Location')!;
    expect(back.startsWith(`${WALLET}/authorised?`)).toBe(true);
    return back;
  }

  it('reads a DBS offer that needs a sign-in and stores the certificate of the person who signed in', async () => {
    const offer = servers.issuers.dbs.createOffer({ personId: 'ada', configurationId: 'basic_dbs' });
    const summary = await receiver.readOffer(offerLinks(servers.issuers.dbs, offer.id, WALLET).walletLink);
    expect(summary).toMatchObject({ signIn: true, issuer: { id: servers.issuers.dbs.url }, credentials: [{ configurationId: 'basic_dbs' }] });
    expect(summary.txCode).toBeUndefined();
    const back = await logIn(await receiver.accept(summary.offerId), 'ada.jones@example.com');
    expect(await receiver.completeSignIn(back)).toEqual({ status: 'stored', credentialIds: [expect.any(String)] });
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
    expect(await receiver.pendingOffers()).toEqual([]);
    expect(servers.issuers.dbs.issued().at(-1)).toMatchObject({ offerId: offer.id, personId: 'ada' });
  });

  it('asks for the sign-in page in Welsh when Satchel is in Welsh (ui_locales)', async () => {
    language = 'cy';
    const summary = await receiver.requestCredential(servers.issuers.dbs.url, 'basic_dbs');
    const result = await receiver.accept(summary.offerId);
    if (result.status !== 'sign-in') throw new Error(result.status);
    const page = await (await fetch(result.url)).text();
    expect(page).toMatch(/<html[^>]*lang="cy"/);
  });

  it('lists the DBS among the issuers one signs in to, and asks it for a certificate without an offer', async () => {
    const known = await receiver.knownIssuers();
    expect(known.map((k) => k.issuerId)).toEqual([servers.issuers.dbs.url]);
    // Its paper card (basic_dbs_card) is not something to ask for on its own: it comes with the certificate.
    expect(known[0]!.credentials.map((c) => c.configurationId)).toEqual(['basic_dbs']);
    const summary = await receiver.requestCredential(servers.issuers.dbs.url, 'basic_dbs');
    expect(summary.signIn).toBe(true);
    const back = await logIn(await receiver.accept(summary.offerId), 'sam.okafor@example.com');
    expect(await receiver.completeSignIn(back)).toMatchObject({ status: 'stored' });
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ verified: true, holderName: expect.stringContaining('Okafor') });
  });
});
