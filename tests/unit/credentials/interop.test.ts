/**
 * Round trip with an independent implementation, the OpenWallet Foundation's @sd-jwt/sd-jwt-vc:
 * credentials and presentations it makes verify here, and presentations made here verify there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { createPresentation, prepareSdJwtVc, trustListFromIssuers, verifyCredential, verifyPresentation, type TrustList } from '../../../src/credentials/index';
import { base64urlEncode } from '../../../src/lib/base64url';
import { nobleVerifier } from '../../shared/credentials/helpers';

const ISS = 'https://dvla.example.gov.uk';
const VCT = 'https://credentials.example.gov.uk/driving-licence';
const AUD = 'https://verifier.example.co.uk';
const NONCE = 'interop-nonce-42';

interface Holder {
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
}

async function holderKeys(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: { kty, crv, x, y }, privateJwk };
}

describe('interop with @sd-jwt/sd-jwt-vc 0.19', () => {
  let holder: Holder;
  let trustList: TrustList;
  let theirs: SDJwtVcInstance;
  let credential: string;
  const now = new Date();
  const nowS = Math.floor(now.getTime() / 1000);
  const claims = {
    iss: ISS,
    vct: VCT,
    iat: nowS - 60,
    exp: nowS + 86_400,
    given_name: 'Ada',
    family_name: 'Lovelace',
    address: { street: '1 Queen St', locality: 'Cardiff' },
    nationalities: ['GB', 'FR'],
  };

  beforeAll(async () => {
    holder = await holderKeys();
    const issuerKeys = await ES256.generateKeyPair();
    trustList = trustListFromIssuers([{ id: ISS, name: 'DVLA', keys: [{ ...issuerKeys.publicKey, kid: 'dvla-1' }], types: [VCT] }]);
    theirs = new SDJwtVcInstance({
      signer: await ES256.getSigner(issuerKeys.privateKey),
      verifier: await ES256.getVerifier(issuerKeys.publicKey),
      signAlg: ES256.alg,
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
      kbSigner: await ES256.getSigner(holder.privateJwk),
      kbSignAlg: ES256.alg,
      kbVerifier: async (data, sig, payload) => {
        const jwk = (payload.cnf as { jwk: JsonWebKey }).jwk;
        return (await ES256.getVerifier(jwk))(data, sig);
      },
    });
    credential = await theirs.issue(
      { ...claims, cnf: { jwk: holder.publicJwk } },
      { _sd: ['given_name', 'family_name', 'address', 'nationalities'], address: { _sd: ['street'] }, nationalities: { _sd: [0, 1] }, _sd_decoy: 2 },
      { header: { kid: 'dvla-1' } },
    );
  });

  it('their typ is dc+sd-jwt', () => {
    expect(JSON.parse(Buffer.from(credential.split('.')[0]!, 'base64url').toString())).toMatchObject({ typ: 'dc+sd-jwt', alg: 'ES256', kid: 'dvla-1' });
  });

  it('a credential they issue verifies here, with the same claims', async () => {
    const report = await verifyCredential(credential, { trustList, verifier: nobleVerifier, now });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.claims).toEqual({ ...claims, cnf: { jwk: holder.publicJwk } });
  });

  it('a presentation they make verifies here', async () => {
    const presentation = await theirs.present(credential, { given_name: true, address: { street: true } }, { kb: { payload: { iat: nowS, aud: AUD, nonce: NONCE } } });
    const report = await verifyPresentation(presentation, { trustList, verifier: nobleVerifier, now, audience: AUD, nonce: NONCE });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.claims.given_name).toBe('Ada');
    expect(report.claims.address).toEqual({ street: '1 Queen St', locality: 'Cardiff' });
    expect(report.claims).not.toHaveProperty('family_name');
    const wrongNonce = await verifyPresentation(presentation, { trustList, verifier: nobleVerifier, now, audience: AUD, nonce: 'other' });
    expect(wrongNonce.valid).toBe(false);
  });

  it('a presentation made here verifies there, disclosing exactly what was chosen', async () => {
    const presentation = await createPresentation(credential, { disclose: [['family_name'], ['nationalities', 1]], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now });
    const result = await theirs.verify(presentation, { keyBindingNonce: NONCE, currentDate: nowS });
    const payload = result.payload as Record<string, unknown>;
    expect(payload.family_name).toBe('Lovelace');
    expect(payload.nationalities).toEqual(['FR']);
    expect(payload).not.toHaveProperty('given_name');
    expect(payload).not.toHaveProperty('address');
    expect((result as { kb?: { payload: { aud: string } } }).kb?.payload.aud).toBe(AUD);
  });

  it('they refuse a presentation made here that was altered after signing', async () => {
    const presentation = await createPresentation(credential, { disclose: [['family_name'], ['given_name']], audience: AUD, nonce: NONCE, holderKey: holder.privateKey, now });
    const parts = presentation.split('~');
    const dropped = [...parts.slice(0, 1), ...parts.slice(2)].join('~');
    await expect(theirs.verify(dropped, { keyBindingNonce: NONCE, currentDate: nowS })).rejects.toThrow();
    await expect(theirs.verify(presentation, { keyBindingNonce: 'other', currentDate: nowS })).rejects.toThrow();
  });

  it('an EdDSA credential issued through their library verifies here', async () => {
    const secret = ed25519.utils.randomSecretKey();
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(ed25519.getPublicKey(secret)), kid: 'ed-1' };
    const ed = new SDJwtVcInstance({
      signer: (data: string) => base64urlEncode(ed25519.sign(new TextEncoder().encode(data), secret)),
      signAlg: 'EdDSA',
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
    });
    const raw = await ed.issue({ ...claims }, { _sd: ['given_name'] }, { header: { kid: 'ed-1' } });
    const list = trustListFromIssuers([{ id: ISS, name: 'DVLA', keys: [jwk], types: [VCT] }]);
    const report = await verifyCredential(raw, { trustList: list, verifier: nobleVerifier, now });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.claims.given_name).toBe('Ada');
  });

  it('a credential issued with prepareSdJwtVc verifies there', async () => {
    const issuerKeys = await ES256.generateKeyPair();
    const sign = await ES256.getSigner(issuerKeys.privateKey);
    const vc = prepareSdJwtVc({ alg: 'ES256', claims: { iss: ISS, vct: VCT, iat: nowS - 60, exp: nowS + 3600 }, disclosable: { given_name: 'Ada', over_18: true }, decoys: 2 });
    const raw = vc.finish(new Uint8Array(Buffer.from(await sign(vc.signingInput), 'base64url')));
    const other = new SDJwtVcInstance({ verifier: await ES256.getVerifier(issuerKeys.publicKey), hasher: digest, hashAlg: 'sha-256' });
    const result = await other.verify(raw, { currentDate: nowS });
    expect(result.payload).toMatchObject({ iss: ISS, vct: VCT, given_name: 'Ada', over_18: true });
  });
});
