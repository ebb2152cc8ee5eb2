/**
 * Issue 15: the checker as an ISO/IEC 18013-5 reader (Checker.readEngagement / checkInPerson),
 * through a fake transport in real Chromium (WebCrypto ECDH, HKDF, AES-GCM; the crypto worker's
 * signature batch):
 * - the Annex D exchange, end to end: its QR engagement read, the session started on Annex D's
 *   reader key and transcript, the SessionEstablishment opened with the SKReader the vector
 *   collector derived, Annex D's SESSION_DATA answered, SESSION_TERMINATION sent back, the
 *   DeviceResponse (device MAC) verified;
 * - against the independent test holder (tests/shared/iso-holder: @owf/mdoc + WebCrypto): a pass,
 *   an element not asked for flagged, a changed element, a replay from another reader's session,
 *   a declined request, an empty answer, garbage, an issuer on no trust list;
 * - each way it stops: a QR that is not an engagement, one Satchel cannot use, the chooser closed,
 *   the link dropped, a used or discarded check; keepRecord, then discardAll.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cborDecode, DeviceRequest } from '@owf/mdoc';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createActivityLog } from '../../../../src/wallet/activity/activity';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { decodeCbor, EmbeddedCbor, encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { ReaderSession } from '../../../../src/protocols/iso18013-5/reader-session';
import { createChecker, type CheckerOptions } from '../../../../src/wallet/check/check';
import { CheckError, type CheckErrorCode, type ProximityStep } from '../../../../src/wallet/check/check-api';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createIsoHolder, type IsoHolder, type Misbehaviour } from '../../../shared/iso-holder/iso-holder';
import { issueMdocLicence, MDOC_DVLA, MDOC_DVLA_NAME, type MdocLicence } from '../../support/mdoc-fixture';
import { MemoryVault } from '../../support/share-fixtures';
import { FakeHolderTransport, type FakeTransportOptions } from './proximity-transport-fake';

afterEach(() => stopCryptoWorker());

const hex = annexD.hex;
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';
const DRIVING = ['given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date'];
const der = (pem: string) => Uint8Array.from(atob(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));

function trustListFor(iaca: Uint8Array): TrustList {
  return trustListFromIssuers([{ id: MDOC_DVLA, name: MDOC_DVLA_NAME, keys: [], types: [MDL], iaca: [{ certificate: iaca, doctypes: [MDL] }] }]);
}

async function expectCheckError(promise: Promise<unknown>, code: CheckErrorCode): Promise<CheckError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error, `expected CheckError ${code}`).toBeInstanceOf(CheckError);
  expect((error as CheckError).code, (error as Error).message).toBe(code);
  return error as CheckError;
}

// --- Annex D -------------------------------------------------------------------------------------

/** Annex D's EReaderKey pair (EPHEMERAL_READER_KEY_*), the private key not extractable. */
async function annexDReaderKeyPair(): Promise<CryptoKeyPair> {
  const b64u = (h: string) => base64urlEncode(fromHex(h));
  const [x, y, d] = [b64u(hex.EPHEMERAL_READER_KEY_X), b64u(hex.EPHEMERAL_READER_KEY_Y), b64u(hex.EPHEMERAL_READER_KEY_D)];
  const algorithm = { name: 'ECDH', namedCurve: 'P-256' };
  return {
    privateKey: await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x, y, d }, algorithm, false, ['deriveBits']),
    publicKey: await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x, y }, algorithm, true, []),
  };
}

/**
 * Annex D's transcript was made for an NFC engagement (SOURCES.md: its DeviceEngagementBytes differ
 * from the QR one's, with the same EDeviceKey, and its Handover is NFC's), so the session is started
 * on those bytes and that handover: then its keys are Annex D's and SESSION_DATA opens.
 */
