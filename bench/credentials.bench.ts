/**
 * Credentials benchmark, in real Chromium (vitest browser project; part of `npm run bench`):
 *
 *   npx vitest bench --project browser --run bench/credentials.bench.ts
 *
 * Rows: verify 1000 SD-JWT VCs of 10 disclosures each from 10 issuers end to end —
 * parsing, digests, trust list, validity on the page, every signature in one batch in the crypto
 * worker — with the WASM core and with the @noble/curves fallback; and decoding a
 * 1,000,000-entry status list then looking up 1000 indexes. Figures only; no timing assertions.
 */
import { afterAll, bench, describe } from 'vitest';
import { zlibSync } from 'fflate';
import { prepareSdJwtVc, trustListFromIssuers, verifyCredentials, type TrustList } from '../src/credentials/index';
import { decodeStatusList, statusAt } from '../src/credentials/status-list';
import { cryptoWorker, stopCryptoWorker, workerSignatureVerifier } from '../src/crypto/client';
import { base64urlEncode } from '../src/lib/base64url';

const ISSUERS = 10;
const CREDENTIALS = 1000;
const DISCLOSURES = 10;
const STATUS_ENTRIES = 1_000_000;
const LOOKUPS = 1000;
const VCT = 'https://credentials.example.gov.uk/bench';
const NOW = new Date('2026-11-22T12:00:00Z');

async function makeCredentials(): Promise<{ raws: string[]; trustList: TrustList }> {
  const issuers = await Promise.all(Array.from({ length: ISSUERS }, async (_, i) => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const jwk = { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid: `k${i}` };
    return { id: `https://issuer-${i}.example.gov.uk`, key: pair.privateKey, jwk };
  }));
  const raws = await Promise.all(Array.from({ length: CREDENTIALS }, async (_, n) => {
    const issuer = issuers[n % ISSUERS]!;
    const disclosable = Object.fromEntries(Array.from({ length: DISCLOSURES }, (_, d) => [`claim_${d}`, `value ${d} of credential ${n}`]));
    const unsigned = prepareSdJwtVc({ alg: 'ES256', kid: issuer.jwk.kid, claims: { iss: issuer.id, vct: VCT, iat: Math.floor(NOW.getTime() / 1000) }, disclosable });
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, issuer.key, new TextEncoder().encode(unsigned.signingInput));
    return unsigned.finish(new Uint8Array(signature));
  }));
  const trustList = trustListFromIssuers(issuers.map((i) => ({ id: i.id, name: i.id, keys: [i.jwk], types: [VCT] })));
  return { raws, trustList };
}

/** Every REVOKED_EVERY-th entry is revoked (bit set), the rest valid. */
const REVOKED_EVERY = 997;

function makeStatusListClaim(): { bits: 1; lst: string } {
  const bytes = new Uint8Array(STATUS_ENTRIES / 8);
  // draft-ietf-oauth-status-list §4.1: entry i is bit (i mod 8) of byte ⌊i/8⌋, least significant first.
  for (let i = 0; i < STATUS_ENTRIES; i += REVOKED_EVERY) bytes[i >> 3]! |= 1 << (i & 7);
  return { bits: 1, lst: base64urlEncode(zlibSync(bytes, { level: 9 })) };
}

const fixtures = makeCredentials();
const statusList = makeStatusListClaim();
// Half the lookups land on revoked entries, half anywhere.
const indexes = Array.from({ length: LOOKUPS }, (_, i) => (i % 2 ? i * REVOKED_EVERY : i * 7919) % STATUS_ENTRIES);

async function verifyAll(): Promise<void> {
  const { raws, trustList } = await fixtures;
  const reports = await verifyCredentials(raws, { trustList, verifier: workerSignatureVerifier(), now: NOW });
  const valid = reports.filter((r) => r.valid).length;
  if (valid !== CREDENTIALS) throw new Error(`only ${valid} of ${CREDENTIALS} verified`);
}

afterAll(() => stopCryptoWorker());

describe(`verify ${CREDENTIALS} SD-JWT VCs (${DISCLOSURES} disclosures, ${ISSUERS} issuers), signatures in the worker`, () => {
  bench('WASM core', verifyAll, {
    iterations: 5,
    time: 0,
    setup: async () => {
      stopCryptoWorker();
      if ((await cryptoWorker().status()).engine !== 'wasm') throw new Error('the WASM engine did not start');
    },
  });
  bench('@noble/curves fallback', verifyAll, {
    iterations: 3,
    time: 0,
    setup: async () => {
      stopCryptoWorker();
      if ((await cryptoWorker({ engine: 'noble' }).status()).engine !== 'noble') throw new Error('the noble engine did not start');
    },
  });
});

describe(`status list of ${STATUS_ENTRIES.toLocaleString('en')} entries`, () => {
  bench(`decode and look up ${LOOKUPS} indexes`, async () => {
    const list = await decodeStatusList(statusList);
    let revoked = 0;
    for (const index of indexes) if (statusAt(list, index) === 1) revoked++;
    if (revoked < LOOKUPS / 2) throw new Error(`found ${revoked} revoked entries, expected at least ${LOOKUPS / 2}: the lookup is not reading the list`);
  }, { iterations: 10, time: 0 });
});
