/**
 * Signing keys of the reference departments and the trust-list operator: ES256 (P-256, RFC 7518
 * §3.4), generated with @sd-jwt/crypto-nodejs on first start and kept as JWKs (RFC 7517) in
 * `<dataDir>/keys.json`, so credentials, status lists and the pinned trust-list key survive a
 * restart. Demo keys only: stored unencrypted in a git-ignored folder.
 */
import { join } from 'node:path';
import { ES256 } from '@sd-jwt/crypto-nodejs';
import { base64urlEncode } from '../../lib/base64url';
import { jwkThumbprintSha256, type PublicJwk } from '../../credentials/index';
import { readJsonFile, writeJsonFile } from './json-file';

export interface KeyPair {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: PublicJwk;
  /** ES256 over the ASCII signing input; base64url r‖s (RFC 7515 §5.1 step 5). */
  sign(signingInput: string): Promise<string>;
}

type StoredKeys = Record<string, { kid: string; privateJwk: JsonWebKey }>;

/** RFC 7638 JWK thumbprint, base64url, as the kid. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  return base64urlEncode(jwkThumbprintSha256(jwk));
}

async function keyPair(kid: string, privateJwk: JsonWebKey): Promise<KeyPair> {
  const { kty, crv, x, y } = privateJwk;
  const signer = await ES256.getSigner(privateJwk);
  return { kid, privateJwk, publicJwk: { kty, crv, x, y, kid }, sign: signer };
}

/** Loads the named keys from the data folder, generating (and saving) any that are missing. */
export async function loadOrCreateKeys(dataDir: string, names: readonly string[]): Promise<Record<string, KeyPair>> {
  const path = join(dataDir, 'keys.json');
  const stored: StoredKeys = readJsonFile<StoredKeys>(path) ?? {};
  let changed = false;
  for (const name of names) {
    if (stored[name]) continue;
    const { privateKey } = await ES256.generateKeyPair();
    stored[name] = { kid: `${name}-${jwkThumbprint(privateKey).slice(0, 8)}`, privateJwk: privateKey };
    changed = true;
  }
  if (changed) writeJsonFile(path, stored);
  const out: Record<string, KeyPair> = {};
  for (const name of names) out[name] = await keyPair(stored[name]!.kid, stored[name]!.privateJwk);
  return out;
}
