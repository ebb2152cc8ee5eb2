/**
 * Interop evidence for receiving: Satchel's Receiver (src/wallet/receive/receive.ts, over its own
 * OpenID4VCI client) against a standard issuer and authorisation server we did not write —
 * oid4vc-ts 0.4.6's Openid4vciIssuer and Oauth2AuthorizationServer, credentials signed by
 * @sd-jwt/sd-jwt-vc (openid4vci-harness.ts). Offer by value and by reference, the transaction
 * code right and wrong (the library's plain §6.3 invalid_grant, no tx_code_tries_left), a fresh
 * c_nonce from the nonce endpoint (§7), and the 1.0 credential response `credentials: [{ credential }]` (§8.3).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../shared/words';
import { createReceiver, type SatchelReceiver } from '../../../src/wallet/receive/receive';
import { ReceiveError, type ReceiveErrorCode } from '../../../src/wallet/receive/receive-api';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { MemoryVault } from '../wallet/memory-vault';
import { AS, CONFIGURATION_ID, createInteropIssuer, ISSUER, ISSUER_NAME, VCT, type InteropIssuer } from './openid4vci-harness';

const TX_CODE = '493817';
const WRONG = '111111';

describe('receiving from oid4vc-ts (a standard OpenID4VCI 1.0 issuer and authorisation server)', () => {
  let issuer: InteropIssuer;
  let vault: MemoryVault;
  let receiver: SatchelReceiver;

  beforeEach(async () => {
    issuer = await createInteropIssuer();
    vault = new MemoryVault();
    // https origins answered in-process: the production remote-URL policy, unchanged.
    receiver = createReceiver({ vault, config: issuer.config, verifier: nobleVerifier, fetch: issuer.fetch, now: () => issuer.now, online: () => true, autoResume: false, timeoutMs: 60_000 });
  });

  afterEach(() => receiver.close());

  async function rejection(promise: Promise<unknown>, code: ReceiveErrorCode): Promise<ReceiveError> {
    const e = await promise.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ReceiveError);
    expect((e as ReceiveError).code, (e as Error).message).toBe(code);
    return e as ReceiveError;
  }

  const calls = (method: string, url: string) => issuer.exchanges.filter((x) => x.method === method && x.url === url);

  async function expectStored(): Promise<void> {
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'dc+sd-jwt', verified: true, issuerName: ISSUER_NAME });
    // Names as the screens word them (src/ui/i18n/names.ts).
    expect(words(view!.typeName)).toMatchObject({ en: 'Residence permit', cy: 'Trwydded breswylio' });
    expect(view!.claims.map((c) => ({ ...c, label: words(c.label) }))).toEqual(expect.arrayContaining([{ path: ['given_name'], label: { en: 'Given name', cy: 'Enw cyntaf' }, value: 'Ada' }]));
    expect(vault.userCredentials()).toHaveLength(1);
  }

  it('an offer by value with a transaction code: reviewed, redeemed, verified and stored', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE });
    expect(text).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
    const summary = await receiver.readOffer(text);
    expect(summary.issuer).toEqual({ id: ISSUER, name: ISSUER_NAME });
    expect(summary.credentials).toEqual([expect.objectContaining({ configurationId: CONFIGURATION_ID, name: { en: 'Residence permit', cy: 'Trwydded breswylio' } })]);
    expect(summary.txCode).toMatchObject({ inputMode: 'numeric', length: 6 });

    expect(await receiver.accept(summary.offerId, TX_CODE)).toEqual({ status: 'stored', credentialIds: [expect.any(String)] });
    await expectStored();
    // The token request went to the AS the issuer metadata names (§12.2.4 authorization_servers), form-encoded with the code.
    const [tokenCall] = calls('POST', `${AS}/token`);
    expect(Object.fromEntries(new URLSearchParams(tokenCall!.requestBody))).toMatchObject({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', tx_code: TX_CODE });
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an offer by reference (credential_offer_uri) is fetched and works the same', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE, byReference: true });
    expect(text).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    const summary = await receiver.readOffer(text);
    expect(calls('GET', decodeURIComponent(text.split('credential_offer_uri=')[1]!))).toHaveLength(1);
    expect((await receiver.accept(summary.offerId, TX_CODE)).status).toBe('stored');
    await expectStored();
  });

  it('an offer without a transaction code', async () => {
    const { text } = await issuer.createOffer();
    const summary = await receiver.readOffer(text);
    expect(summary.txCode).toBeUndefined();
    expect((await receiver.accept(summary.offerId)).status).toBe('stored');
    expect(new URLSearchParams(calls('POST', `${AS}/token`)[0]!.requestBody).has('tx_code')).toBe(false);
  });

  it('a wrong transaction code (invalid_grant, no tx_code_tries_left): the offer is kept, and the right code then works', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE });
    const summary = await receiver.readOffer(text);
    const e = await rejection(receiver.accept(summary.offerId, WRONG), 'tx-code-refused');
    expect(e.details.triesLeft).toBeUndefined();
    // What the library answered: the standard error, nothing more.
    const [refused] = calls('POST', `${AS}/token`);
    expect(refused!.status).toBe(400);
    const body = JSON.parse(refused!.responseBody) as Record<string, unknown>;
    expect(body.error).toBe('invalid_grant');
    expect(body).not.toHaveProperty('tx_code_tries_left');
    expect(vault.userCredentials()).toEqual([]);
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, error: 'tx-code-refused', needsTxCode: true })]);

    expect((await receiver.accept(summary.offerId, TX_CODE)).status).toBe('stored');
    await expectStored();
    expect(await receiver.pendingOffers()).toEqual([]);
  });

  it('an expired pre-authorised code is the same invalid_grant: Satchel keeps the offer and says the code or the offer may be wrong', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE, expiresInS: 60 });
    const summary = await receiver.readOffer(text);
    issuer.now += 120_000;
    await rejection(receiver.accept(summary.offerId, TX_CODE), 'tx-code-refused');
    expect(JSON.parse(calls('POST', `${AS}/token`)[0]!.responseBody)).toMatchObject({ error: 'invalid_grant' });
    await receiver.decline(summary.offerId);
    expect(await receiver.pendingOffers()).toEqual([]);
    expect(vault.userCredentials()).toEqual([]);
  });

  it('the key proof carries a fresh c_nonce from the nonce endpoint, and the credential is bound to the new device key', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE });
    const summary = await receiver.readOffer(text);
    const result = await receiver.accept(summary.offerId, TX_CODE);
    expect(issuer.noncesIssued).toHaveLength(1);
    const [credentialCall] = calls('POST', `${ISSUER}/credential`);
    const request = JSON.parse(credentialCall!.requestBody) as { credential_configuration_id: string; proofs: { jwt: string[] } };
    expect(request.credential_configuration_id).toBe(CONFIGURATION_ID);
    const proofPayload = JSON.parse(Buffer.from(request.proofs.jwt[0]!.split('.')[1]!, 'base64url').toString()) as { nonce: string; aud: string };
    expect(proofPayload).toMatchObject({ nonce: issuer.noncesIssued[0], aud: ISSUER });
    // The nonce call came after the token and before the credential request.
    const order = issuer.exchanges.map((x) => x.url);
    expect(order.indexOf(`${ISSUER}/nonce`)).toBeGreaterThan(order.indexOf(`${AS}/token`));
    expect(order.indexOf(`${ISSUER}/nonce`)).toBeLessThan(order.indexOf(`${ISSUER}/credential`));
    // The issued credential's cnf is the device key the vault made for it.
    const id = result.status === 'stored' ? result.credentialIds[0]! : '';
    const payload = JSON.parse(Buffer.from(issuer.issued[0]!.split('~')[0]!.split('.')[1]!, 'base64url').toString()) as { cnf: { jwk: JsonWebKey }; vct: string };
    expect(payload.vct).toBe(VCT);
    expect(payload.cnf.jwk).toMatchObject({ x: (await vault.deviceKeyPublicJwk(id))!.x });
  });

  it('the credential response has the 1.0 shape credentials: [{ credential }]', async () => {
    const { text } = await issuer.createOffer({ txCode: TX_CODE });
    const summary = await receiver.readOffer(text);
    await receiver.accept(summary.offerId, TX_CODE);
    const [credentialCall] = calls('POST', `${ISSUER}/credential`);
    const body = JSON.parse(credentialCall!.responseBody) as Record<string, unknown>;
    expect(body.credentials).toEqual([{ credential: issuer.issued[0] }]);
    expect(body).not.toHaveProperty('credential');
    expect(vault.userCredentials()[0]!.raw).toBe(issuer.issued[0]);
  });
});
