/**
 * Issue 15: where the browser has no Web Bluetooth, the checker falls back to the Satchel check
 * (request QR → answer frames), which checks a Satchel-held mdoc licence for the new 'driving'
 * purpose offline: the mDL answers with exactly the purpose's five elements (ISO/IEC 18013-5
 * §7.2.1), its device signature over the request QR's handover, verified in the crypto worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createChecker } from '../../../../src/wallet/check';
import { createSharer } from '../../../../src/wallet/share/share';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { makeWorld, NOW } from '../../support/share-fixtures';
import { TINY_JPEG } from '../../support/mdoc-fixture';
import { addMdocLicence, MDL_NAMESPACE, withoutSdJwtLicence } from '../share/mdoc-world';

afterAll(() => stopCryptoWorker());

describe("the 'driving' purpose through the Satchel QR check", () => {
  it('a Satchel holding the mDL answers with name, portrait, categories and expiry; the checker passes it offline', async () => {
    const world = await makeWorld();
    await addMdocLicence(world);
    withoutSdJwtLicence(world);
    const now = () => NOW.getTime();
    const sharer = createSharer({ vault: world.vault, now });
    const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), now });
    const request = await checker.createRequest({ purpose: 'driving', verifierName: 'Car hire' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    expect(read.purpose).toBe('driving');
    expect(read.queryIds).toEqual(['driving_mso_mdoc']);
    const claims = await sharer.claimsForPurpose('mdl', 'driving');
    expect(claims.map((p) => p[1])).toEqual(['given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date']);
    for (const frame of (await sharer.respond(read.requestId, 'mdl', claims)).frames) await checker.addFrame(request.requestId, frame);
    const result = await checker.verify(request.requestId);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass', unrequested: [] });
    const byName = Object.fromEntries(result.claims.map((c) => [c.path[1], c.value]));
    expect(Object.keys(byName).sort()).toEqual(['driving_privileges', 'expiry_date', 'family_name', 'given_name', 'portrait']);
    expect(byName.portrait).toEqual(TINY_JPEG);
    expect(result.claims.every((c) => c.path[0] === MDL_NAMESPACE)).toBe(true);
  });
});
