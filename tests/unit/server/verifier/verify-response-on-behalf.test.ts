// The reference verifier's verifyResponse on an answer given on someone's behalf (docs/carers.md):
// the same on-behalf rule as Satchel's checker, as Outcome.onBehalf and reasons on-behalf[:failure].
// The request is Satchel's identity-for-finance query; the licence is presented by Satchel, the
// authority by @sd-jwt/sd-jwt-vc 0.19.0 (code we did not write) or by Satchel.
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPresentation, trustListFromIssuers } from '../../../../src/credentials/index';
import { AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { encryptJwe, generateRecipientKey } from '../../../../src/lib/jwe';
import type { Transaction } from '../../../../src/server/verifier/transactions';
import { verifyResponse } from '../../../../src/server/verifier/verify-response';
import { CREDENTIAL_TYPES, dcqlFor } from '../../../../src/wallet/shared/purposes';
import { es256Key, holderKeyPair, issueSdJwtVc, NOW, NOW_S, nobleVerifier, statusListToken } from '../../../shared/credentials/helpers';

const DVLA = 'https://dvla.example.gov.uk';
const OPG = 'https://opg.example.gov.uk';
const OPG_STATUS = 'https://opg.example.gov.uk/status/1';
const CLIENT_ID = 'x509_san_dns:localhost';
const dvla = es256Key('dvla-1');
const opg = es256Key('opg-1');
const trustList = trustListFromIssuers([
  { id: DVLA, name: 'Driver and Vehicle Licensing Agency', keys: [dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
  { id: OPG, name: 'Office of the Public Guardian', keys: [opg.jwk], types: [AUTHORITY_TYPE] },
]);
const EXP = NOW_S + 365 * 86_400;
const AUTHORITY = {
  attorney_given_name: 'Ada', attorney_family_name: 'Jones',
  donor_given_name: 'Margaret', donor_family_name: 'Jones', donor_birth_date: '1951-05-14',
  power: 'property-and-financial-affairs', reference: 'M-7321-4480-1123', registered_on: '2024-03-02',
};
const SHOWN = ['attorney_given_name', 'attorney_family_name', 'donor_given_name', 'donor_family_name', 'donor_birth_date', 'power', 'reference'];
/** The OPG's list: 0 valid, 1 revoked. */
const statusList = statusListToken({ key: opg, uri: OPG_STATUS, statuses: [0, 1], iat: NOW_S - 600 });

type Holder = Awaited<ReturnType<typeof holderKeyPair>>;
let ada: Holder;
let mum: Holder;

async function transaction(): Promise<Transaction> {
  const { privateKey, publicJwk } = await generateRecipientKey();
  return { id: 'tx-1', nonce: 'nonce-on-behalf-1', state: 'st', purpose: 'identity-for-finance', privateKey, publicJwk: { ...publicJwk, kid: 'tx-1' }, dcql: dcqlFor({ purpose: 'identity-for-finance' }).query, createdAt: NOW.getTime(), expiresAt: NOW.getTime() + 300_000 };
}

async function verify(tx: Transaction, vp: Record<string, string>) {
  const response = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: Object.fromEntries(Object.entries(vp).map(([k, v]) => [k, [v]])) })), tx.publicJwk);
  return verifyResponse(tx, { response }, { clientId: CLIENT_ID, responseUri: 'https://bank.example/response', trustList: async () => trustList, fetchStatusList: async () => statusList, now: () => NOW.getTime(), verifier: nobleVerifier });
}

const mumsLicence = (tx: Transaction) => createPresentation(
  issueSdJwtVc({ key: dvla, plain: { iss: DVLA, vct: CREDENTIAL_TYPES.drivingLicence }, sd: { given_name: 'Margaret', family_name: 'Jones', birth_date: '1951-05-14', portrait: 'data:image/jpeg;base64,/9j/' }, holderJwk: mum.jwk }).raw,
  { disclose: [['given_name'], ['family_name'], ['birth_date'], ['portrait']], audience: CLIENT_ID, nonce: tx.nonce, holderKey: mum.privateKey, now: NOW },
);

