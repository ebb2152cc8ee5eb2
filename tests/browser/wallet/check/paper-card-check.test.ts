/**
 * Issue 17: a printed card checked offline (Checker.checkPaperCard, src/wallet/check/paper-check.ts).
 * Cards are made as an issuer makes them (preparePaperCard, signed ES256 with a test key, printed
 * as `SC1:` + Base45(zlib(COSE_Sign1)) by encodeCardCode) and checked against a test trust list
 * and cached status lists only: a genuine card passes with the `paper:not-bound` warning; an
 * unknown issuer, a forged signature, an expired or revoked card fail with their reason; a code
 * that is not a card, or a damaged one, is a clear CheckError; the result can be kept as a record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { preparePaperCard, type PaperCardInput } from '../../../../src/credentials/formats/paper-card/index';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { base45Encode } from '../../../../src/lib/base45';
import { encodeCardCode } from '../../../../src/protocols/paper/card-code';
import { CheckError, type CheckErrorCode } from '../../../../src/wallet/check';
import { createChecker } from '../../../../src/wallet/check/check';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared/purposes';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { es256Key, type TestKey } from '../../../shared/credentials/helpers';
import { DVLA, DVLA_STATUS, makeWorld, MemoryVault, NOW, type World } from '../../support/share-fixtures';

afterEach(() => stopCryptoWorker());

const NOW_S = Math.floor(NOW.getTime() / 1000);
const CLAIMS = { given_name: 'Ada', family_name: 'Lovelace', birth_date: '1990-12-10', driving_privileges: 'B, C1' };

/** A card's printed code, made as an issuer makes it: the CWT in a COSE_Sign1 signed with `key` (ES256, r‖s). */
async function cardCode(key: TestKey, overrides: Partial<PaperCardInput> = {}): Promise<string> {
  const card = preparePaperCard({ iss: DVLA, kid: key.jwk.kid!, vct: CREDENTIAL_TYPES.drivingLicence, claims: CLAIMS, iat: NOW_S - 3600, status: { idx: 1, uri: DVLA_STATUS }, ...overrides });
  return encodeCardCode(card.finish(key.sign(card.toBeSigned)));
}

function checkerFor(world: World, statusLists: Record<string, string> = world.statusLists) {
  const vault = new MemoryVault();
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, statusLists), vault, now: () => NOW.getTime() });
  return { checker, vault };
}

async function refused(promise: Promise<unknown>): Promise<CheckErrorCode> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CheckError);
  return (error as CheckError).code;
}

const failed = (reasons: { code: string; ok: boolean }[]) => reasons.filter((r) => !r.ok).map((r) => r.code);