async function annexDSession(): Promise<CheckerOptions['startReaderSession']> {
  const outer = decodeCbor(fromHex(hex.SESSION_TRANSCRIPT_BYTES), 'transcript') as EmbeddedCbor;
  const [engagement, , handover] = decodeCbor(outer.bytes, 'transcript') as [EmbeddedCbor, EmbeddedCbor, unknown];
  const readerKeyPair = await annexDReaderKeyPair();
  return (scanned) => ReaderSession.start({ ...scanned, bytes: engagement.bytes }, { readerKeyPair, handover });
}

/** §9.1.1.5: AES-256-GCM with the reader's IV (identifier 0, counter 1), empty AAD — WebCrypto with the collector's SKReader. */
async function openWithAnnexDSkReader(ciphertext: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', fromHex(annexD.expected.derived_by_collector.SKReader), 'AES-GCM', false, ['decrypt']);
  const iv = new Uint8Array(12);
  iv[11] = 1;
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext as BufferSource));
}

/**
 * Annex D's QR engagement offers BLE in mdoc central client mode only (options {0: false, 1: true,
 * 11: UUID}), which a web page cannot serve; the same engagement offering peripheral server mode
 * (options {0: true, 1: false, 10: the same UUID}) is what Satchel's reader can use. Its EDeviceKey is unchanged.
 */
function annexDQrInPeripheralServerMode(): string {
  const engagement = decodeCbor(fromHex(hex.DEVICE_ENGAGEMENT), 'engagement') as Map<number, unknown>;
  const [[type, version, options]] = engagement.get(2) as [[number, number, Map<number, unknown>]];
  const peripheral = new Map<number, unknown>([[0, true], [1, false], [10, options.get(11)]]);
  return `mdoc:${base64urlEncode(encodeCbor(new Map(engagement).set(2, [[type, version, peripheral]])))}`;
}

describe('the Annex D exchange, end to end', () => {
  it('reads the QR engagement, sends a DeviceRequest for the purpose under SKReader, opens SESSION_DATA, ends with SESSION_TERMINATION and verifies the device MAC', async () => {
    const seen: { request?: DeviceRequest; eReaderKey?: Uint8Array; termination?: string } = {};
    const transport = new FakeHolderTransport(async (message) => {
      const decoded = cborDecode<Map<string, unknown>>(message);
      if (!decoded.has('eReaderKey')) {
        seen.termination = toHex(message);
        return undefined;
      }
      seen.eReaderKey = (decoded.get('eReaderKey') as { buffer: Uint8Array }).buffer;
      seen.request = DeviceRequest.decode(await openWithAnnexDSkReader(decoded.get('data') as Uint8Array));
      return fromHex(hex.SESSION_DATA);
    });
    const steps: ProximityStep[] = [];
    const checker = createChecker({
      verifier: workerSignatureVerifier(),
      trust: staticTrust(trustListFor(der(annexD.pem.IACA_ROOT_CERT))),
      now: () => Date.parse('2021-01-01T00:00:00Z'),
      proximityTransport: () => transport,
      startReaderSession: await annexDSession(),
    });
    const check = await checker.readEngagement({ qr: annexDQrInPeripheralServerMode(), purpose: 'driving', verifierName: 'Door' });
    expect(check.transports).toEqual(['ble']);
    const result = await checker.checkInPerson(check.requestId, { onProgress: (s) => steps.push(s) });

    expect(steps).toEqual(['connecting', 'waiting-for-holder', 'verifying']);
    // §8.3.2.1.2.1: version 1.0, one DocRequest for the mDL, the purpose's elements, none to be retained, no readerAuth.
    expect(seen.request!.version).toBe('1.0');
    expect(seen.request!.docRequests).toHaveLength(1);
    const [docRequest] = seen.request!.docRequests;
    expect(docRequest!.itemsRequest.docType).toBe(MDL);
    expect(docRequest!.readerAuth).toBeUndefined();
    expect([...docRequest!.itemsRequest.namespaces.get(NS)!].sort()).toEqual(DRIVING.map((e) => [e, false]).sort());
    // The EReaderKey sent is the one injected (Annex D's): the transcript's second item.
    const transcript = decodeCbor((decodeCbor(fromHex(hex.SESSION_TRANSCRIPT_BYTES), 'transcript') as EmbeddedCbor).bytes, 'transcript') as EmbeddedCbor[];
    expect(toHex(seen.eReaderKey!)).toBe(toHex(transcript[1]!.bytes));
    expect(seen.termination).toBe(hex.SESSION_TERMINATION);
    expect(transport.closed).toBe(true);

    // Every check of the licence passes, the device MAC over this session's transcript among them (§9.1.3.5)…
    const failed = result.reasons.filter((r) => !r.ok).map((r) => r.code);
    expect(result.reasons.map((r) => r.code)).toContain('key-binding');
    // …but Annex D's licence shares no given_name (the holder may leave an element out, §8.3.2.1.2.2): the request is not met.
    expect(failed).toEqual(['request:missing-claims']);
    expect(result.verdict).toBe('fail');
    expect(result.issuerName).toEqual(MDOC_DVLA_NAME);
    expect(result.claims.map((c) => c.path[1]).sort()).toEqual(['document_number', 'driving_privileges', 'expiry_date', 'family_name', 'issue_date', 'portrait']);
    // Elements returned that were not asked for are flagged.
    expect(result.unrequested.map((p) => p[1]).sort()).toEqual(['document_number', 'issue_date']);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });
});

