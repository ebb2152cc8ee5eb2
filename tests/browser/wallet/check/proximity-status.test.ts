/**
 * Issue 15: revocation in an ISO/IEC 18013-5 reader check. The licence is issued by the reference
 * DVLA's mdoc issuer (src/server/reference/mdoc-issuer.ts) with its Token Status List reference in
 * the MSO (draft-ietf-oauth-status-list §6.3), held and presented by the independent test holder
 * (@owf/mdoc + WebCrypto), and read over the fake transport: with the cached list saying revoked
 * the verdict is a fail with status:revoked; saying valid, a pass; with no list cached, neither
 * (status-unknown).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { trustListFromIssuers } from '../../../../src/credentials/index';
import { fullDate, issueMdoc } from '../../../../src/server/reference/mdoc-issuer';
import { createChecker } from '../../../../src/wallet/check/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { makeMdocPki } from '../../../shared/credentials/mdoc-pki';
import { es256Key, statusListToken } from '../../../shared/credentials/helpers';
import { createIsoHolder } from '../../../shared/iso-holder/iso-holder';
import { MDOC_DVLA, MDOC_DVLA_NAME, TINY_JPEG } from '../../support/mdoc-fixture';
import { FakeHolderTransport } from './proximity-transport-fake';

afterAll(() => stopCryptoWorker());

const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';
const STATUS_URI = 'https://dvla.example.gov.uk/status/1';
const INDEX = 3;

async function checkWithStatus(statuses: number[] | undefined) {
  const now = new Date();
  const pki = await makeMdocPki({ iacaName: 'C=GB, CN=Test DVLA IACA', documentSignerName: 'C=GB, CN=Test DVLA DS', notBefore: new Date(now.getTime() - 86400_000), notAfter: new Date(now.getTime() + 365 * 86400_000) });
  const device = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', device.publicKey);
  const issuerSigned = await issueMdoc({
    docType: MDL,
    nameSpaces: { [NS]: { given_name: 'Ava', family_name: 'Jones', portrait: TINY_JPEG, driving_privileges: [{ vehicle_category_code: 'B', issue_date: fullDate('2020-01-01'), expiry_date: fullDate('2030-01-01') }], expiry_date: fullDate('2030-01-01') } },
    deviceJwk: { kty, crv, x, y },
    signed: now,
    validFrom: now,
    validUntil: new Date(now.getTime() + 30 * 86400_000),
    status: { idx: INDEX, uri: STATUS_URI },
    x5chain: [pki.documentSignerDer],
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pki.documentSignerKeys.privateKey, data as BufferSource)),
  });
  // The status list is signed by the DVLA's key on the trust list, as the reference DVLA does.
  const dvla = es256Key('dvla-1');
  const trustList = trustListFromIssuers([{ id: MDOC_DVLA, name: MDOC_DVLA_NAME, keys: [dvla.jwk], types: [MDL], iaca: [{ certificate: pki.iacaDer, doctypes: [MDL] }] }]);
  const lists: Record<string, string> = statuses ? { [STATUS_URI]: statusListToken({ key: dvla, uri: STATUS_URI, statuses, iat: Math.floor(now.getTime() / 1000) - 60 }) } : {};
  const holder = await createIsoHolder({ issuerSigned, deviceKey: device.privateKey });
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustList, lists), proximityTransport: () => new FakeHolderTransport((m) => holder.onMessage(m)) });
  const check = await checker.readEngagement({ qr: holder.qrText, purpose: 'driving', verifierName: 'Door' });
  return checker.checkInPerson(check.requestId);
}

describe('revocation in a proximity check, from the cached status list', () => {
  it('revoked: a fail with status:revoked, every other check passed', async () => {
    const result = await checkWithStatus([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(result.verdict).toBe('fail');
    expect(result.reasons.filter((r) => !r.ok)).toEqual([{ code: 'status:revoked', ok: false }]);
    expect(result.status?.state).toBe('revoked');
  });

  it('valid: a pass, with when the list was checked', async () => {
    const result = await checkWithStatus([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result.verdict).toBe('pass');
    expect(result.status?.state).toBe('valid');
  });

  it('no list cached: status-unknown, never a pass', async () => {
    const result = await checkWithStatus(undefined);
    expect(result.verdict).toBe('status-unknown');
  });
});
