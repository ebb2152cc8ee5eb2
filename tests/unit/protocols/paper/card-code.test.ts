/**
 * The printed code of a paper card, `SC1:` + Base45(ZLIB(COSE_Sign1)): our ZLIB read by Node's
 * zlib (RFC 1950, code we did not write) and Node's read by ours; a round trip; and every way a
 * scanned code can be wrong (not a card's, cut short, a character misread, a bomb).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import dcc from '../../../vectors/eu-dcc/dgc-readme-example.json';
import { decodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { coseSign1VerifyItem, parseCoseSign1 } from '../../../../src/credentials/formats/mso-mdoc/cose';
import { base45Decode, base45Encode } from '../../../../src/lib/base45';
import { CardCodeError, decodeCardCode, encodeCardCode, MAX_CARD_BYTES } from '../../../../src/protocols/paper/card-code';
import { nobleVerify } from '../../../shared/credentials/helpers';

const cose = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 251);

async function rejection(text: string): Promise<CardCodeError> {
  const error = await decodeCardCode(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardCodeError);
  return error as CardCodeError;
}

describe('the card code (SC1: + Base45 + ZLIB)', () => {
  it('encodes as SC1: and alphanumeric-mode characters only, and decodes back', async () => {
    const code = await encodeCardCode(cose);
    expect(code.startsWith('SC1:')).toBe(true);
    expect(code).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(await decodeCardCode(code)).toEqual(cose);
  });

  it('writes ZLIB that Node\'s zlib inflates (RFC 1950 header and Adler-32 checked)', async () => {
    const code = await encodeCardCode(cose);
    const compressed = base45Decode(code.slice(4));
    expect(new Uint8Array(inflateSync(compressed))).toEqual(cose);
  });

  it('reads a code made with Node\'s zlib (as the EU DCC\'s HC1: codes are made)', async () => {
    const code = 'SC1:' + base45Encode(new Uint8Array(deflateSync(cose, { level: 9 })));
    expect(await decodeCardCode(code)).toEqual(cose);
    // A scanner may add whitespace around the text.
    expect(await decodeCardCode(`  ${code}\n`)).toEqual(cose);
  });

  it('reads a real EU DCC HC1: code (dgc-testdata): the same Base45 and ZLIB chain, and its ES256 COSE_Sign1 checks with its signer\'s key', async () => {
    const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
    expect(base45Decode(dcc.BASE45)).toEqual(hex(dcc.COMPRESSED));
    // The chain is the HC1 chain with another prefix: the same text under SC1: is read back to the same COSE bytes.
    const cose = await decodeCardCode(`SC1:${dcc.BASE45}`);
    expect(cose).toEqual(hex(dcc.COSE));
    const der = Uint8Array.from(atob(dcc.CERTIFICATE), (c) => c.charCodeAt(0));
    const publicKey = new Uint8Array(AsnConvert.parse(der, Certificate).tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
    const sign1 = parseCoseSign1(decodeCbor(cose, 'EU DCC'), 'EU DCC');
    expect(nobleVerify(coseSign1VerifyItem(sign1, { alg: 'ES256', publicKey }, 'EU DCC'))).toBe(true);
    // An HC1: code itself is not a Satchel card.
    expect((await rejection(dcc.PREFIX)).code).toBe('not-a-card');
  });

  it('a text without the SC1: prefix is not a card\'s code', async () => {
    for (const text of ['HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH', 'https://example.org', '']) {
      const e = await rejection(text);
      expect(e.code).toBe('not-a-card');
      expect(e.message).toMatch(/starts with "SC1:"/);
    }
  });

  it('a code cut short is damaged', async () => {
    const code = await encodeCardCode(cose);
    for (const cut of [code.length - 1, code.length - 3, Math.floor(code.length / 2), 5]) {
      const e = await rejection(code.slice(0, cut));
      expect(e.code).toBe('damaged');
      expect(e.message).toMatch(/Could not read this card's code/);
    }
  });

  it('a code with one character changed is damaged (Base45 refuses it, or ZLIB\'s checks fail)', async () => {
    const code = await encodeCardCode(cose);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    for (const at of [4, 10, Math.floor(code.length / 2), code.length - 2]) {
      const changed = alphabet[(alphabet.indexOf(code[at]!) + 1) % 45]!;
      const e = await rejection(code.slice(0, at) + changed + code.slice(at + 1));
      expect(e.code).toBe('damaged');
    }
    const lower = await rejection(code.slice(0, 10) + 'a' + code.slice(11));
    expect(lower.message).toMatch(/not one of Base45's 45 characters/);
  });

  it('a ZLIB bomb (a small code inflating past the cap) is damaged, saying so, without inflating it all', async () => {
    const bomb = 'SC1:' + base45Encode(new Uint8Array(deflateSync(new Uint8Array(1024 * 1024), { level: 9 })));
    // Short enough for one QR code (4296 alphanumeric characters), so the inflater's cap is what stops it.
    expect(bomb.length).toBeLessThan(4296);
    const e = await rejection(bomb);
    expect(e.code).toBe('damaged');
    expect(e.message).toContain(`more than ${MAX_CARD_BYTES} bytes`);
  });

  it('a code longer than any QR code holds is damaged before it is decoded', async () => {
    const e = await rejection('SC1:' + '0'.repeat(5000));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/more than a QR code holds/);
  });

  it('Base45 that is not ZLIB (raw DEFLATE, plain bytes) is damaged', async () => {
    const e = await rejection('SC1:' + base45Encode(cose));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/ZLIB/);
  });
});