// --- The independent test holder -----------------------------------------------------------------

interface Setup {
  licence: MdocLicence;
  holder: IsoHolder;
  transport: FakeHolderTransport;
  vault: MemoryVault;
  checker: ReturnType<typeof createChecker>;
}

async function withHolder(options: { misbehave?: Misbehaviour; transport?: FakeTransportOptions; trustList?: TrustList } = {}): Promise<Setup> {
  const licence = await issueMdocLicence();
  const holder = await createIsoHolder({ issuerSigned: licence.raw, deviceKey: licence.holder.privateKey, ...(options.misbehave ? { misbehave: options.misbehave } : {}) });
  const transport = new FakeHolderTransport((m) => holder.onMessage(m), options.transport);
  const vault = new MemoryVault();
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(options.trustList ?? trustListFor(licence.iaca[0]!.certificate)), vault, proximityTransport: () => transport });
  return { licence, holder, transport, vault, checker };
}

async function checked(setup: Setup) {
  const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
  return { requestId: check.requestId, result: await setup.checker.checkInPerson(check.requestId) };
}

describe('against an independent holder (@owf/mdoc, WebCrypto)', () => {
  it('passes: issuer, digests, validity and the device signature over this session, exactly the elements asked for; the holder was told status 20', async () => {
    const setup = await withHolder();
    const { result } = await checked(setup);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result.verdict).toBe('pass');
    expect(result.claims.map((c) => c.path).sort()).toEqual(DRIVING.map((e) => [NS, e]).sort());
    expect(result.unrequested).toEqual([]);
    expect(setup.holder.log.statusesReceived).toEqual([20]);
    expect(setup.transport.closed).toBe(true);
  });

  it('an element not asked for is flagged', async () => {
    const { result } = await checked(await withHolder({ misbehave: 'unrequested' }));
    expect(result.unrequested).toHaveLength(1);
    expect(result.claims.map((c) => c.path)).toContainEqual(result.unrequested[0]);
  });

  it('a response signed over another reader\'s transcript (a replay) fails key binding: not-holder', async () => {
    const { result } = await checked(await withHolder({ misbehave: 'replay' }));
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toContainEqual({ code: 'key-binding:not-holder', ok: false });
  });

  it('an element changed after signing fails its digest', async () => {
    const { result } = await checked(await withHolder({ misbehave: 'tamper' }));
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toContainEqual({ code: 'disclosures:altered', ok: false });
  });

  it('an issuer whose IACA is on no trust list fails issuer-trusted', async () => {
    const other = await issueMdocLicence();
    const { result } = await checked(await withHolder({ trustList: trustListFor(other.iaca[0]!.certificate) }));
    expect(result.verdict).toBe('fail');
    expect(result.reasons.some((r) => !r.ok && r.code.startsWith('issuer'))).toBe(true);
  });

  it('the holder ending the session (status 20, no data) is holder-declined; so is a DeviceResponse with no document', async () => {
    for (const misbehave of ['decline', 'no-documents'] as const) {
      const setup = await withHolder({ misbehave });
      const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
      await expectCheckError(setup.checker.checkInPerson(check.requestId), 'holder-declined');
      expect(setup.transport.closed).toBe(true);
    }
  });

  it('a session message that fails decryption is session-failed, and the holder is told status 10', async () => {
    const setup = await withHolder({ misbehave: 'garbage' });
    const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
    await expectCheckError(setup.checker.checkInPerson(check.requestId), 'session-failed');
    expect(decodeCbor(setup.transport.sent.at(-1)!, 'SessionData')).toEqual(new Map([['status', 10]]));
    expect(setup.transport.closed).toBe(true);
  });

  it('the link dropping while waiting for the holder is connection-lost at once; the transport is closed', async () => {
    const setup = await withHolder({ transport: { dropAfterSends: 1 } });
    const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
    await expectCheckError(setup.checker.checkInPerson(check.requestId), 'connection-lost');
    expect(setup.transport.closed).toBe(true);
  });

  it('the wrong phone (Ident differs) or chunks out of order or too large are session-failed, and cannot be retried with this code', async () => {
    for (const transport of [{ connectFails: 'wrong-device' as const }, { receiveFails: 'malformed' as const }]) {
      const setup = await withHolder({ transport });
      const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
      await expectCheckError(setup.checker.checkInPerson(check.requestId), 'session-failed');
      expect(setup.transport.closed).toBe(true);
      await expectCheckError(setup.checker.checkInPerson(check.requestId), 'request-expired');
    }
  });

  it('the device chooser closed is bluetooth-cancelled; no Web Bluetooth is bluetooth-unavailable', async () => {
    for (const [fails, code] of [['cancelled', 'bluetooth-cancelled'], ['unavailable', 'bluetooth-unavailable']] as const) {
      const setup = await withHolder({ transport: { connectFails: fails } });
      const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
      await expectCheckError(setup.checker.checkInPerson(check.requestId), code);
      expect(setup.transport.sent).toEqual([]);
    }
  });

  it('after the chooser closed or the link dropped, connecting again with the same code works: a new session, a fresh reader key', async () => {
    for (const first of [{ connectFails: 'cancelled' as const }, { dropAfterSends: 1 }]) {
      const licence = await issueMdocLicence();
      const holder = await createIsoHolder({ issuerSigned: licence.raw, deviceKey: licence.holder.privateKey });
      const transports = [new FakeHolderTransport((m) => holder.onMessage(m), first), new FakeHolderTransport((m) => holder.onMessage(m))];
      let made = 0;
      const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustListFor(licence.iaca[0]!.certificate)), proximityTransport: () => transports[made++]! });
      const check = await checker.readEngagement({ qr: holder.qrText, purpose: 'driving', verifierName: 'Door' });
      await expectCheckError(checker.checkInPerson(check.requestId), first.connectFails ? 'bluetooth-cancelled' : 'connection-lost');
      const result = await checker.checkInPerson(check.requestId);
      expect(result.verdict).toBe('pass');
      const readerKeys = transports.flatMap((t) => t.sent.slice(0, 1)).map((m) => toHex((cborDecode<Map<string, unknown>>(m).get('eReaderKey') as { buffer: Uint8Array }).buffer));
      expect(new Set(readerKeys).size).toBe(readerKeys.length);
    }
  });

  it('one exchange per engagement: a second checkInPerson is request-expired', async () => {
    const setup = await withHolder();
    const { requestId } = await checked(setup);
    await expectCheckError(setup.checker.checkInPerson(requestId), 'request-expired');
  });

  it('keepRecord keeps what was asked and seen (the photo noted, not kept); discardAll forgets the check', async () => {
    const setup = await withHolder();
    const { requestId } = await checked(setup);
    await setup.checker.keepRecord(requestId);
    const [entry] = await createActivityLog(setup.vault).list();
    expect(entry).toMatchObject({ kind: 'checked', counterparty: 'Ava Jones' });
    expect(entry!.check).toMatchObject({ verdict: 'pass', checkedBy: 'Door' });
    expect(entry!.check!.seen.find((s) => s.photo)).toBeDefined();
    expect(JSON.stringify(setup.vault.activity)).not.toContain('/9j/');
    setup.checker.discardAll();
    await expectCheckError(setup.checker.keepRecord(requestId), 'request-expired');
    await expectCheckError(setup.checker.checkInPerson(requestId), 'request-expired');
  });

  it('discarded while the holder is answering: the link is closed and no result is handed out', async () => {
    const setup = await withHolder({ misbehave: 'silent' });
    const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
    const pending = setup.checker.checkInPerson(check.requestId, { onProgress: (step) => step === 'waiting-for-holder' && setup.checker.discard(check.requestId) });
    await expectCheckError(pending, 'request-expired');
    expect(setup.transport.closed).toBe(true);
  });
});

