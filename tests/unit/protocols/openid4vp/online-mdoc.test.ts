/**
 * The driving licence as an ISO mdoc shared online (OpenID4VP 1.0 B.2), same code as the app: the
 * wallet's Sharer reads the reference verifier's mdoc request, answers by direct_post.jwt with a
 * DeviceResponse whose device signature covers the OpenID4VPHandover (B.2.6.1), and the verifier
 * (src/server/verifier) verifies it. In-process: the verifier's Hono app is the wallet's fetch.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decryptJwe, encryptJwe, jweHeader } from '../../../../src/lib/jwe';
import { nodeSignatureVerifier } from '../../../../src/server/verifier/noble-verifier';
import type { verifierApp } from '../../../../src/server/verifier/verifier-app';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import { makeWorld, NOW, type World } from '../../../browser/support/share-fixtures';
import { addMdocLicence, MDL_NAMESPACE, withoutSdJwtLicence } from '../../../browser/wallet/share/mdoc-world';
import { inProcessVerifier, verifierOver, VERIFIER_URL } from '../../../shared/in-process-verifier';

let world: World;
let verifier: ReturnType<typeof verifierApp>;
let sharer: Sharer;
const inProcess = inProcessVerifier(() => verifier);
const fetchApp = inProcess.fetch;
const start = inProcess.start;

beforeEach(async () => {
  world = await makeWorld();
  await addMdocLicence(world);
  verifier = verifierOver(world, {
    now: () => NOW.getTime(),
    // The reference verifier's own (its default), ES384 included for the DVLA IACA's certificate signature.
    verifier: nodeSignatureVerifier,
  });
  sharer = createSharer({ vault: world.vault, fetch: fetchApp, now: () => NOW.getTime(), remoteUrls: { allowLoopback: true } });
});

describe('the mdoc licence shared online with the reference verifier', () => {
  it('over 18: the mDL answers with age_over_18 alone, verified by the verifier with the OpenID4VPHandover', async () => {
    withoutSdJwtLicence(world);
    const { link, txUrl, txId } = await start('mdl-over-18');
    const request = await sharer.readRequest(link);
    expect(request.candidates.map((c) => [c.credentialId, c.requested.map((r) => r.path)])).toEqual([['mdl', [[MDL_NAMESPACE, 'age_over_18']]]]);
    await sharer.respondOnline(request.requestId, 'mdl', request.candidates[0]!.requested.map((r) => r.path));
    const outcome = verifier.transactions.get(txId)!.outcome!;
    expect(outcome.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.type).toBe('org.iso.18013.5.1.mDL');
    expect(outcome.claims).toEqual({ age_over_18: true });
    const page = await (await fetchApp(txUrl)).text();
    expect(page).toContain('The credential verified.');
    expect(page).not.toContain('Jones');
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', credentialId: 'mdl', counterparty: 'Acme Café jobs' });
  });

  it('the mDL and the SD-JWT right to work: one answer holding both, each verified, the answer complete', async () => {
    const { link, txId } = await start('mdl-and-right-to-work');
    const request = await sharer.readRequest(link);
    expect(request.queryIds).toEqual(['mdl', 'right_to_work']);
    const answers = request.queryIds.map((queryId) => {
      const c = request.candidates.find((x) => x.queryId === queryId)!;
      return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
    });
    expect(answers.map((a) => a.credentialId)).toEqual(['mdl', 'rtw']);
    await sharer.respondOnline(request.requestId, answers);
    // One POST, one vp_token with a presentation per credential query (§8.1).
    const tx = verifier.transactions.get(txId)!;
    const body = new URLSearchParams(inProcess.lastResponseBody!);
    const vpToken = JSON.parse(new TextDecoder().decode(await decryptJwe(body.get('response')!, tx.privateKey))).vp_token as Record<string, string[]>;
    expect(Object.keys(vpToken)).toEqual(['mdl', 'right_to_work']);
    expect(vpToken.right_to_work![0]).toContain('~');
    expect(vpToken.mdl![0]).not.toContain('~');
    const outcome = tx.outcome!;
    expect(outcome.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(outcome.reasons.find((r) => r.name === 'credentials')).toMatchObject({ ok: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.claims).toEqual({ given_name: 'Ava', family_name: 'Jones', age_over_18: true, right_to_work: 'Unlimited', work_restrictions: 'None' });
  });

  it('a DeviceResponse made for one transaction fails the device signature at another (replay): its transcript names the other nonce and key', async () => {
    withoutSdJwtLicence(world);
    const first = await start('mdl-over-18');
    const request = await sharer.readRequest(first.link);
    await sharer.respondOnline(request.requestId, 'mdl', request.candidates[0]!.requested.map((r) => r.path));
    const plaintext = await decryptJwe(new URLSearchParams(inProcess.lastResponseBody!).get('response')!, verifier.transactions.get(first.txId)!.privateKey);
    // An attacker who saw the plaintext re-encrypts it to a second transaction's key.
    const second = await start('mdl-over-18');
    const tx2 = verifier.transactions.get(second.txId)!;
    const replayed = await encryptJwe(plaintext, tx2.publicJwk, { kid: tx2.id });
    expect(jweHeader(replayed).kid).toBe(tx2.id);
    await fetchApp(`${VERIFIER_URL}/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `response=${replayed}` });
    const outcome = tx2.outcome!;
    expect(outcome.ok).toBe(false);
    expect(outcome.reasons.find((r) => r.name === 'key-binding')).toMatchObject({ ok: false });
  });
});
