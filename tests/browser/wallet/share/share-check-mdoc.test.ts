/**
 * The driving licence as an ISO mdoc, in person between two Satchels in Chromium: the checker's
 * request QR carries the mDL query as a DeviceRequest; the holder answers with a DeviceResponse
 * whose device signature covers the SatchelQRHandover of the QR it scanned (docs/sharing.md); the
 * checker verifies it offline, signatures in the crypto worker, with the QR it made.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createPresentation } from '../../../../src/credentials/index';
import { encryptJwe } from '../../../../src/lib/jwe';
import { splitIntoFrames } from '../../../../src/protocols/in-person/frames';
import { decodeRequestQr } from '../../../../src/protocols/in-person/request-qr';
import { satchelQrHandover } from '../../../../src/protocols/openid4vp/handover';
import { createChecker, type Checker, type CheckResult } from '../../../../src/wallet/check';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type Sharer } from '../../../../src/wallet/share/share-api';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { TINY_JPEG, type MdocLicence } from '../../support/mdoc-fixture';
import { addMdocLicence, MDL_NAMESPACE, withoutSdJwtLicence } from './mdoc-world';

let world: World;
let licence: MdocLicence;
let sharer: Sharer;
let checker: Checker;

beforeEach(async () => {
  world = await makeWorld();
  licence = await addMdocLicence(world);
  withoutSdJwtLicence(world);
  const now = () => NOW.getTime();
  sharer = createSharer({ vault: world.vault, now });
  // The app's crypto worker: the DVLA IACA's ES384 certificate signature as well as the MSO's and the device signature.
  checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now });
});
afterAll(() => stopCryptoWorker());

async function verifyFrames(requestId: string, frames: string[]): Promise<CheckResult> {
  for (const f of frames) await checker.addFrame(requestId, f);
  return checker.verify(requestId);
}
const failed = (r: CheckResult) => r.reasons.filter((x) => !x.ok).map((x) => x.code);

describe('the mdoc licence in person', () => {
  it('over 18: the mDL answers with age_over_18 alone, verified by the checker with the request QR\'s handover', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.queryIds).toEqual(['over_18_mso_mdoc']);
    expect(read.candidates.map((c) => [c.credentialId, c.requested.map((r) => r.path)])).toEqual([['mdl', [[MDL_NAMESPACE, 'age_over_18']]]]);
    // What is not asked for is listed as not shared (by element), the portrait among them.
    expect(read.candidates[0]!.notShared.map((n) => n.path[1])).toContain('portrait');
    const claims = await sharer.claimsForPurpose('mdl', 'over-18');
    expect(claims).toEqual([[MDL_NAMESPACE, 'age_over_18']]);
    const result = await verifyFrames(request.requestId, (await sharer.respond(read.requestId, 'mdl', claims)).frames);
    expect(failed(result)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass', unrequested: [] });
    expect(result.reasons.map((r) => r.code)).toContain('key-binding');
    expect(result.claims.map((c) => [c.path, c.value])).toEqual([[[MDL_NAMESPACE, 'age_over_18'], true]]);
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', credentialId: 'mdl', counterparty: 'The Red Lion' });
  });

  it('identity: the portrait reaches the checker as the JPEG bytes the issuer signed', async () => {
    const request = await checker.createRequest({ purpose: 'identity', verifierName: 'Bank' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    const result = await verifyFrames(request.requestId, (await sharer.respond(read.requestId, 'mdl', await sharer.claimsForPurpose('mdl', 'identity'))).frames);
    expect(failed(result)).toEqual([]);
    const byName = Object.fromEntries(result.claims.map((c) => [c.path[1], c.value]));
    expect(Object.keys(byName).sort()).toEqual(['birth_date', 'family_name', 'given_name', 'portrait']);
    expect(byName.portrait).toEqual(TINY_JPEG);
    expect(byName.birth_date).toBe('1990-03-25');
  });

  it('an answer signed over another request QR (same nonce, key and client id) fails key-binding: the transcript is the QR', async () => {
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const qr = request.qr.frames[0]!;
    const validated = await decodeRequestQr(qr, NOW);
    const presentation = await createPresentation(licence.raw, {
      disclose: [[MDL_NAMESPACE, 'age_over_18']],
      audience: validated.clientId,
      nonce: validated.nonce,
      holderKey: licence.holder.privateKey,
      now: NOW,
      handover: satchelQrHandover(`${qr}A`),
    });
    const payload = new TextEncoder().encode(JSON.stringify({ vp_token: { over_18_mso_mdoc: [presentation] } }));
    const jwe = await encryptJwe(payload, validated.encryptionKey!, { kid: validated.encryptionKey!.kid, compress: true });
    const result = await verifyFrames(request.requestId, splitIntoFrames('response', jwe));
    expect(result.ok).toBe(false);
    // Everything else holds (issuer, digests, validity): only the device signature fails.
    expect(failed(result)).toEqual(['key-binding:not-holder']);
  });

  it('the mDL and the SD-JWT right to work: one answer in person, both verified in one check', async () => {
    const dcqlQuery = {
      credentials: [
        { id: 'mdl', format: 'mso_mdoc', meta: { doctype_value: 'org.iso.18013.5.1.mDL' }, claims: [{ path: [MDL_NAMESPACE, 'given_name'] }, { path: [MDL_NAMESPACE, 'age_over_18'] }] },
        { id: 'work', format: 'dc+sd-jwt', meta: { vct_values: [CREDENTIAL_TYPES.rightToWork] }, claims: [{ path: ['right_to_work'] }] },
      ],
    };
    const request = await checker.createRequest({ dcqlQuery, verifierName: 'Agency' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.queryIds).toEqual(['mdl', 'work']);
    const answers = read.queryIds.map((queryId) => {
      const c = read.candidates.find((x) => x.queryId === queryId)!;
      return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
    });
    const result = await verifyFrames(request.requestId, (await sharer.respond(read.requestId, answers)).frames);
    expect(result.credentials!.map((c) => [c.queryId, c.ok])).toEqual([['mdl', true], ['work', true]]);
    expect(result.reasons.map((r) => [r.code, r.ok])).toEqual([['request:credentials', true]]);
    expect(result.ok).toBe(true);
    expect(result.claims.map((c) => c.value)).toEqual(['Ava', true, 'Unlimited']);
  });

  it('quick show is SD-JWT only: an mdoc is refused, naming it, and nothing is logged', async () => {
    const error = await sharer.quickShow('mdl', [[MDL_NAMESPACE, 'age_over_18']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareError);
    expect((error as ShareError).code).toBe('quick-show-unavailable');
    expect(world.vault.activity).toEqual([]);
  });
});
