/**
 * Published vectors: every RFC 9901 compact example, the SD-JWT VC draft examples, every Token
 * Status List encoding vector and the signed status list tokens, and RFC 7515 A.3 (ES256).
 */
import { describe, expect, it } from 'vitest';
import rfc9901 from '../../vectors/sd-jwt/rfc9901_examples.json';
import sdJwtVc from '../../vectors/sd-jwt-vc/sd_jwt_vc_examples.json';
import encodings from '../../vectors/status-list/status_list_encoding_vectors.json';
import tokens from '../../vectors/status-list/status_list_tokens.json';
import rfc7515 from '../../vectors/rfc/rfc7515_a3_es256.json';
import rfc8037 from '../../vectors/rfc/rfc8037_ed25519_jose.json';
import { parseSdJwt } from '../../../src/credentials/formats/sd-jwt-vc/sd-jwt';
import { processSdJwtPayload } from '../../../src/credentials/formats/sd-jwt-vc/sd-jwt-process';
import { jwsVerifyItem, parseCompactJws, parseJwsParts } from '../../../src/credentials/jws';
import { publicKeyFromJwk } from '../../../src/credentials/jwk';
import { checkKeyBinding } from '../../../src/credentials/formats/sd-jwt-vc/key-binding';
import { decodeStatusList, statusAt } from '../../../src/credentials/status-list';
import { parseStatusListToken, statusReference } from '../../../src/credentials/status-token';
import { base64urlEncode } from '../../../src/lib/base64url';
import { trustListFromIssuers, verifyCredential, verifyPresentation } from '../../../src/credentials/index';
import { b64uJson, b64uText, nobleVerifier, nobleVerify, replaceSegment } from './helpers';

type Example = (typeof rfc9901.examples)[number] | (typeof sdJwtVc.examples)[number];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

function kbOf(e: Example): { aud: string; nonce: string; iat: number } | undefined {
  return 'kb_jwt_payload' in e && e.kb_jwt_payload ? (e.kb_jwt_payload as { aud: string; nonce: string; iat: number }) : undefined;
}

function checkExampleLowLevel(e: Example): void {
  const sd = parseSdJwt(e.sd_jwt_presentation);
  // RFC 9901 §7.1: the issuer signature verifies with the issuer key...
  const item = jwsVerifyItem(sd.jws, publicKeyFromJwk(e.issuer_public_jwk, 'issuer'), 'issuer JWT');
  expect(nobleVerify(item)).toBe(true);
  // ...and processing reproduces the published payload.
  expect(processSdJwtPayload(sd.jws.payload, sd.disclosures).claims).toEqual(e.expected_processed_payload);
  expect(sd.disclosures.length).toBe(e.presentation_disclosures.length);
  const kb = kbOf(e);
  expect(sd.kbJwt !== undefined).toBe(e.presentation_has_kb_jwt);
  if (kb && sd.kbJwt) {
    // §7.3: the key binding verifies for the published audience and nonce, and not for others.
    const kbItem = checkKeyBinding(sd.kbJwt, sd.withoutKb, sd.jws.payload, { nowS: kb.iat, audience: kb.aud, nonce: kb.nonce });
    expect(nobleVerify(kbItem)).toBe(true);
    expect(() => checkKeyBinding(sd.kbJwt!, sd.withoutKb, sd.jws.payload, { nowS: kb.iat, audience: 'https://other.example', nonce: kb.nonce })).toThrow(/different verifier/);
    expect(() => checkKeyBinding(sd.kbJwt!, sd.withoutKb, sd.jws.payload, { nowS: kb.iat, audience: kb.aud, nonce: 'other' })).toThrow(/nonce/);
    const tamperedSig = sd.kbJwt.slice(0, -4) + (sd.kbJwt.endsWith('AAAA') ? 'BBBA' : 'AAAA');
    const bad = checkKeyBinding(tamperedSig, sd.withoutKb, sd.jws.payload, { nowS: kb.iat, audience: kb.aud, nonce: kb.nonce });
    expect(nobleVerify(bad)).toBe(false);
  }
  if ('sd_jwt_issuance' in e && e.sd_jwt_issuance) {
    // The issuance form carries every disclosure: all user claims come back.
    const all = parseSdJwt(e.sd_jwt_issuance);
    const claims = processSdJwtPayload(all.jws.payload, all.disclosures).claims;
    expect(claims).toMatchObject(e.user_claims as Record<string, unknown>);
  }
  // A tampered payload no longer verifies.
  const tampered = parseSdJwt(replaceSegment(e.sd_jwt_presentation, 1, b64uJson({ ...e.sd_jwt_payload, iat: 1 })));
  expect(nobleVerify(jwsVerifyItem(tampered.jws, publicKeyFromJwk(e.issuer_public_jwk, 'issuer'), 'issuer JWT'))).toBe(false);
}