describe('checking a paper card offline', () => {
  it('a genuine card passes: every check, the claims, the issuer, the type, how fresh the status is, and always the paper:not-bound warning last', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const { requestId, result } = await checker.checkPaperCard(await cardCode(world.dvla));
    expect(requestId).toEqual(expect.any(String));
    expect(result).toMatchObject({ ok: true, verdict: 'pass', issuerName: { en: 'Driver and Vehicle Licensing Agency' }, status: { state: 'valid' } });
    expect(result.status?.checkedAt).toEqual(expect.any(String));
    expect(result.typeName).toBeDefined();
    expect(result.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['signature', 'issuer-trusted', 'validity', 'status']));
    expect(result.reasons.at(-1)).toEqual({ code: 'paper:not-bound', ok: true });
    expect(failed(result.reasons)).toEqual([]);
    expect(Object.fromEntries(result.claims.map((c) => [c.path.join('.'), c.value]))).toEqual(CLAIMS);
    expect(result.unrequested).toEqual([]);
  });

  it('lower-case or surrounding spaces (as some scanners give) read the same', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const code = await cardCode(world.dvla);
    expect((await checker.checkPaperCard(`  ${code}\n`)).result.verdict).toBe('pass');
  });

  it('a code compressed by the browser\'s own zlib (CompressionStream "deflate", RFC 1950), not ours, reads and passes the same', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const card = preparePaperCard({ iss: DVLA, kid: world.dvla.jwk.kid!, vct: CREDENTIAL_TYPES.drivingLicence, claims: CLAIMS, iat: NOW_S - 3600, status: { idx: 1, uri: DVLA_STATUS } });
    const cose = card.finish(world.dvla.sign(card.toBeSigned));
    const zlib = new Uint8Array(await new Response(new Blob([new Uint8Array(cose)]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
    const { result } = await checker.checkPaperCard(`SC1:${base45Encode(zlib)}`);
    expect(result).toMatchObject({ ok: true, verdict: 'pass' });
  });

  it('a card from an issuer not on the trust list fails: unknown issuer', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const stranger = es256Key('stranger-1');
    const { result } = await checker.checkPaperCard(await cardCode(stranger, { iss: 'https://not-listed.example.com' }));
    expect(result).toMatchObject({ ok: false, verdict: 'fail' });
    expect(failed(result.reasons)).toContain('issuer-trusted:unknown-issuer');
    expect(result.claims).toEqual([]);
    expect(result.reasons.at(-1)).toEqual({ code: 'paper:not-bound', ok: true });
  });

  it('a card signed with another key under a listed issuer\'s kid fails its signature, and says nothing it claims', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const forger = es256Key(world.dvla.jwk.kid);
    const { result } = await checker.checkPaperCard(await cardCode(forger));
    expect(result).toMatchObject({ ok: false, verdict: 'fail' });
    expect(failed(result.reasons)).toEqual(['signature:mismatch']);
    expect(result.claims).toEqual([]);
  });

  it('an expired card fails on its validity', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const { result } = await checker.checkPaperCard(await cardCode(world.dvla, { iat: NOW_S - 10 * 24 * 3600, exp: NOW_S - 24 * 3600 }));
    expect(result).toMatchObject({ ok: false, verdict: 'fail' });
    expect(failed(result.reasons)).toEqual(['validity:expired']);
  });

  it('a revoked card (its status list entry set, from the cached list) fails as revoked', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const { result } = await checker.checkPaperCard(await cardCode(world.dvla, { status: { idx: 3, uri: DVLA_STATUS } }));
    expect(result).toMatchObject({ ok: false, verdict: 'fail', status: { state: 'revoked' } });
    expect(failed(result.reasons)).toEqual(['status:revoked']);
  });

  it('with no cached status list (and no network asked), cancellation is not known: status-unknown, not a fail', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world, {});
    const { result } = await checker.checkPaperCard(await cardCode(world.dvla));
    expect(result).toMatchObject({ ok: false, verdict: 'status-unknown' });
    expect(failed(result.reasons)).toEqual(['status:unknown']);
  });

  it('a code that is not a card is refused as not-a-card, a Satchel phone code and an mdoc engagement alike', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    expect(await refused(checker.checkPaperCard('https://example.com/not-a-card'))).toBe('not-a-card');
    expect(await refused(checker.checkPaperCard('SR1.abc.1.2.xyz'))).toBe('not-a-card');
    const mdoc = await checker.checkPaperCard('mdoc:owBjMS4w').then(() => undefined, (e: unknown) => e);
    expect(mdoc).toMatchObject({ code: 'not-a-card', message: expect.stringContaining('phone') });
  });

  it('a damaged code (bad Base45, cut short, or holding no card) is refused as card-damaged', async () => {
    const world = await makeWorld();
    const { checker } = checkerFor(world);
    const code = await cardCode(world.dvla);
    expect(await refused(checker.checkPaperCard('SC1:!!!not base45'))).toBe('card-damaged');
    expect(await refused(checker.checkPaperCard(code.slice(0, code.length - 12)))).toBe('card-damaged');
    // Valid Base45 and zlib of bytes that are not a COSE_Sign1 card.
    expect(await refused(checker.checkPaperCard(await encodeCardCode(new TextEncoder().encode('not a card at all'))))).toBe('card-damaged');
  });

  it('with no trust list on this phone, nothing can be checked: trust-list:missing', async () => {
    const world = await makeWorld();
    const checker = createChecker({ verifier: workerSignatureVerifier(), trust: { trustList: async () => undefined, statusList: async () => Promise.reject(new Error('none')) }, now: () => NOW.getTime() });
    const { result } = await checker.checkPaperCard(await cardCode(world.dvla));
    expect(result).toMatchObject({ ok: false, verdict: 'fail' });
    expect(failed(result.reasons)).toEqual(['trust-list:missing']);
  });

  it('"Keep a record" stores the result with the paper:not-bound reason and logs the check; discard forgets it', async () => {
    const world = await makeWorld();
    const { checker, vault } = checkerFor(world);
    const { requestId } = await checker.checkPaperCard(await cardCode(world.dvla), { verifierName: 'Front desk' });
    await checker.keepRecord(requestId);
    expect(vault.records.size).toBe(1);
    const [entry] = vault.activity;
    expect(entry).toMatchObject({ kind: 'checked', counterparty: expect.anything() });
    expect(JSON.stringify(entry)).toContain('paper:not-bound');
    expect(JSON.stringify(entry)).toContain('Front desk');
    checker.discard(requestId);
    expect(await refused(checker.keepRecord(requestId))).toBe('request-expired');
  });
});
