/**
 * Whatever bytes arrive, the mso_mdoc module answers with a DataError (or CheckError) saying what
 * is wrong, never another exception: random byte changes, cuts and insertions in real mdocs (the
 * Annex D DeviceResponse, an auth0 DeviceResponse, a stored IssuerSigned), and arbitrary CBOR.
 * detect, peekStatusUri and peekHolderProof never throw at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import auth0 from '../../../vectors/mdoc/auth0-lab-mdl_examples.json';
import { encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { msoMdocFormat } from '../../../../src/credentials/formats/mso-mdoc/index';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { DataError } from '../../../../src/lib/errors';
import { buildIssuerSigned } from './build-mdoc';

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

const samples = [
  fromHex(annexD.hex.DEVICE_RESPONSE),
  fromHex(auth0.examples[1]!.device_response_hex),
  base64urlDecode(buildIssuerSigned({ status: new Map([['status_list', new Map<string, unknown>([['idx', 3], ['uri', 'https://x.example/s']])]]) }).raw)!,
];

/** Runs every entry point on `raw`: each either answers or throws DataError. */
function onlyDataErrors(raw: string): void {
  for (const run of [() => msoMdocFormat.parse(raw), () => msoMdocFormat.read(raw), () => msoMdocFormat.holderJwk(raw)]) {
    try {
      run();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
    }
  }
  expect(() => msoMdocFormat.detect(raw)).not.toThrow();
  expect(() => msoMdocFormat.peekStatusUri(raw)).not.toThrow();
  expect(() => msoMdocFormat.peekHolderProof(raw)).not.toThrow();
}

const mutation = fc.record({
  sample: fc.nat({ max: samples.length - 1 }),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
});

type Edit = { kind: 'flip'; at: number; bits: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; byte: number };

function mutate(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let out = Array.from(bytes);
  for (const edit of edits) {
    const at = edit.at % Math.max(out.length, 1);
    if (edit.kind === 'flip') out[at] = out[at]! ^ edit.bits;
    else if (edit.kind === 'cut') out = out.slice(0, at);
    else out.splice(at, 0, edit.byte);
  }
  return Uint8Array.from(out);
}

describe('damaged mdocs', () => {
  it('random flips, cuts and insertions in real mdocs give DataErrors only', () => {
    fc.assert(
      fc.property(mutation, ({ sample, edits }) => onlyDataErrors(base64urlEncode(mutate(samples[sample]!, edits)))),
      { numRuns: 400 },
    );
  });

  it('arbitrary CBOR values give DataErrors only', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 8 }), fc.array(tie('any'), { maxLength: 4 }), tie('map')),
      map: fc.array(fc.tuple(fc.oneof(fc.constantFrom('version', 'documents', 'status', 'issuerAuth', 'nameSpaces', 'docType', 'issuerSigned', 'deviceSigned'), fc.string(), fc.integer()), tie('any')), { maxLength: 5 }).map((entries) => new Map(entries)),
    }));
    fc.assert(fc.property(value.map, (map) => onlyDataErrors(base64urlEncode(encodeCbor(map)))), { numRuns: 300 });
  });

  it('text that is not base64url at all', () => {
    fc.assert(fc.property(fc.string({ maxLength: 64 }), (text) => onlyDataErrors(text)), { numRuns: 200 });
  });
});