export function vectorSpecs(): void {
  describe('RFC 9901 examples (rfc9901_examples.json)', () => {
    it('has the five published examples', () => {
      expect(rfc9901.examples.map((e) => e.name)).toEqual(['simple', 'simple_structured', 'complex_ekyc', 'arf_pid_sd_jwt_vc', 'jsonld_w3c_vc']);
    });
    for (const e of rfc9901.examples) {
      it(`${e.name} (§${e.rfc9901_section}): signature, processed payload, key binding`, () => checkExampleLowLevel(e));
    }
    it('arf_pid_sd_jwt_vc verifies end to end as a presentation against a trust list', async () => {
      const e = rfc9901.examples.find((x) => x.name === 'arf_pid_sd_jwt_vc')!;
      const kb = kbOf(e)!;
      const trustList = trustListFromIssuers([{ id: e.sd_jwt_payload.iss as string, name: 'PID issuer', keys: [e.issuer_public_jwk], types: ['urn:eudi:pid:de:1'] }]);
      const report = await verifyPresentation(e.sd_jwt_presentation, { trustList, verifier: nobleVerifier, now: new Date(kb.iat * 1000), audience: kb.aud, nonce: kb.nonce });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.claims).toEqual(e.expected_processed_payload);
    });
  });

  describe('SD-JWT VC draft examples (sd_jwt_vc_examples.json)', () => {
    for (const e of sdJwtVc.examples) {
      it(`${e.name} (${e.section}): low-level checks`, () => checkExampleLowLevel(e));
      it(`${e.name}: verifies end to end`, async () => {
        const jwk = e.issuer_jwt_header.kid ? { ...e.issuer_public_jwk, kid: e.issuer_jwt_header.kid } : e.issuer_public_jwk;
        const payload = e.sd_jwt_payload as { iss: string; vct: string };
        const trustList = trustListFromIssuers([{ id: payload.iss, name: 'Example issuer', keys: [jwk], types: [payload.vct] }]);
        const kb = kbOf(e);
        const report = kb
          ? await verifyPresentation(e.sd_jwt_presentation, { trustList, verifier: nobleVerifier, now: new Date(kb.iat * 1000), audience: kb.aud, nonce: kb.nonce })
          : await verifyCredential(e.sd_jwt_presentation, { trustList, verifier: nobleVerifier, now: new Date(1_700_000_000_000) });
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        expect(report.valid).toBe(true);
        expect(report.format).toBe('dc+sd-jwt');
        expect(report.type).toBe(payload.vct);
        expect(report.claims).toEqual(e.expected_processed_payload);
        // The same credential with a different vct allowed is refused by the trust list.
        const narrow = trustListFromIssuers([{ id: payload.iss, name: 'Example issuer', keys: [jwk], types: ['urn:other'] }]);
        const refused = await verifyCredential(e.sd_jwt_presentation.slice(0, e.sd_jwt_presentation.lastIndexOf('~') + 1), { trustList: narrow, verifier: nobleVerifier, now: new Date(1_700_000_000_000) });
        expect(refused.valid).toBe(false);
        expect(refused.checks.find((c) => c.name === 'issuer-trusted')?.ok).toBe(false);
      });
    }
  });

  describe('Token Status List encoding vectors (status_list_encoding_vectors.json)', () => {
    it('covers bits 1, 2, 4 and 8', () => {
      expect(new Set(encodings.cases.map((c) => c.bits))).toEqual(new Set([1, 2, 4, 8]));
    });
    for (const c of encodings.cases) {
      it(`${c.name}: inflates to the published bytes and statuses`, async () => {
        const list = await decodeStatusList(c.json);
        expect(list.bits).toBe(c.bits);
        expect(list.bytes.length).toBe(c.decompressed_byte_length);
        expect(list.size).toBe(c.size);
        expect(await sha256Hex(list.bytes)).toBe(c.decompressed_sha256);
        if ('decompressed_bytes_hex' in c && c.decompressed_bytes_hex) expect(hex(list.bytes)).toBe(c.decompressed_bytes_hex);
        if ('all_statuses' in c && c.all_statuses) {
          expect(c.all_statuses.map((_, i) => statusAt(list, i))).toEqual(c.all_statuses);
        }
        const nonzero = new Map<number, number>();
        for (const [i, v] of c.expected_nonzero_statuses as [number, number][]) if (v !== 0) nonzero.set(i, v);
        for (const [i, v] of nonzero) expect(statusAt(list, i), `index ${i}`).toBe(v);
        // Every other index is VALID (0): count the non-zero entries over the whole list.
        let count = 0;
        for (let i = 0; i < list.size; i++) if (statusAt(list, i) !== 0) count++;
        expect(count).toBe(nonzero.size);
        expect(statusAt(list, c.size)).toBeUndefined();
      });
    }
  });

  describe('signed status list tokens (status_list_tokens.json)', () => {
    const t = tokens.status_list_token_jwt;
    const uri = t.decoded_payload.sub;
    it('the statuslist+jwt token verifies with the kid-12 key and decodes its first 16 statuses', async () => {
      const token = await parseStatusListToken(t.compact, uri);
      expect(token.ttl).toBe(43200);
      expect(token.expires).toBe(t.decoded_payload.exp);
      const item = jwsVerifyItem(token.jws, publicKeyFromJwk(tokens.status_issuer_public_jwk, 'status key'), 'status list');
      expect(nobleVerify(item)).toBe(true);
      expect(Array.from({ length: 16 }, (_, i) => statusAt(token.list, i))).toEqual(t.expected_statuses_first_16);
    });
    it('the referenced SD-JWT points at index 0, which the signed list marks INVALID (1)', async () => {
      const r = tokens.referenced_token_sd_jwt;
      const sd = parseSdJwt(r.compact);
      expect(nobleVerify(jwsVerifyItem(sd.jws, publicKeyFromJwk(r.issuer_public_jwk, 'issuer'), 'issuer'))).toBe(true);
      expect(processSdJwtPayload(sd.jws.payload, sd.disclosures).claims).toEqual(r.expected_processed_payload);
      const ref = statusReference(sd.jws.payload)!;
      const token = await parseStatusListToken(t.compact, ref.uri);
      expect(statusAt(token.list, ref.idx)).toBe(r.expected_status);
    });
    it('a token for another uri is refused', async () => {
      await expect(parseStatusListToken(t.compact, 'https://example.com/statuslists/2')).rejects.toThrow(/different address/);
    });
  });

  describe('RFC 7515 A.3 (ES256 JWS)', () => {
    const key = publicKeyFromJwk({ kty: 'EC', crv: 'P-256', x: rfc7515.jwk.x, y: rfc7515.jwk.y }, 'A.3 key');
    it('verifies, and its signature is the published R‖S', () => {
      const jws = parseCompactJws(rfc7515.compact_jws, 'A.3');
      expect(jws.signingInput).toBe(rfc7515.signing_input);
      expect(base64urlEncode(jws.signature)).toBe(base64urlEncode(Uint8Array.from([...rfc7515.R_octets, ...rfc7515.S_octets])));
      expect(jws.payload).toEqual(JSON.parse(rfc7515.payload_utf8));
      expect(nobleVerify(jwsVerifyItem(jws, key, 'A.3'))).toBe(true);
    });
    for (const n of rfc7515.negative_cases_by_collector) {
      it(`collector case: ${n.description} → ${n.expected}`, () => {
        let valid: boolean;
        try {
          valid = nobleVerify(jwsVerifyItem(parseCompactJws(n.compact_jws, 'A.3 variant'), key, 'A.3 variant'));
        } catch {
          valid = false;
        }
        if (n.expected !== 'valid' && n.expected !== 'invalid') throw new Error(`unknown expected value ${n.expected}`);
        expect(valid).toBe(n.expected === 'valid');
      });
    }
  });

  describe('RFC 8037 A.4/A.5 (EdDSA JWS)', () => {
    it('verifies with the A.2 public key; the A.1 private JWK is refused as a verification key', () => {
      const jws = parseJwsParts(rfc8037['A.4_compact_jws'], 'A.4');
      expect(jws.alg).toBe('EdDSA');
      expect(jws.signingInput).toBe(rfc8037['A.4_signing_input']);
      expect(new TextDecoder().decode(jws.payloadBytes)).toBe(rfc8037['A.4_payload_utf8']);
      const key = publicKeyFromJwk(rfc8037['A.2_public_key_jwk'], 'A.2');
      expect(nobleVerify(jwsVerifyItem(jws, key, 'A.4'))).toBe(true);
      const other = parseJwsParts(rfc8037['A.4_compact_jws'].replace(rfc8037['A.4_payload_b64u'], b64uText('Example of Ed25519 signinG')), 'x');
      expect(nobleVerify(jwsVerifyItem(other, key, 'x'))).toBe(false);
      expect(() => publicKeyFromJwk(rfc8037['A.1_private_key_jwk'], 'A.1')).toThrow(/private key/);
      // The same key claimed for ES256 is refused before any signature check (RFC 8725 §3.1).
      expect(() => jwsVerifyItem({ ...jws, alg: 'ES256' }, key, 'x')).toThrow(/ES256 but the key is a EdDSA key/);
    });
  });
}
