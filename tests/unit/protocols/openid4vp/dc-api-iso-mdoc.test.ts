/**
 * ISO/IEC 18013-7 Annex C's request (`org-iso-mdoc`), read back with @owf/mdoc's CBOR decoder and
 * DeviceRequest parser (code we did not write); the SessionTranscript against a hand-made one.
 * The full round trip (an @owf/mdoc DeviceResponse HPKE-sealed and verified) is in
 * tests/browser/wallet/check/digital-credentials-iso-mdoc.test.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { cborDecode, cborEncode, DeviceRequest, DocRequest, ItemsRequest } from '@owf/mdoc';
import { describe, expect, it } from 'vitest';
import { base64urlDecode } from '../../../../src/lib/base64url';
import { DC_API_PROTOCOL_ISO_MDOC, isoMdocRequest, isoMdocSessionTranscript, openIsoMdocAnswer } from '../../../../src/protocols/openid4vp/dc-api-iso-mdoc';

const deviceRequest = DeviceRequest.create({ docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: 'org.iso.18013.5.1.mDL', namespaces: { 'org.iso.18013.5.1': { age_over_18: false } } }) })] }).encode();
const point = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : i));
const nonce = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);

describe('the org-iso-mdoc request (Annex C)', () => {
  it('carries the DeviceRequest and EncryptionInfo = ["dcapi", { nonce, recipientPublicKey: COSE_Key }], both base64url', () => {
    const { request, encryptionInfo } = isoMdocRequest({ deviceRequest, recipientPublicKey: point, nonce });
    expect(request.protocol).toBe(DC_API_PROTOCOL_ISO_MDOC);
    expect(request.data.encryptionInfo).toBe(encryptionInfo);
    const decodedRequest = DeviceRequest.decode(base64urlDecode(request.data.deviceRequest as string)!);
    expect(decodedRequest.docRequests[0]!.itemsRequest.docType).toBe('org.iso.18013.5.1.mDL');
    const [tag, parameters] = cborDecode<[string, Map<string, unknown>]>(base64urlDecode(encryptionInfo)!);
    expect(tag).toBe('dcapi');
    expect(parameters.get('nonce')).toEqual(nonce);
    // RFC 9053 §7.1.1: kty EC2 (2), crv P-256 (1), x, y.
    expect(parameters.get('recipientPublicKey')).toEqual(new Map<number, unknown>([[1, 2], [-1, 1], [-2, point.slice(1, 33)], [-3, point.slice(33)]]));
  });

  it('refuses a key that is not an uncompressed P-256 point, and a nonce under 16 bytes', () => {
    expect(() => isoMdocRequest({ deviceRequest, recipientPublicKey: point.subarray(0, 33), nonce })).toThrow(/uncompressed P-256/);
    expect(() => isoMdocRequest({ deviceRequest, recipientPublicKey: point, nonce: nonce.subarray(0, 15) })).toThrow(/at least 16 bytes/);
  });

  it('binds the SessionTranscript to the EncryptionInfo text and the origin: [null, null, ["dcapi", SHA-256(cbor([info, origin]))]]', () => {
    const { encryptionInfo } = isoMdocRequest({ deviceRequest, recipientPublicKey: point, nonce });
    const expected = cborEncode([null, null, ['dcapi', sha256(cborEncode([encryptionInfo, 'https://checker.example']))]]);
    expect(isoMdocSessionTranscript(encryptionInfo, 'https://checker.example')).toEqual(expected);
    expect(isoMdocSessionTranscript(encryptionInfo, 'https://elsewhere.example')).not.toEqual(expected);
  });

  it('refuses an answer of another protocol, or with no response, saying so', async () => {
    const key = { privateKey: {} as CryptoKey, publicKey: point, sessionTranscript: new Uint8Array(1) };
    await expect(openIsoMdocAnswer({ protocol: 'openid4vp-v1-unsigned', data: {} }, key)).rejects.toThrow(/openid4vp-v1-unsigned/);
    await expect(openIsoMdocAnswer({ protocol: DC_API_PROTOCOL_ISO_MDOC, data: {} }, key)).rejects.toThrow(/no encrypted response/);
    await expect(openIsoMdocAnswer('garbage', key)).rejects.toThrow(/nothing readable/);
  });
});
