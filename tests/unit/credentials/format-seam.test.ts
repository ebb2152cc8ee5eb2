/**
 * The credential format seam (src/credentials/formats/): a format written outside Satchel — a
 * test-only plain JWT in ./plain-jwt-format/, its own folder — is registered through the same
 * registerFormat the built-in formats sit behind, and then verified, presented, read, matched by
 * DCQL and checked by the same library and wallet code, with no other change anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPresentation, detectFormat, formatNamed, registerFormat, sdJwtVcFormat, trustListFromIssuers, verifyCredential, verifyPresentation } from '../../../src/credentials/index';
import { matchQuery, parseDcqlQuery } from '../../../src/protocols/openid4vp/dcql';
import { credentialAnswers } from '../../../src/wallet/check/check-answer';
import { heldCredential, presentedClaims, shareablePaths, sharedWhole } from '../../../src/wallet/held/held-credentials';
import { offeredMismatches, statusUriOf } from '../../../src/wallet/receive/receive-checks';
import type { StoredCredential } from '../../../src/wallet/vault/vault-api';
import { es256Key, holderKeyPair, NOW, NOW_S, nobleVerifier, signJwt, statusListToken } from '../../shared/credentials/helpers';
import { PLAIN_JWT_TYP, plainJwtFormat } from './plain-jwt-format/index';

const ISSUER = 'https://library.example.gov.uk';
const KIND = 'LibraryCard';
const STATUS_URI = `${ISSUER}/status/1`;
const key = es256Key('library-1');
const trustList = trustListFromIssuers([{ id: ISSUER, name: { en: 'County Library' }, keys: [key.jwk], types: [KIND] }]);
const options = { trustList, verifier: nobleVerifier, now: NOW };
const AUD = 'https://checker.example';
const NONCE = 'n-0S6_WzA2Mj';

let holder: { privateKey: CryptoKey; jwk: JsonWebKey };
let raw: string;
let unregister: () => void;

function libraryCard(extra: Record<string, unknown> = {}): string {
  return signJwt({ typ: PLAIN_JWT_TYP, kid: 'library-1' }, {
    iss: ISSUER, kind: KIND, iat: NOW_S - 60, exp: NOW_S + 3600, cnf: { jwk: holder.jwk },
    status: { status_list: { idx: 1, uri: STATUS_URI } }, name: 'Ada Lovelace', card_number: 'L-1815', ...extra,
  }, key);
}

beforeAll(async () => {
  holder = await holderKeyPair();
  unregister = registerFormat(plainJwtFormat);
  raw = libraryCard();
});
afterAll(() => unregister());

describe('a format added through the registry only', () => {
  it('is found by its marker, by its name and by its DCQL name; a second one of the same name is refused', () => {
    expect(detectFormat(raw)).toBe(plainJwtFormat);
    expect(formatNamed('example-plain-jwt')).toBe(plainJwtFormat);
    expect(formatNamed('example_plain_jwt')).toBe(plainJwtFormat);
    expect(() => registerFormat({ ...plainJwtFormat })).toThrow(TypeError);
    expect(() => registerFormat({ ...plainJwtFormat, id: 'other', dcqlFormat: sdJwtVcFormat.dcqlFormat })).toThrow(TypeError);
  });

  it('is verified by verifyCredential: issuer signature batched, trust list, validity and status from the format', async () => {
    const token = statusListToken({ key, uri: STATUS_URI, statuses: [0, 0] });
    const report = await verifyCredential(raw, { ...options, fetchStatusList: async () => token });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report).toMatchObject({ valid: true, format: 'example-plain-jwt', type: KIND, issuer: { id: ISSUER, name: 'County Library' }, status: { state: 'valid' } });
    expect(report.checks.find((c) => c.name === 'format')?.message).toBe('A plain signed JWT (test format).');
    expect(report.checks.some((c) => c.name === 'disclosures')).toBe(false);

    const revoked = await verifyCredential(raw, { ...options, fetchStatusList: async () => statusListToken({ key, uri: STATUS_URI, statuses: [0, 1] }) });
    expect(revoked.status?.state).toBe('revoked');
    const forged = await verifyCredential(libraryCard().replace(/\.[^.]+$/, `.${libraryCard({ name: 'Someone Else' }).split('.')[2]!}`), options);
    expect(forged.checks.find((c) => c.name === 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
  });

  it('is presented by createPresentation and its holder proof checked by verifyPresentation', async () => {
    const presentation = await createPresentation(raw, { disclose: [['name']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now: NOW });
    expect(presentation.startsWith(`${raw}~`)).toBe(true);
    const report = await verifyPresentation(presentation, { ...options, fetchStatusList: async () => statusListToken({ key, uri: STATUS_URI, statuses: [0, 0] }), audience: AUD, nonce: NONCE });
    expect(report.checks.find((c) => c.name === 'key-binding')).toMatchObject({ ok: true });
    expect(report.valid).toBe(true);
    const elsewhere = await verifyPresentation(presentation, { ...options, audience: 'https://other.example', nonce: NONCE });
    expect(elsewhere.checks.find((c) => c.name === 'key-binding')).toMatchObject({ ok: false, code: 'wrong-audience' });
    await expect(createPresentation(raw, { disclose: [['shoe_size']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now: NOW })).rejects.toThrow(/no claim/);
    // What the checker reads before verifying, to tell a replay from a forgery.
    expect(detectFormat(presentation).peekHolderProof(presentation)).toMatchObject({ nonce: NONCE, aud: AUD });
  });

  it('is read, matched by DCQL and offered for sharing by the wallet', () => {
    const stored = { id: 'c1', raw, format: 'example-plain-jwt', issuerName: 'County Library', type: KIND, receivedAt: NOW.toISOString() } as unknown as StoredCredential;
    const held = heldCredential(stored);
    expect(held).toMatchObject({ id: 'c1', format: 'example_plain_jwt', type: KIND });
    expect(sharedWhole(held!)).toBe(true);
    expect(shareablePaths(held!)).toEqual([['name'], ['card_number']]);
    const query = parseDcqlQuery({ credentials: [{ id: 'card', format: 'example_plain_jwt', meta: plainJwtFormat.dcqlMeta([KIND]), claims: [{ path: ['name'] }] }] });
    const match = matchQuery(query, [held!]);
    expect(match).toMatchObject({ satisfiable: true, toAnswer: ['card'] });
    expect(match.byQuery.card).toEqual([{ queryId: 'card', credentialId: 'c1', claims: [['name']] }]);
    const sdJwtOnly = parseDcqlQuery({ credentials: [{ id: 'licence', format: 'dc+sd-jwt', meta: { vct_values: [KIND] } }] });
    expect(matchQuery(sdJwtOnly, [held!]).satisfiable).toBe(false);
  });

  it('is checked by the receiving and checking wallet code through the format', async () => {
    expect(statusUriOf(raw)).toBe(STATUS_URI);
    const report = await verifyCredential(raw, options);
    expect(offeredMismatches(raw, report, { issuerId: ISSUER, types: [KIND], holderJwk: holder.jwk })).toEqual([]);
    const stranger = await holderKeyPair();
    expect(offeredMismatches(raw, report, { issuerId: ISSUER, types: [KIND], holderJwk: stranger.jwk })).toEqual(['It is not bound to the key this phone made for it']);
    expect(presentedClaims(report.format, report.claims)).toEqual([{ path: ['name'], value: 'Ada Lovelace' }, { path: ['card_number'], value: 'L-1815' }]);
    const query = parseDcqlQuery({ credentials: [{ id: 'card', format: 'example_plain_jwt', meta: {}, claims: [{ path: ['card_number'] }] }] });
    expect(credentialAnswers(query.credentials[0]!, report.type, report.claims, report.format)).toEqual({ typeOk: true, missing: [] });
  });

  it('once removed, its credentials are no longer recognised', async () => {
    const remove = registerFormat({ ...plainJwtFormat, id: 'example-plain-jwt-2', dcqlFormat: 'example_plain_jwt_2', detect: () => false });
    expect(formatNamed('example-plain-jwt-2')).toBeDefined();
    remove();
    expect(formatNamed('example-plain-jwt-2')).toBeUndefined();
    unregister();
    const report = await verifyCredential(raw, options);
    expect(report.valid).toBe(false);
    expect(report.checks.find((c) => c.name === 'format')?.message).toMatch(/accepts dc\+sd-jwt and vc\+jwt/);
    unregister = registerFormat(plainJwtFormat);
  });
});
