/** The reference issuer's key-proof check (OpenID4VCI 1.0 Appendix F.1): each rule refuses its bad proof. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyProof } from '../../../src/protocols/openid4vci/index';
import { checkKeyProof } from '../../../src/server/reference/proof-check';
import { IssuerError } from '../../../src/server/reference/issuer-error';

const AUD = 'https://dvla.example.gov.uk';
const NOW_S = 1_800_000_000;

let publicJwk: JsonWebKey;
let privateJwk: JsonWebKey;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  publicJwk = { kty, crv, x, y };
});

const signer = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data as Uint8Array<ArrayBuffer>));
const proof = (overrides: { issuer?: string; nonce?: string; nowS?: number } = {}) =>
  createKeyProof({ issuer: overrides.issuer ?? AUD, nonce: overrides.nonce ?? 'n1', publicJwk, sign: signer, now: () => (overrides.nowS ?? NOW_S) * 1000 });

async function resign(jwt: string, header: (h: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const [h, p] = jwt.split('.');
  const newHeader = Buffer.from(JSON.stringify(header(JSON.parse(Buffer.from(h!, 'base64url').toString())))).toString('base64url');
  const sig = await signer(new TextEncoder().encode(`${newHeader}.${p}`));
  return `${newHeader}.${p}.${Buffer.from(sig).toString('base64url')}`;
}

function expectations(nonces = new Set(['n1'])) {
  return { audience: AUD, nowS: NOW_S, takeNonce: (n: unknown) => typeof n === 'string' && nonces.delete(n) };
}

async function refused(jwt: unknown, error: string, nonces?: Set<string>): Promise<void> {
  const e = await checkKeyProof(jwt, expectations(nonces)).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(IssuerError);
  expect((e as IssuerError).error).toBe(error);
}

describe('checkKeyProof', () => {
  it('accepts a proof made by the wallet client and returns the public key', async () => {
    expect(await checkKeyProof(await proof(), expectations())).toEqual(publicJwk);
  });

  it('refuses a replayed nonce (invalid_nonce)', async () => {
    const nonces = new Set(['n1']);
    const jwt = await proof();
    await checkKeyProof(jwt, expectations(nonces));
    await refused(jwt, 'invalid_nonce', nonces);
  });

  it('refuses an unknown nonce (invalid_nonce)', async () => refused(await proof({ nonce: 'other' }), 'invalid_nonce'));
  it('refuses another audience', async () => refused(await proof({ issuer: 'https://evil.example' }), 'invalid_proof'));
  it('refuses a stale iat', async () => refused(await proof({ nowS: NOW_S - 301 }), 'invalid_proof'));
  it('refuses a wrong typ', async () => refused(await resign(await proof(), (h) => ({ ...h, typ: 'JWT' })), 'invalid_proof'));
  it('refuses a jwk with the private key in it', async () => refused(await resign(await proof(), (h) => ({ ...h, jwk: privateJwk })), 'invalid_proof'));
  it('refuses a tampered signature', async () => {
    const jwt = await proof();
    await refused(`${jwt.slice(0, -4)}${jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`, 'invalid_proof');
  });
  it('refuses garbage', async () => {
    await refused('not a jwt', 'invalid_proof');
    await refused(42, 'invalid_proof');
    await refused('e30.e30.', 'invalid_proof');
  });
});
