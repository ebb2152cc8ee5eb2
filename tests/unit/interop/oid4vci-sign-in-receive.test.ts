/**
 * Interop evidence for the receive use case when an issuer needs the person to sign in
 * (OpenID4VCI 1.0 §3.4, HAIP 1.0): Satchel's Receiver (src/wallet/receive: accept → the sign-in
 * URL → completeSignIn with the redirect) against oid4vc-ts 0.4.6 as issuer and authorization
 * server requiring PAR, PKCE S256 and DPoP with DPoP nonces (tests/shared/owf-issuer.ts). The
 * browser's part — the person signing in and the redirect back to `/authorised` — is played by
 * the harness's `signIn(url)`.
 *
 * Covered: an offer with only the authorization_code grant, stored and verified after sign-in; the
 * app closed while the person signs in (a new Receiver over the same vault finishes); offline on
 * the way back (queued, finished when the connection returns); the connection dropping after the
 * DPoP-bound token (finished with the same token and key) and Satchel closed at that point (the
 * in-memory DPoP key is gone: sign-in-expired, then a new sign-in); a DPoP proof lost on the way
 * to the token endpoint (the library's invalid_dpop_proof, named); the person refusing; the same
 * redirect twice; a code that expired before the wallet used it; wallet-initiated issuance from
 * the trust list's issuers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeJwt, HashAlgorithm } from '@openid4vc/oauth2';
import { createHash } from 'node:crypto';
import { createReceiver, type SatchelReceiver } from '../../../src/wallet/receive/receive';
import { ReceiveError, type ReceiveErrorCode } from '../../../src/wallet/receive/receive-api';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { words } from '../../shared/words';
import { createOwfIssuer, OWF_AS, OWF_CONFIGURATION_ID, OWF_ISSUER, OWF_ISSUER_NAME, OWF_SUBJECT, type OwfIssuer } from '../../shared/owf-issuer';
import { MemoryVault } from '../wallet/memory-vault';

const payloadOf = (jwt: string) => decodeJwt({ jwt }).payload as Record<string, unknown>;
const headerOf = (jwt: string) => decodeJwt({ jwt }).header as { jwk: JsonWebKey };
const thumbprintOf = (jwk: JsonWebKey) =>
  calculateJwkThumbprint({ jwk: jwk as never, hashAlgorithm: HashAlgorithm.Sha256, hashCallback: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()) });

const WALLET_ORIGIN = 'https://wallet.example';

for (const asking of ['scope', 'authorization_details'] as const) {
  describe(`receiving after signing in to oid4vc-ts (asking by ${asking})`, () => {
    let server: OwfIssuer;
    let vault: MemoryVault;
    let online: boolean;
    /** URLs whose next request is lost (the connection drops): fetch rejects as a browser's does. */
    let dropNext: Set<string>;
    /** URLs whose next request loses its DPoP header on the way (a broken proxy). */
    let stripDpopNext: Set<string>;
    const receivers: SatchelReceiver[] = [];

    /** A Receiver as the app makes one; a second one over the same vault is the app opened again. */
    const receiverOver = (v: MemoryVault): SatchelReceiver => {
      const receiver = createReceiver({
        vault: v,
        config: server.config,
        verifier: nobleVerifier,
        fetch: (url, init) => {
          if (dropNext.delete(url)) return Promise.reject(new TypeError('Failed to fetch'));
          if (!stripDpopNext.delete(url)) return server.fetch(url, init);
          const headers = new Headers(init?.headers);
          headers.delete('DPoP');
          return server.fetch(url, { ...init, headers });
        },
        now: () => server.now,
        online: () => online,
        autoResume: false,
        timeoutMs: 60_000,
        walletOrigin: WALLET_ORIGIN,
      });
      receivers.push(receiver);
      return receiver;
    };

    beforeEach(async () => {
      server = await createOwfIssuer(asking === 'scope' ? { scope: 'basic_disclosure' } : {});
      vault = new MemoryVault();
      online = true;
      dropNext = new Set();
      stripDpopNext = new Set();
    });

    afterEach(() => {
      for (const r of receivers.splice(0)) r.close();
    });

    async function rejection(promise: Promise<unknown>, code: ReceiveErrorCode): Promise<ReceiveError> {
      const e = await promise.then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(ReceiveError);
      expect((e as ReceiveError).code, (e as Error).message).toBe(code);
      return e as ReceiveError;
    }

    /** Offer → review → accept: the URL the browser is sent to. */
    async function acceptOffer(receiver: SatchelReceiver): Promise<{ offerId: string; url: string }> {
      const { text } = await server.createOffer();
      const summary = await receiver.readOffer(text);
      expect(summary.signIn).toBe(true);
      expect(summary.txCode).toBeUndefined();
      const result = await receiver.accept(summary.offerId);
      if (result.status !== 'sign-in') throw new Error(`expected a sign-in, got ${result.status}`);
      return { offerId: summary.offerId, url: result.url };
    }

    async function expectStored(receiver: SatchelReceiver): Promise<void> {
      const [view] = await receiver.listCredentials();
      expect(view).toMatchObject({ format: 'dc+sd-jwt', verified: true, issuerName: OWF_ISSUER_NAME });
      expect(words(view!.typeName)).toMatchObject({ en: 'Basic disclosure', cy: 'Datgeliad sylfaenol' });
      expect(view!.claims.map((c) => ({ path: c.path, value: c.value }))).toEqual(expect.arrayContaining([{ path: ['given_name'], value: OWF_SUBJECT.given_name }]));
      expect(vault.userCredentials()).toHaveLength(1);
      expect(await receiver.pendingOffers()).toEqual([]);
    }

    it('an offer with only the authorization_code grant: sign-in URL from PAR, then the redirect stores a verified credential', async () => {
      const receiver = receiverOver(vault);
      const { offerId, url } = await acceptOffer(receiver);
      expect(url).toMatch(new RegExp(`^${OWF_AS}/authorize\\?client_id=${encodeURIComponent(WALLET_ORIGIN)}&request_uri=`));
      expect(server.pushed[0]).toMatchObject({ clientId: WALLET_ORIGIN, redirectUri: `${WALLET_ORIGIN}/authorised` });
      expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'awaiting-sign-in' })]);
      expect(vault.userCredentials()).toEqual([]);

      const redirect = await server.signIn(url);
      expect(await receiver.completeSignIn(redirect)).toEqual({ status: 'stored', credentialIds: [expect.any(String)] });
      await expectStored(receiver);
      expect(server.issued).toHaveLength(1);
    });

    it('the app is closed while the person signs in: the app opened again at /authorised finishes', async () => {
      const first = receiverOver(vault);
      const { url } = await acceptOffer(first);
      first.close();
      const redirect = await server.signIn(url);
      const reopened = receiverOver(vault);
      expect((await reopened.completeSignIn(redirect)).status).toBe('stored');
      await expectStored(reopened);
    });

    it('offline on the way back: queued with the code kept, finished when the connection returns', async () => {
      const receiver = receiverOver(vault);
      const { offerId, url } = await acceptOffer(receiver);
      const redirect = await server.signIn(url);
      online = false;
      expect(await receiver.completeSignIn(redirect)).toEqual({ status: 'queued' });
      expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'waiting-for-connection' })]);
      expect(server.exchanges.filter((x) => x.url === `${OWF_AS}/token`)).toEqual([]);
      online = true;
      await receiver.resumePending();
      await expectStored(receiver);
    });

    it('the connection drops after the DPoP-bound token: queued, then finished with the same token and DPoP key (no second sign-in)', async () => {
      const receiver = receiverOver(vault);
      const { url } = await acceptOffer(receiver);
      dropNext.add(`${OWF_ISSUER}/credential`);
      expect(await receiver.completeSignIn(await server.signIn(url))).toEqual({ status: 'queued' });
      await receiver.resumePending();
      await expectStored(receiver);
      // One token (after the AS's use_dpop_nonce), and every credential request proved the key it is bound to.
      const tokens = server.exchanges.filter((x) => x.url === `${OWF_AS}/token`);
      expect(tokens.map((x) => x.status)).toEqual([400, 200]);
      const { access_token: accessToken } = JSON.parse(tokens[1]!.responseBody) as { access_token: string };
      const jkt = (payloadOf(accessToken).cnf as { jkt: string }).jkt;
      const credentialCalls = server.exchanges.filter((x) => x.url === `${OWF_ISSUER}/credential`);
      expect(credentialCalls.map((x) => x.status)).toEqual([401, 200]);
      for (const call of credentialCalls) {
        expect(call.requestHeaders.authorization).toBe(`DPoP ${accessToken}`);
        expect(await thumbprintOf(headerOf(call.requestHeaders.dpop!).jwk)).toBe(jkt);
      }
    });

    it('Satchel closed after the token, before the credential: the DPoP key is gone, so the reopened app says sign-in-expired and signing in again works', async () => {
      const first = receiverOver(vault);
      const { offerId, url } = await acceptOffer(first);
      dropNext.add(`${OWF_ISSUER}/credential`);
      expect(await first.completeSignIn(await server.signIn(url))).toEqual({ status: 'queued' });
      first.close();
      const reopened = receiverOver(vault);
      await reopened.resumePending();
      expect(await reopened.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'sign-in-expired' })]);
      const again = await reopened.accept(offerId);
      if (again.status !== 'sign-in') throw new Error(`expected a sign-in, got ${again.status}`);
      expect((await reopened.completeSignIn(await server.signIn(again.url))).status).toBe('stored');
      await expectStored(reopened);
    });

    it('a DPoP proof lost on the way to the token endpoint: the issuer\'s invalid_dpop_proof is named, nothing stored, the offer kept; the code it spent is then sign-in-expired and a new sign-in works', async () => {
      const receiver = receiverOver(vault);
      const { offerId, url } = await acceptOffer(receiver);
      stripDpopNext.add(`${OWF_AS}/token`);
      const e = await rejection(receiver.completeSignIn(await server.signIn(url)), 'server-error');
      expect(e.message).toMatch(/invalid_dpop_proof \(Missing required DPoP proof\)/);
      expect(vault.userCredentials()).toEqual([]);
      expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'server-error' })]);
      // This AS spends a code on any token request (RFC 6749 leaves it open), so the kept code is refused.
      await rejection(receiver.accept(offerId), 'sign-in-expired');
      const again = await receiver.accept(offerId);
      if (again.status !== 'sign-in') throw new Error(`expected a sign-in, got ${again.status}`);
      expect((await receiver.completeSignIn(await server.signIn(again.url))).status).toBe('stored');
      await expectStored(receiver);
    });

    it('the person refuses to sign in: sign-in-refused, the offer kept, and signing in again works', async () => {
      const receiver = receiverOver(vault);
      const { offerId, url } = await acceptOffer(receiver);
      await rejection(receiver.completeSignIn(await server.signIn(url, { deny: true })), 'sign-in-refused');
      expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId, error: 'sign-in-refused' })]);
      const again = await receiver.accept(offerId);
      if (again.status !== 'sign-in') throw new Error(`expected a sign-in, got ${again.status}`);
      expect((await receiver.completeSignIn(await server.signIn(again.url))).status).toBe('stored');
      await expectStored(receiver);
    });

    it('the same redirect twice: the second is sign-in-expired and nothing more is stored', async () => {
      const receiver = receiverOver(vault);
      const { url } = await acceptOffer(receiver);
      const redirect = await server.signIn(url);
      expect((await receiver.completeSignIn(redirect)).status).toBe('stored');
      await rejection(receiver.completeSignIn(redirect), 'sign-in-expired');
      expect(vault.userCredentials()).toHaveLength(1);
    });

    it('a code that expired before the wallet used it (invalid_grant): sign-in-expired, and signing in again works', async () => {
      const receiver = receiverOver(vault);
      const { offerId, url } = await acceptOffer(receiver);
      const redirect = await server.signIn(url);
      server.now += 120_000;
      await rejection(receiver.completeSignIn(redirect), 'sign-in-expired');
      expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'sign-in-expired' })]);
      const again = await receiver.accept(offerId);
      if (again.status !== 'sign-in') throw new Error(`expected a sign-in, got ${again.status}`);
      expect((await receiver.completeSignIn(await server.signIn(again.url))).status).toBe('stored');
      await expectStored(receiver);
    });

    it('wallet-initiated: the trust list issuer is known, the person asks for its credential and signs in', async () => {
      const receiver = receiverOver(vault);
      const known = await receiver.knownIssuers();
      expect(known).toEqual([expect.objectContaining({ issuerId: OWF_ISSUER, name: OWF_ISSUER_NAME, credentials: [expect.objectContaining({ configurationId: OWF_CONFIGURATION_ID })] })]);
      const summary = await receiver.requestCredential(OWF_ISSUER, OWF_CONFIGURATION_ID);
      expect(summary.signIn).toBe(true);
      const result = await receiver.accept(summary.offerId);
      if (result.status !== 'sign-in') throw new Error(`expected a sign-in, got ${result.status}`);
      // No offer, so no issuer_state (§5.1.3).
      expect(server.pushed[0]!.parameters).not.toHaveProperty('issuer_state');
      expect((await receiver.completeSignIn(await server.signIn(result.url))).status).toBe('stored');
      await expectStored(receiver);
    });
  });
}
