/**
 * The wallet's receive use case (src/wallet/receive/receive.ts) end to end in Node, against the real
 * reference servers on ephemeral ports: read an offer (trust list, metadata), accept with the
 * transaction code, verify, store; and every bad input (docs/issuers.md) — unreadable offer, issuer not
 * on the trust list, wrong code with tries left, expired code, connection dropping halfway, 500
 * and garbage, a credential that fails verification, a type the issuer may not issue, locked
 * vault — each with its ReceiveError code and nothing stored. Offline queueing, deferred
 * issuance, status refresh after revocation, delete.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { words } from '../../../shared/words';
import type { ReferenceServers } from '../../../../src/server/reference/reference-servers';
import { offerLinks } from '../../../../src/server/reference/admin-app';
import type { DepartmentId } from '../../../../src/server/reference/departments';
import { signSdJwtVc } from '../../../../src/server/reference/credential-signer';
import { createReceiver, type SatchelReceiver } from '../../../../src/wallet/receive/receive';
import { ReceiveError, type ReceiveErrorCode } from '../../../../src/wallet/receive/receive-api';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { receiverFor, startReferenceServersInTempDir, stopReferenceServers } from '../../../shared/reference-servers';
import { MemoryVault } from '../memory-vault';

const WALLET = 'http://localhost:5173';

type Interceptor = (url: string, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

describe('Receiver against the reference issuers', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let clock: number;
  let online: boolean;
  let intercept: Interceptor | undefined;
  let vault: MemoryVault;
  let receiver: SatchelReceiver;

  beforeAll(async () => {
    clock = Date.now();
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-receive-', { walletUrl: WALLET, now: () => clock, deferredDelayS: 1 }));
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  beforeEach(() => {
    online = true;
    intercept = undefined;
    vault = new MemoryVault();
    receiver = receiverFor(servers, {
      vault,
      verifier: nobleVerifier,
      now: () => clock,
      online: () => online,
      fetch: async (url, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        const answer = intercept?.(url, init);
        return answer ?? fetch(url, init);
      },
    });
  });

  afterEach(() => receiver.close());

  function offer(department: DepartmentId, options: { deferred?: boolean; person?: string; txCode?: boolean } = {}) {
    const issuer = servers.issuers[department];
    const record = issuer.createOffer({ personId: options.person ?? 'ada', configurationId: issuer.department.credentials[0]!.id, deferred: options.deferred, txCode: options.txCode });
    return { record, issuer, links: offerLinks(issuer, record.id, WALLET) };
  }

  async function rejection(promise: Promise<unknown>, code: ReceiveErrorCode): Promise<ReceiveError> {
    const e = await promise.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ReceiveError);
    expect((e as ReceiveError).code, (e as Error).message).toBe(code);
    return e as ReceiveError;
  }

  /** Nothing of the person's was stored, and no device key was left behind. */
  function expectNothingStored(): void {
    expect(vault.userCredentials()).toEqual([]);
    expect(vault.keys.size).toBe(0);
  }

  it('shows who is offering what, stores the verified licence, and lists it with every claim labelled', async () => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.walletLink);
    expect(summary.issuer.name).toEqual({ en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' });
    expect(summary.credentials).toHaveLength(1);
    expect(summary.credentials[0]!.name).toEqual({ en: 'Driving licence', cy: 'Trwydded yrru' });
    expect(summary.credentials[0]!.claims).toContainEqual({ en: 'Aged 18 or over', cy: '18 oed neu hŷn' });
    expect(summary.txCode).toMatchObject({ inputMode: 'numeric', length: 5 });
    expectNothingStored();

    const result = await receiver.accept(summary.offerId, record.txCode);
    expect(result.status).toBe('stored');
    expect(vault.userCredentials()).toHaveLength(1);
    // One vault record holds it all: what to show, where its status is, what deleting tells the issuer.
    expect(vault.userCredentials()[0]).toMatchObject({
      display: { issuerId: summary.issuer.id, configurationId: summary.credentials[0]!.configurationId, typeName: summary.credentials[0]!.name },
      statusUri: expect.stringMatching(/^https?:\/\//),
      notification: { endpoint: expect.stringMatching(/^https?:\/\//), notificationId: expect.any(String), accessToken: expect.any(String) },
    });
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'dc+sd-jwt', selective: true, verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
    // Names as the screens word them (src/ui/i18n/names.ts).
    expect(words(view!.typeName)).toMatchObject({ en: 'Driving licence', cy: 'Trwydded yrru' });
    expect(view!.issuerName.cy).toBe('Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    expect(view!.claims.find((c) => words(c.label).en === 'Licence number')?.value).toMatch(/^JONES\d{6}$/);
    expect(view!.claims.map((c) => c.path[0])).not.toContain('cnf');
    expect(await receiver.pendingOffers()).toEqual([]);
    expect(vault.activity).toContainEqual(expect.objectContaining({ kind: 'received' }));
    // The issuer heard that the wallet accepted it (§11); the wallet sends that without waiting for it.
    await expect.poll(() => servers.issuers.dvla.issued().find((i) => i.offerId === record.id)?.notification, { timeout: 60_000 }).toBe('credential_accepted');
  });

  it('stores a veteran card (JWT VC) with its subject claims', async () => {
    const { record, links } = offer('veterans');
    const summary = await receiver.readOffer(links.schemeText);
    await receiver.accept(summary.offerId, record.txCode);
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'vc+jwt', selective: false, verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
    expect(view!.claims.find((c) => words(c.label).en === 'Service')?.value).toBe('Royal Navy');
    expect(await receiver.credential(view!.id)).toEqual(view);
  });

  it('opening one credential reads that credential only, not every credential', async () => {
    for (const department of ['dvla', 'veterans'] as const) {
      const { record, links } = offer(department);
      await receiver.accept((await receiver.readOffer(links.schemeText)).offerId, record.txCode);
    }
    const views = await receiver.listCredentials();
    expect(views).toHaveLength(2);
    const list = vi.spyOn(vault, 'listCredentials');
    const get = vi.spyOn(vault, 'getCredential');
    expect(await receiver.credential(views[0]!.id)).toEqual(views[0]);
    expect(await receiver.credential('no-such-credential')).toBeUndefined();
    expect(list).not.toHaveBeenCalled();
    expect(get.mock.calls).toEqual([[views[0]!.id], ['no-such-credential']]);
    list.mockRestore();
    get.mockRestore();
  });

  it.each(['', 'hello', 'https://www.gov.uk/', 'openid-credential-offer://?credential_offer=%7B%22credential_iss'])('unreadable offer %j', async (input) => {
    await rejection(receiver.readOffer(input), 'unreadable-offer');
    expectNothingStored();
  });

  it('a production build (no loopback allowed) refuses an offer from an issuer on this device, contacting nothing', async () => {
    const requests: string[] = [];
    const production = createReceiver({
      vault,
      config: { trustListUrl: servers.trustListUrl, trustListKeys: servers.trustListKeys },
      verifier: nobleVerifier,
      autoResume: false,
      fetch: async (url, init) => {
        requests.push(url);
        return fetch(url, init);
      },
    });
    try {
      const { links } = offer('dvla');
      const e = await rejection(production.readOffer(links.schemeText), 'unreadable-offer');
      expect(e.message).toContain('on this device');
      await rejection(production.readOffer(links.walletLink), 'unreadable-offer');
      expect(requests).toEqual([]);
      expectNothingStored();
    } finally {
      production.close();
    }
  });

  it('an issuer not on the trust list is "not a recognised issuer"', async () => {
    const { links } = offer('dvla');
    const forged = links.schemeText.replace(encodeURIComponent(servers.issuers.dvla.url), encodeURIComponent('https://dvla.evil.example'));
    const e = await rejection(receiver.readOffer(forged), 'untrusted-issuer');
    expect(e.message).toContain('not a recognised issuer');
    expectNothingStored();
  });

  it('a wrong transaction code says how many tries remain; the right one then works', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    const wrong = record.txCode === '00000' ? '11111' : '00000';
    const e = await rejection(receiver.accept(summary.offerId, wrong), 'wrong-tx-code');
    expect(e.details.triesLeft).toBe(2);
    expectNothingStored();
    const e2 = await rejection(receiver.accept(summary.offerId, wrong), 'wrong-tx-code');
    expect(e2.details.triesLeft).toBe(1);
    expect((await receiver.accept(summary.offerId, record.txCode)).status).toBe('stored');
  });

  /** Answers from the token endpoint as a standard issuer would: no tx_code_tries_left (an extension, not in §6.3). */
  const withoutTriesLeft: Interceptor = (url, init) => {
    if (!url.endsWith('/token')) return undefined;
    return fetch(url, init).then(async (response) => {
      const body = (await response.json()) as Record<string, unknown>;
      delete body.tx_code_tries_left;
      return new Response(JSON.stringify(body), { status: response.status, headers: { 'Content-Type': 'application/json' } });
    });
  };

  it('a wrong code at a standard issuer (invalid_grant, no tries left given) keeps the offer; the right code then works', async () => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.schemeText);
    intercept = withoutTriesLeft;
    const wrong = record.txCode === '00000' ? '11111' : '00000';
    const e = await rejection(receiver.accept(summary.offerId, wrong), 'tx-code-refused');
    expect(e.details.triesLeft).toBeUndefined();
    expectNothingStored();
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, state: 'failed', error: 'tx-code-refused', needsTxCode: true })]);
    expect((await receiver.accept(summary.offerId, record.txCode)).status).toBe('stored');
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('tx_code_tries_left: 0 ends the offer: "no tries left", and it is removed', async () => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.schemeText);
    const wrong = record.txCode === '00000' ? '11111' : '00000';
    await rejection(receiver.accept(summary.offerId, wrong), 'wrong-tx-code');
    await rejection(receiver.accept(summary.offerId, wrong), 'wrong-tx-code');
    const last = await rejection(receiver.accept(summary.offerId, wrong), 'no-tries-left');
    expect(last.details.triesLeft).toBe(0);
    expect(await receiver.pendingOffers()).toEqual([]);
    expectNothingStored();
  });

  it('an expired pre-authorised code with a transaction code cannot be told from a wrong code (§6.3): the offer stays until the person removes it', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    clock += 31 * 60 * 1000;
    try {
      await rejection(receiver.accept(summary.offerId, record.txCode), 'tx-code-refused');
    } finally {
      clock -= 31 * 60 * 1000;
    }
    expectNothingStored();
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, error: 'tx-code-refused', needsTxCode: true })]);
    await receiver.decline(summary.offerId);
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an expired pre-authorised code without a transaction code asks for a new offer, and the offer is dropped', async () => {
    const { links } = offer('home-office', { txCode: false });
    const summary = await receiver.readOffer(links.schemeText);
    expect(summary.txCode).toBeUndefined();
    clock += 31 * 60 * 1000;
    try {
      await rejection(receiver.accept(summary.offerId), 'expired-offer');
    } finally {
      clock -= 31 * 60 * 1000;
    }
    expectNothingStored();
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an offer link by reference that was already used says so before the review (the issuer answers 410 Gone); nothing is kept', async () => {
    const { record, links } = offer('dvla');
    const first = await receiver.readOffer(links.walletLink);
    // Read by reference, the issuer has just answered for the offer: the review may say it is open.
    expect(first.issuerConfirmedOffer).toBe(true);
    await receiver.accept(first.offerId, record.txCode);
    await rejection(receiver.readOffer(links.walletLink), 'expired-offer');
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an offer link by reference that has expired says so before the review', async () => {
    const { links } = offer('dvla');
    clock += 31 * 60 * 1000;
    try {
      await rejection(receiver.readOffer(links.walletLink), 'expired-offer');
    } finally {
      clock -= 31 * 60 * 1000;
    }
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an offer by value cannot be checked before it is redeemed: the summary does not claim the issuer confirmed it', async () => {
    const { links } = offer('home-office', { txCode: false });
    const summary = await receiver.readOffer(links.schemeText);
    expect(summary.issuerConfirmedOffer).toBeUndefined();
  });

  it('an offer scanned offline is kept, queued on accept, and completed when the connection returns', async () => {
    // The wallet has seen the trust list and the issuer before (as after an earlier credential).
    await receiver.refreshStatus();
    const first = offer('dvla');
    await receiver.accept((await receiver.readOffer(first.links.schemeText)).offerId, first.record.txCode);
    const { record, links } = offer('dvla', { person: 'sam' });
    online = false;
    const summary = await receiver.readOffer(links.schemeText);
    expect(summary.issuer.name.en).toBe('Driver and Vehicle Licensing Agency');
    expect(summary.credentials[0]!.name.en).toBe('Driving licence');
    expect(await receiver.accept(summary.offerId, record.txCode)).toEqual({ status: 'queued' });
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, state: 'waiting-for-connection' })]);
    expect(vault.userCredentials()).toHaveLength(1);
    // Offline, the stored credential still verifies from the cached trust list and status list.
    expect((await receiver.listCredentials())[0]).toMatchObject({ verified: true, status: { state: 'valid' } });
    online = true;
    await receiver.resumePending();
    expect(await receiver.pendingOffers()).toEqual([]);
    expect((await receiver.listCredentials()).map((v) => v.holderName).sort()).toEqual(['Ada Jones', 'Sam Okafor']);
  });

  it('a wrong code entered offline fails when the queue runs; the offer stays listed for a new code', async () => {
    await receiver.refreshStatus();
    const { record, links } = offer('veterans');
    const summary = await receiver.readOffer(links.schemeText);
    online = false;
    expect(await receiver.accept(summary.offerId, record.txCode === '00000' ? '11111' : '00000')).toEqual({ status: 'queued' });
    online = true;
    await receiver.resumePending();
    const [pending] = await receiver.pendingOffers();
    expect(pending).toMatchObject({ offerId: summary.offerId, state: 'failed', error: 'wrong-tx-code', needsTxCode: true });
    expect(pending!.summary?.issuer.name.en).toBe("Office for Veterans' Affairs");
    expectNothingStored();
    expect((await receiver.accept(summary.offerId, record.txCode)).status).toBe('stored');
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an offer link by reference opened offline is kept and shown for review when back online', async () => {
    await receiver.refreshStatus();
    const { record, links } = offer('veterans');
    online = false;
    await rejection(receiver.readOffer(links.walletLink), 'offline');
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ state: 'waiting-for-connection' })]);
    online = true;
    await receiver.resumePending();
    const [pending] = await receiver.pendingOffers();
    expect(pending!.summary?.credentials[0]!.name.en).toBe('Veteran card');
    expect(pending!.needsTxCode).toBe(true);
    expectNothingStored();
    expect((await receiver.accept(pending!.offerId, record.txCode)).status).toBe('stored');
  });

  it('an offer scanned offline before the phone has any trust list is kept and shown for review once online', async () => {
    const { record, links } = offer('home-office');
    online = false;
    await rejection(receiver.readOffer(links.schemeText), 'offline');
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ state: 'waiting-for-connection', issuerName: { en: new URL(servers.issuers['home-office'].url).host } })]);
    online = true;
    await receiver.resumePending();
    const [pending] = await receiver.pendingOffers();
    expect(pending!.summary?.issuer.name.en).toBe('Home Office');
    expect((await receiver.accept(pending!.offerId, record.txCode)).status).toBe('stored');
  });

  it('the connection dropping after the token: queued with nothing half-stored, then resumed with the same token', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    let drops = 1;
    intercept = (url) => {
      if (url.endsWith('/credential') && drops-- > 0) throw new TypeError('network connection was lost');
      return undefined;
    };
    expect(await receiver.accept(summary.offerId, record.txCode)).toEqual({ status: 'queued' });
    expectNothingStored();
    await receiver.resumePending();
    expect(vault.userCredentials()).toHaveLength(1);
    expect(vault.keys.size).toBe(1);
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it.each<[string, ReceiveErrorCode, Interceptor]>([
    ['500 from the credential endpoint', 'server-error', (url) => (url.endsWith('/credential') ? new Response('oops', { status: 500 }) : undefined)],
    ['garbage metadata', 'server-error', (url) => (url.includes('/.well-known/openid-credential-issuer') ? new Response('{"credential_iss', { headers: { 'Content-Type': 'application/json' } }) : undefined)],
    ['HTML from the token endpoint', 'server-error', (url) => (url.endsWith('/token') ? new Response('<html>', { headers: { 'Content-Type': 'text/html' } }) : undefined)],
  ])('%s → %s, nothing stored', async (_, code, interceptor) => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.schemeText);
    intercept = interceptor;
    await rejection(receiver.accept(summary.offerId, record.txCode), code);
    expectNothingStored();
  });

  it('accepting twice at once runs the flow once and stores one credential', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    const [a, b] = await Promise.all([receiver.accept(summary.offerId, record.txCode), receiver.accept(summary.offerId, record.txCode)]);
    expect(a).toEqual(b);
    expect(a.status).toBe('stored');
    expect(vault.userCredentials()).toHaveLength(1);
  });

  it('a credential whose signature does not verify is refused with reasons, nothing stored', async () => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.schemeText);
    intercept = (url, init) => {
      if (!url.endsWith('/credential')) return undefined;
      return fetch(url, init).then(async (r) => {
        const body = (await r.json()) as { credentials: { credential: string }[] };
        const c = body.credentials[0]!.credential;
        const [jws, ...rest] = c.split('~');
        const parts = jws!.split('.');
        parts[2] = parts[2]!.slice(0, 10) + (parts[2]![10] === 'A' ? 'B' : 'A') + parts[2]!.slice(11);
        body.credentials[0]!.credential = [parts.join('.'), ...rest].join('~');
        return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
      }) as unknown as Response;
    };
    const e = await rejection(receiver.accept(summary.offerId, record.txCode), 'verification-failed');
    expect(e.details.reasons?.join(' ')).toMatch(/signature/i);
    expectNothingStored();
  });

  it('a credential type the issuer may not issue is refused before anything is requested', async () => {
    const { links } = offer('dvla');
    intercept = (url, init) => {
      if (!url.includes('/.well-known/openid-credential-issuer')) return undefined;
      return fetch(url, init).then(async (r) => {
        const text = (await r.text()).replace('credentials/driving-licence', 'credentials/right-to-work');
        return new Response(text, { headers: { 'Content-Type': 'application/json' } });
      }) as unknown as Response;
    };
    await rejection(receiver.readOffer(links.schemeText), 'type-not-allowed');
    expectNothingStored();
  });

  it('a credential of a type its issuer may not issue, signed with the issuer\'s own key, is refused and not stored', async () => {
    const { record, links } = offer('dvla');
    const summary = await receiver.readOffer(links.schemeText);
    const dvla = servers.issuers.dvla;
    intercept = (url, init) => {
      if (url !== `${dvla.url}/credential`) return undefined;
      // The DVLA key vouching for right-to-work status: a genuine signature, a forbidden type.
      const proof = (JSON.parse(String(init!.body)) as { proofs: { jwt: string[] } }).proofs.jwt[0]!;
      const holderJwk = JSON.parse(Buffer.from(proof.split('.')[0]!, 'base64url').toString()).jwk as JsonWebKey;
      const now = new Date(clock);
      return signSdJwtVc(dvla.key, {
        issuer: dvla.url,
        type: servers.issuers['home-office'].department.credentials[0]!.type,
        holderJwk,
        subject: { given_name: 'Ada', right_to_work: 'Unlimited' },
        status: { idx: 0, uri: dvla.statusListUri },
        issuedAt: now,
        expiresAt: new Date(clock + 86400_000),
      }).then((credential) => new Response(JSON.stringify({ credentials: [{ credential }] }), { headers: { 'Content-Type': 'application/json' } }));
    };
    const e = await rejection(receiver.accept(summary.offerId, record.txCode), 'type-not-allowed');
    expect(e.details.reasons?.join(' ')).toContain('not allowed to issue');
    expectNothingStored();
  });

  it('the vault locking mid-way gives "locked"; after unlocking the flow continues where it stopped', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    const dept = servers.issuers['home-office'];
    intercept = (url) => {
      // The vault locks while the credential is on its way.
      if (url === `${dept.url}/credential`) vault.lock();
      return undefined;
    };
    await rejection(receiver.accept(summary.offerId, record.txCode), 'locked');
    expect(vault.userCredentials()).toEqual([]);
    intercept = undefined;
    vault.unlock();
    await receiver.resumePending();
    expect(vault.userCredentials()).toHaveLength(1);
    expect(vault.keys.size).toBe(1); // the first attempt's key was cleaned up
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('locked right after the credential was stored: resuming counts it instead of fetching another', async () => {
    const { record, links } = offer('home-office');
    const summary = await receiver.readOffer(links.schemeText);
    const put = vault.putCredential.bind(vault);
    vault.putCredential = async (c) => {
      await put(c);
      vault.lock();
    };
    await rejection(receiver.accept(summary.offerId, record.txCode), 'locked');
    vault.putCredential = put;
    vault.unlock();
    const issuedBefore = servers.issuers['home-office'].issued().length;
    await receiver.resumePending();
    expect(servers.issuers['home-office'].issued().length).toBe(issuedBefore);
    expect(vault.userCredentials()).toHaveLength(1);
    expect(vault.keys.size).toBe(1);
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('a locked vault gives "locked"', async () => {
    const { links } = offer('dvla');
    vault.lock();
    await rejection(receiver.readOffer(links.schemeText), 'locked');
    vault.unlock();
  });

  it('deferred issuance: accepted as deferred, completed by polling after the interval', async () => {
    const { record, links } = offer('veterans', { deferred: true });
    const summary = await receiver.readOffer(links.schemeText);
    expect(await receiver.accept(summary.offerId, record.txCode)).toEqual({ status: 'deferred' });
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ state: 'deferred' })]);
    expect(vault.userCredentials()).toHaveLength(0);
    clock += 3000;
    await receiver.resumePending();
    expect(await receiver.pendingOffers()).toEqual([]);
    const [card] = await receiver.listCredentials();
    expect(card).toMatchObject({ verified: true });
    expect(words(card!.typeName)).toMatchObject({ en: 'Veteran card' });
  });

  it('revocation and suspension show after a status refresh once the ttl has passed; delete removes the credential', async () => {
    const { record, links, issuer } = offer('dvla');
    await receiver.accept((await receiver.readOffer(links.schemeText)).offerId, record.txCode);
    const [view] = await receiver.listCredentials();
    const idx = issuer.issued().findIndex((i) => i.offerId === record.id);
    issuer.setStatus(idx, 'revoked');
    await receiver.refreshStatus();
    expect((await receiver.listCredentials())[0]!.status.state).toBe('valid'); // within ttl: cached list
    clock += 61_000;
    await receiver.refreshStatus();
    const after = (await receiver.listCredentials())[0]!;
    expect(after.status.state).toBe('revoked');
    expect(after.verified).toBe(true);
    issuer.setStatus(idx, 'suspended');
    await receiver.refreshStatus({ force: true }); // "check now": within the ttl, fetched anyway
    expect((await receiver.credential(view!.id))!.status.state).toBe('suspended');
    const freshness = await receiver.statusFreshness();
    expect(Date.parse(freshness.oldestStatusCheckAt!)).toBe(clock);
    expect(freshness.trustListFetchedAt).toBeDefined();
    await receiver.deleteCredential(view!.id);
    expect(await receiver.listCredentials()).toEqual([]);
    expectNothingStored();
  });
});
