/**
 * Wycheproof JOSE vectors (json_web_signature_test.json, json_web_key_test.json) run through
 * Satchel's JWS path: parse (RFC 7515 §5.2), key from JWK (RFC 7517), key picked by kid, signature
 * checked with the noble test verifier. Satchel's allow-list is ES256 and EdDSA only, so a JWS
 * that Wycheproof marks valid under any other algorithm (HS*, RS*, PS*, ES384/512) must be refused
 * here. Any `result` other than valid / invalid fails the run.
 */
import { describe, expect, it } from 'vitest';
import jwsTests from '../../vectors/wycheproof/json_web_signature_test.json';
import jwkTests from '../../vectors/wycheproof/json_web_key_test.json';
import { jwsVerifyItem, parseJwsParts } from '../../../src/credentials/jws';
import { publicKeyFromJwk } from '../../../src/credentials/jwk';
import { selectKey } from '../../../src/credentials/trust-list';
import { nobleVerify } from './helpers';

interface Group {
  comment?: string;
  public?: unknown;
  tests: { tcId: number; comment: string; jws: unknown; result: string; flags?: string[] }[];
}

const ALLOWED = new Set(['ES256', 'EdDSA']);

function keysOf(publicPart: unknown): unknown[] {
  if (publicPart === undefined) return [];
  if (typeof publicPart === 'object' && publicPart !== null && Array.isArray((publicPart as { keys?: unknown }).keys)) return (publicPart as { keys: unknown[] }).keys;
  return [publicPart];
}

function satchelAccepts(jws: unknown, publicPart: unknown): boolean {
  if (typeof jws !== 'string') return false; // JSON serialization is not accepted
  try {
    const parsed = parseJwsParts(jws, 'JWS');
    const keys = keysOf(publicPart).map((k, i) => publicKeyFromJwk(k, `key ${i}`));
    if (keys.length === 0) return false; // symmetric (private-only) groups: no public key to trust
    const key = selectKey(keys, parsed.header, 'the test key set');
    return nobleVerify(jwsVerifyItem(parsed, key, 'JWS'));
  } catch {
    return false;
  }
}

function algOf(jws: unknown): string | undefined {
  if (typeof jws !== 'string') return undefined;
  try {
    const header = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(jws.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as { alg?: string };
    return header.alg;
  } catch {
    return undefined;
  }
}

function runFile(name: string, groups: Group[], hasValidAllowedCases: boolean): void {
  describe(`Wycheproof ${name}`, () => {
    let acceptedValid = 0;
    for (const group of groups) {
      it(`${group.comment ?? 'group'} (${group.tests.length} cases)`, () => {
        for (const t of group.tests) {
          if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`tcId ${t.tcId}: unknown result ${t.result}`);
          const alg = algOf(t.jws);
          const expected = t.result === 'valid' && alg !== undefined && ALLOWED.has(alg);
          expect(satchelAccepts(t.jws, group.public), `tcId ${t.tcId} ${t.comment} (${alg}, ${t.result})`).toBe(expected);
          if (expected) acceptedValid++;
        }
      });
    }
    // The JWS file has valid ES256 cases; accepting them shows the runner can say yes.
    // (json_web_key_test has only invalid ES256 cases.)
    it(`accepted ${hasValidAllowedCases ? 'some' : 'no'} valid ES256/EdDSA cases`, () => {
      expect(acceptedValid > 0).toBe(hasValidAllowedCases);
    });
  });
}

export function wycheproofJoseSpecs(): void {
  runFile('json_web_signature_test', jwsTests.testGroups as unknown as Group[], true);
  runFile('json_web_key_test', jwkTests.testGroups as unknown as Group[], false);
}