describe('discarded while verifying', () => {
  it('the result is not handed out, and nothing can be kept', async () => {
    const setup = await withHolder();
    const check = await setup.checker.readEngagement({ qr: setup.holder.qrText, purpose: 'driving', verifierName: 'Door' });
    const pending = setup.checker.checkInPerson(check.requestId, { onProgress: (step) => step === 'verifying' && setup.checker.discardAll() });
    await expectCheckError(pending, 'request-expired');
    await expectCheckError(setup.checker.keepRecord(check.requestId), 'request-expired');
  });
});

describe('the default transport', () => {
  it('is Web Bluetooth: here, with no click and no Bluetooth adapter, bluetooth-unavailable (nothing sent, the check can connect again)', async () => {
    const licence = await issueMdocLicence();
    const holder = await createIsoHolder({ issuerSigned: licence.raw, deviceKey: licence.holder.privateKey });
    const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustListFor(licence.iaca[0]!.certificate)) });
    const check = await checker.readEngagement({ qr: holder.qrText, purpose: 'driving', verifierName: 'Door' });
    await expectCheckError(checker.checkInPerson(check.requestId), 'bluetooth-unavailable');
    expect(holder.log.sessionsStarted).toBe(0);
    await expectCheckError(checker.checkInPerson(check.requestId), 'bluetooth-unavailable');
  });
});

