/** The DeviceRequest a request QR carries for its mdoc queries (ISO/IEC 18013-5 §8.3.2.1.2.1; docs/sharing.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { decodeCbor, encodeCbor, embedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { dcqlWithDocRequests, readDeviceRequest, withDeviceRequest } from '../../../../src/protocols/in-person/device-request';
import { decodeRequestQr, encodeRequestQr, REQUEST_QR_MAX_CHARS } from '../../../../src/protocols/in-person/request-qr';
import { inflateRaw } from '../../../../src/lib/deflate';
import { dcqlFor } from '../../../../src/wallet/shared/purposes';

const annexD = JSON.parse(readFileSync('tests/vectors/mdoc/iso18013-5_annex_d.json', 'utf8')) as { hex: Record<string, string> };
const ISO = 'org.iso.18013.5.1';
const MDL = 'org.iso.18013.5.1.mDL';
const NOW = new Date('2026-06-01T12:00:00Z');

async function qr(dcqlQuery: unknown): Promise<string> {
  const { publicJwk } = await generateRecipientKey();
  return encodeRequestQr({ clientId: 'satchel-in-person:abc', verifierName: 'The Red Lion', nonce: 'n-123456789012345678901', dcqlQuery, encryptionKey: { ...publicJwk, kid: 'k' }, issuedAt: NOW, expiresAt: new Date(NOW.getTime() + 300_000), purpose: 'over-18' });
}

async function qrBody(text: string): Promise<Record<string, unknown>> {
  return JSON.parse(new TextDecoder().decode(await inflateRaw(base64urlDecode(text.slice(5))!, 1 << 16))) as Record<string, unknown>;
}

describe('DeviceRequest (ISO/IEC 18013-5 §8.3.2.1.2.1)', () => {
  it('Annex D\'s DeviceRequest reads as the mDL query it makes: six elements, portrait not to be retained; readerAuth ignored', () => {
    const [doc, ...more] = readDeviceRequest(Buffer.from(annexD.hex.DEVICE_REQUEST!, 'hex'));
    expect(more).toEqual([]);
    expect(doc!('mdl')).toEqual({
      id: 'mdl',
      format: 'mso_mdoc',
      meta: { doctype_value: MDL },
      claims: ['family_name', 'document_number', 'driving_privileges', 'issue_date', 'expiry_date'].map((e) => ({ path: [ISO, e], intent_to_retain: true })).concat([{ path: [ISO, 'portrait'], intent_to_retain: false }]),
    });
  });

  it('the over-18 purpose: the mDL query goes as a DocRequest, a stub keeps its id and place, the SD-JWT query stays DCQL', () => {
    const { query } = dcqlFor({ purpose: 'over-18' });
    const { dcqlQuery, deviceRequest } = withDeviceRequest(query);
    expect((dcqlQuery as { credentials: unknown[] }).credentials[1]).toEqual({ id: 'over_18_mso_mdoc', format: 'mso_mdoc', doc_request: 0 });
    expect((dcqlQuery as { credentials: unknown[] }).credentials[0]).toEqual((query.credentials as unknown[])[0]);
    // The CBOR as ISO/IEC 18013-5 writes it: version, docRequests, itemsRequest as tag 24.
    const decoded = decodeCbor(base64urlDecode(deviceRequest!)!, 'DeviceRequest') as Map<string, unknown>;
    expect(decoded.get('version')).toBe('1.0');
    const items = decodeCbor(((decoded.get('docRequests') as Map<string, { bytes: Uint8Array }>[])[0]!.get('itemsRequest')!).bytes, 'ItemsRequest');
    expect(items).toEqual(new Map<string, unknown>([['docType', MDL], ['nameSpaces', new Map([[ISO, new Map([['age_over_18', false]])]])]]));
    // Read back, it is the query that was split (intent_to_retain now said: false).
    expect(dcqlWithDocRequests(dcqlQuery, deviceRequest)).toEqual({ ...query, credentials: [(query.credentials as unknown[])[0], { ...(query.credentials as Record<string, unknown>[])[1], claims: [{ path: [ISO, 'age_over_18'], intent_to_retain: false }] }] });
  });

  it('a request QR for the over-18 and identity purposes carries the DeviceRequest and fits one QR code', async () => {
    for (const purpose of ['over-18', 'identity'] as const) {
      const text = await qr(dcqlFor({ purpose }).query);
      expect(text.length, purpose).toBeLessThanOrEqual(REQUEST_QR_MAX_CHARS);
      const code = qrcode(0, 'M');
      code.addData(text, 'Byte');
      code.make();
      expect(typeof (await qrBody(text)).device_request).toBe('string');
      const read = await decodeRequestQr(text, NOW);
      const mdoc = read.dcql.credentials.find((c) => c.format === 'mso_mdoc')!;
      expect(mdoc.doctypeValue).toBe(MDL);
      expect(mdoc.claims!.every((c) => c.path[0] === ISO && c.intentToRetain === false)).toBe(true);
      expect(read.dcql.credentialSets).toHaveLength(1);
    }
  });

  it('an mdoc query an ItemsRequest cannot say (claim ids, values, claim_sets) stays DCQL', () => {
    const query = { credentials: [{ id: 'm', format: 'mso_mdoc', meta: { doctype_value: MDL }, claims: [{ id: 'a', path: [ISO, 'age_over_18'], values: [true] }] }] };
    expect(withDeviceRequest(query)).toEqual({ dcqlQuery: query });
    expect(withDeviceRequest({ credentials: [{ id: 'x', format: 'dc+sd-jwt', meta: { vct_values: ['v'] } }] }).deviceRequest).toBeUndefined();
  });

  const stub = { credentials: [{ id: 'm', format: 'mso_mdoc', doc_request: 0 }] };
  const docRequest = (itemsRequest: unknown, version: unknown = '1.0') => base64urlEncode(encodeCbor(new Map<string, unknown>([['version', version], ['docRequests', [new Map([['itemsRequest', itemsRequest]])]]])));
  const goodItems = new Map<string, unknown>([['docType', MDL], ['nameSpaces', new Map([[ISO, new Map([['age_over_18', false]])]])]]);

  it.each([
    ['another version', docRequest(embedCbor(goodItems), '2.0'), stub, /version/],
    ['an ItemsRequest not embedded as tag 24', docRequest(goodItems), stub, /tag 24/],
    ['an element mapped to something not a bool', docRequest(embedCbor(new Map<string, unknown>([['docType', MDL], ['nameSpaces', new Map([[ISO, new Map([['age_over_18', 1]])]])]]))), stub, /IntentToRetain/],
    ['no docType', docRequest(embedCbor(new Map([['nameSpaces', new Map()]]))), stub, /docType/],
    ['no element asked', docRequest(embedCbor(new Map<string, unknown>([['docType', MDL], ['nameSpaces', new Map()]]))), stub, /no data element/],
    ['a stub pointing past the DocRequests', docRequest(embedCbor(goodItems)), { credentials: [{ id: 'm', format: 'mso_mdoc', doc_request: 1 }] }, /not there/],
    ['a DocRequest no stub uses', docRequest(embedCbor(goodItems)), { credentials: [{ id: 'x', format: 'dc+sd-jwt', meta: { vct_values: ['v'] } }] }, /does not use/],
    ['truncated CBOR', docRequest(embedCbor(goodItems)).slice(0, 20), stub, /truncated|CBOR/],
    ['not base64url', '!!', stub, /base64url/],
  ])('refuses %s, saying what is wrong', (_name, deviceRequest, dcql, message) => {
    expect(() => dcqlWithDocRequests(dcql, deviceRequest)).toThrow(message);
  });

  it('a request QR whose DeviceRequest is damaged is refused as malformed before anything is matched', async () => {
    const text = await qr(dcqlFor({ purpose: 'over-18' }).query);
    const body = await qrBody(text);
    const { deflateRaw } = await import('../../../../src/lib/deflate');
    const damaged = `SVQ1.${base64urlEncode(await deflateRaw(new TextEncoder().encode(JSON.stringify({ ...body, device_request: (body.device_request as string).slice(0, 30) }))))}`;
    await expect(decodeRequestQr(damaged, NOW)).rejects.toMatchObject({ code: 'malformed', message: expect.stringContaining('mdoc request') });
  });
});
