/**
 * Sharing with the real IndexedDB vault: the device key created at receipt signs the KB-JWT as a
 * non-extractable WebCrypto key, the share lands in the encrypted activity log, and a kept check
 * record is stored encrypted and readable only while unlocked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createActivityLog } from '../../../../src/wallet/activity/activity';
import { CHECK_RECORD_KIND, createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { createSharer } from '../../../../src/wallet/share/share';
import { issueSdJwtVc } from '../../../shared/credentials/helpers';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { DVLA, makeWorld, NOW } from '../../support/share-fixtures';

afterEach(async () => {
  await cleanUpVaults();
  stopCryptoWorker();
});

describe('with the IndexedDB vault', () => {
  it('over 18 end to end; the device key never leaves WebCrypto; the log and the kept record are encrypted', async () => {
    const world = await makeWorld();
    const name = uniqueDbName('share');
    const vault = testVault(name);
    await vault.setUp(PIN);
    const holderJwk = await vault.createDeviceKey('licence');
    const { raw } = issueSdJwtVc({ key: world.dvla, plain: { iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence }, sd: { age_over_18: true, birth_date: '1990-12-10' }, holderJwk });
    await vault.putCredential({ id: 'licence', raw, format: 'dc+sd-jwt', issuerName: 'DVLA', type: CREDENTIAL_TYPES.drivingLicence, receivedAt: NOW.toISOString() });

    const key = await vault.deviceSigningKey('licence');
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);

    const now = () => NOW.getTime();
    const sharer = createSharer({ vault, now });
    const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault, now });
    const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'The Red Lion' });
    const read = await sharer.readRequest(request.qr.frames[0]!);
    const frames = await sharer.respond(read.requestId, 'licence', [['age_over_18']]);
    for (const f of frames.frames) await checker.addFrame(request.requestId, f);
    const result = await checker.verify(request.requestId);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result.claims.map((c) => c.path[0])).toEqual(['age_over_18']);

    await checker.keepRecord(request.requestId);
    const kept = await vault.listRecords<{ result: { ok: boolean } }>(CHECK_RECORD_KIND);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.value.result.ok).toBe(true);

    const log = await createActivityLog(vault).list();
    // Over 18 shares no name: the kept check has no "With"; the checker's own name is its checkedBy.
    expect(log.map((e) => [e.kind, e.counterparty, e.check?.checkedBy, e.check?.verdict])).toEqual(expect.arrayContaining([['shared', 'The Red Lion', undefined, undefined], ['checked', undefined, 'The Red Lion', 'pass']]));

    vault.lock();
    await expect(createActivityLog(vault).list()).rejects.toMatchObject({ code: 'locked' });
    await expect(sharer.readRequest((await checker.createRequest({ purpose: 'over-18', verifierName: 'x' })).qr.frames[0]!)).rejects.toMatchObject({ code: 'locked' });
  });
});