const satchelAuthority = (tx: Transaction, o: { idx?: number; claims?: Record<string, unknown> } = {}) => createPresentation(
  issueSdJwtVc({ key: opg, plain: { iss: OPG, vct: AUTHORITY_TYPE, exp: EXP }, sd: { ...AUTHORITY, ...o.claims }, holderJwk: ada.jwk, status: { idx: o.idx ?? 0, uri: OPG_STATUS } }).raw,
  { disclose: SHOWN.map((c) => [c]), audience: CLIENT_ID, nonce: tx.nonce, holderKey: ada.privateKey, now: NOW },
);

beforeAll(async () => {
  [ada, mum] = await Promise.all([holderKeyPair(), holderKeyPair()]);
});

describe('verifyResponse on someone\'s behalf', () => {
  it('passes with the authority issued and presented by @sd-jwt/sd-jwt-vc: Outcome.onBehalf names the attorney and the person', async () => {
    const tx = await transaction();
    const theirs = new SDJwtVcInstance({
      signer: async (data: string) => base64urlEncode(opg.sign(new TextEncoder().encode(data))),
      signAlg: 'ES256',
      hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
      hashAlg: 'sha-256',
      saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
      kbSigner: async (data: string) => base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ada.privateKey, new TextEncoder().encode(data)))),
      kbSignAlg: 'ES256',
    });
    const issued = await theirs.issue({ iss: OPG, vct: AUTHORITY_TYPE, iat: NOW_S - 60, exp: EXP, cnf: { jwk: ada.jwk }, status: { status_list: { idx: 0, uri: OPG_STATUS } }, ...AUTHORITY }, { _sd: Object.keys(AUTHORITY) as never }, { header: { kid: 'opg-1' } });
    const authority = await theirs.present(issued, Object.fromEntries(SHOWN.map((c) => [c, true])), { kb: { payload: { iat: NOW_S, aud: CLIENT_ID, nonce: tx.nonce } } });
    const outcome = await verify(tx, { identity: await mumsLicence(tx), authority });
    expect(outcome.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.onBehalf).toMatchObject({ ok: true, failures: [], attorney: { givenName: 'Ada', familyName: 'Jones' }, donor: { givenName: 'Margaret', familyName: 'Jones' }, power: 'property-and-financial-affairs' });
    expect(outcome.reasons.at(-1)).toMatchObject({ name: 'on-behalf', ok: true });
  });

  it('fails when the authority is revoked, naming why', async () => {
    const tx = await transaction();
    const outcome = await verify(tx, { identity: await mumsLicence(tx), authority: await satchelAuthority(tx, { idx: 1 }) });
    expect(outcome.ok).toBe(false);
    expect(outcome.onBehalf?.failures).toEqual(['authority-revoked']);
    expect(outcome.reasons.find((r) => r.name === 'on-behalf:authority-revoked')?.message).toMatch(/revoked/);
  });

  it('fails when the authority covers health and welfare only, or names another person', async () => {
    const tx = await transaction();
    const power = await verify(tx, { identity: await mumsLicence(tx), authority: await satchelAuthority(tx, { claims: { power: 'health-and-welfare' } }) });
    expect(power.ok).toBe(false);
    expect(power.onBehalf?.failures).toEqual(['power-not-covered']);
    const tx2 = await transaction();
    const other = await verify(tx2, { identity: await mumsLicence(tx2), authority: await satchelAuthority(tx2, { claims: { donor_given_name: 'George' } }) });
    expect(other.onBehalf?.failures).toEqual(['person-mismatch']);
    expect(other.ok).toBe(false);
  });

  it('fails when only the licence is shared: the authority missing', async () => {
    const tx = await transaction();
    const outcome = await verify(tx, { identity: await mumsLicence(tx) });
    expect(outcome.ok).toBe(false);
    expect(outcome.onBehalf).toEqual({ ok: false, failures: ['authority-missing'] });
  });

  it('an answer to a request without an authority query, holding none, has no onBehalf', async () => {
    const tx = { ...(await transaction()), dcql: dcqlFor({ purpose: 'identity' }).query };
    const outcome = await verify(tx, { identity: await mumsLicence(tx) });
    expect(outcome.ok).toBe(true);
    expect(outcome.onBehalf).toBeUndefined();
  });
});
