/**
 * The ISO/IEC 18013-5 reader's last step, in real Chromium (vitest browser project; part of
 * `npm run bench`):
 *
 *   npx vitest bench --project browser --run bench/mdoc-reader.bench.ts
 *
 * From the holder's last message received to the verdict: ReaderSession.open (decrypt the
 * SessionData with SKDevice, §9.1.1.5) and verifyDeviceResponse (the verify pipeline with the
 * iso-18013-5 handover: IACA → Document Signer chain, MSO signature, digests, validity, the device
 * signature over this session's SessionTranscript in the crypto worker's batch, the checker's
 * verdict) — the path checkInPerson takes after transport.receive(). Each sample is a session of
 * its own (the session counters allow one decryption of a message): the reader's side made by
 * readProximityEngagement for the 'driving' purpose, the answer by the independent test holder
 * (tests/shared/iso-holder: @owf/mdoc and WebCrypto) holding one mDL with a 12 KiB portrait, issued
 * under a P-384 IACA and a P-256 Document Signer like the reference DVLA's. No status list (a
 * cached one costs a lookup; fetching is not this step). Prints the median and p95 per crypto
 * engine, WASM core and @noble/curves, in one run; no timing assertions.
 */
import { bench, describe } from 'vitest';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm } from '@owf/mdoc';
import { trustListFromIssuers, type TrustList } from '../src/credentials/index';
import { cryptoWorker, stopCryptoWorker, workerSignatureVerifier } from '../src/crypto/client';
import { readProximityEngagement, verifyDeviceResponse, type ProximityState } from '../src/wallet/check/proximity-check';
import { makeMdocPki, webCryptoIssuingContext } from '../tests/shared/credentials/mdoc-pki';
import { createIsoHolder } from '../tests/shared/iso-holder/iso-holder';

const SAMPLES = 60;
const WARM_UP = 5;
const MDL = 'org.iso.18013.5.1.mDL';
const MDL_NAMESPACE = 'org.iso.18013.5.1';
const ISSUER_ID = 'https://dvla.bench.example.gov.uk';
const NOW = new Date('2026-06-01T12:00:00Z');

async function benchLicence(): Promise<{ trustList: TrustList; issuerSigned: string; deviceKey: CryptoKey }> {
  const pki = await makeMdocPki({
    iacaName: 'C=GB, CN=Bench DVLA IACA',
    documentSignerName: 'C=GB, CN=Bench DVLA Document Signer',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    issuerUrl: ISSUER_ID,
  });
  const device = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { x, y } = await crypto.subtle.exportKey('jwk', device.publicKey);
  const ds = await crypto.subtle.exportKey('jwk', pki.documentSignerKeys.publicKey);
  const portrait = new Uint8Array(12 * 1024).map((_, i) => (i * 31) & 0xff);
  portrait.set([0xff, 0xd8, 0xff, 0xe0]);
  const issuerSigned = await new IssuerSignedBuilder(MDL, webCryptoIssuingContext(pki.documentSignerKeys.privateKey))
    .addIssuerNamespace(MDL_NAMESPACE, {
      family_name: 'Jones',
      given_name: 'Ava',
      birth_date: new DateOnly('1990-03-25'),
      issue_date: new DateOnly('2024-09-02'),
      expiry_date: new DateOnly('2034-09-01'),
      issuing_country: 'GB',
      issuing_authority: 'DVLA',
      document_number: 'JONES903257A99',
      portrait,
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2008-06-01'), expiry_date: new DateOnly('2034-09-01') }],
      age_over_18: true,
    })
    .sign({
      signingKey: CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: ds.x!, y: ds.y! }),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk({ kty: 'EC', crv: 'P-256', x: x!, y: y! }) },
      certificates: [pki.documentSignerDer],
    });
  const trustList = trustListFromIssuers([{ id: ISSUER_ID, name: 'Bench DVLA', keys: [], types: [MDL], iaca: [{ certificate: pki.iacaDer, doctypes: [MDL] }] }]);
  return { trustList, issuerSigned: issuerSigned.encodedForOid4Vci, deviceKey: device.privateKey };
}

interface Answered {
  state: ProximityState;
  sessionData: Uint8Array;
}

/** One session up to the holder's answer: engagement read, SessionEstablishment sent, SessionData back. */
async function answeredSession(licence: { issuerSigned: string; deviceKey: CryptoKey }): Promise<Answered> {
  const holder = await createIsoHolder({ issuerSigned: licence.issuerSigned, deviceKey: licence.deviceKey });
  const state = await readProximityEngagement(holder.qrText, 'driving');
  const sessionData = await holder.onMessage(await state.session!.establishment(state.deviceRequest));
  if (!sessionData) throw new Error(`the test holder did not answer: ${holder.log.errors.join('; ')}`);
  return { state, sessionData };
}

const licence = await benchLicence();

/** The measured step: decrypt, then verify to a verdict. */
async function lastMessageToVerdict({ state, sessionData }: Answered, trustList: TrustList): Promise<void> {
  const session = state.session!;
  const { deviceResponse } = await session.open(sessionData);
  const result = await verifyDeviceResponse(state, deviceResponse!, {
    trustList,
    verifier: workerSignatureVerifier(),
    now: NOW,
    fetchStatusList: () => Promise.reject(new Error('no status list in this bench')),
    sessionTranscriptBytes: session.sessionTranscriptBytes,
    readerPrivateKey: session.readerPrivateKey,
  });
  if (!result.ok) throw new Error(`the reader refused the bench licence: ${JSON.stringify(result.reasons.filter((r) => !r.ok))}`);
}

async function startEngine(engine: 'wasm' | 'noble'): Promise<void> {
  stopCryptoWorker();
  const status = await cryptoWorker(engine === 'noble' ? { engine: 'noble' } : {}).status();
  if (status.engine !== engine) throw new Error(`the ${engine} engine did not start`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Times SAMPLES sessions (after WARM_UP), each prepared beforehand so only the step itself is timed. */
async function measure(engine: 'wasm' | 'noble'): Promise<{ median: number; p95: number }> {
  await startEngine(engine);
  const sessions: Answered[] = [];
  for (let i = 0; i < SAMPLES + WARM_UP; i++) sessions.push(await answeredSession(licence));
  const times: number[] = [];
  for (const [i, session] of sessions.entries()) {
    const start = performance.now();
    await lastMessageToVerdict(session, licence.trustList);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const wasm = await measure('wasm');
const noble = await measure('noble');
stopCryptoWorker();

const row = (name: string, { median, p95 }: { median: number; p95: number }) =>
  `  ${name.padEnd(42)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`;
console.log([
  `mdoc reader bench: last message received → verdict (decrypt SessionData + verifyDeviceResponse, iso-18013-5 handover), ${SAMPLES} sessions each`,
  row('crypto worker on the WASM core', wasm),
  row('crypto worker on @noble/curves', noble),
  `  median ratio noble / WASM ${(noble.median / wasm.median).toFixed(2)}×`,
].join('\n'));

describe('ISO/IEC 18013-5 reader: last message to verdict', () => {
  bench('WASM core (each a new session: holder answer, then the step)', async () => lastMessageToVerdict(await answeredSession(licence), licence.trustList), { iterations: 5, time: 0, setup: () => startEngine('wasm') });
  bench('@noble/curves (each a new session: holder answer, then the step)', async () => lastMessageToVerdict(await answeredSession(licence), licence.trustList), { iterations: 5, time: 0, setup: () => startEngine('noble') });
});