describe('reading the engagement', () => {
  const checker = () => createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(trustListFor(der(annexD.pem.IACA_ROOT_CERT))), proximityTransport: () => new FakeHolderTransport(async () => undefined) });

  it('a QR that is not a device engagement is not-an-engagement', async () => {
    for (const qr of ['https://example.com', 'mdoc:', 'mdoc:!!!', `mdoc:${base64urlEncode(new TextEncoder().encode('not cbor'))}`]) {
      await expectCheckError(checker().readEngagement({ qr, purpose: 'driving', verifierName: 'Door' }), 'not-an-engagement');
    }
  });

  it('an engagement Satchel cannot use (version 2.0, no BLE, BLE central client mode only) is engagement-unsupported', async () => {
    const engagement = decodeCbor(fromHex(hex.DEVICE_ENGAGEMENT), 'engagement') as Map<number, unknown>;
    const v2 = new Map(engagement).set(0, '2.0');
    const noBle = new Map(engagement);
    noBle.delete(2);
    // Annex D's own QR: BLE central client mode only (the reader would have to be the GATT server).
    const centralOnly = engagement;
    for (const bad of [v2, noBle, centralOnly]) {
      await expectCheckError(checker().readEngagement({ qr: `mdoc:${base64urlEncode(encodeCbor(bad))}`, purpose: 'driving', verifierName: 'Door' }), 'engagement-unsupported');
    }
  });

  it('a purpose no mDL element answers is refused before anything is read', async () => {
    await expect(checker().readEngagement({ qr: annexDQrInPeripheralServerMode(), purpose: 'right-to-work', verifierName: 'Door' })).rejects.toThrow(TypeError);
  });
});
