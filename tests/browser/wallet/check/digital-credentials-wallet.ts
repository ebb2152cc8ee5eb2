/**
 * A wallet app on this device, for the Digital Credentials API tests: what navigator.credentials.get
 * resolves with, its presentations made by code we did not write — an SD-JWT VC licence by
 * @sd-jwt/sd-jwt-vc (KB-JWT with the aud and nonce given, OpenID4VP 1.0 §A.4) and an mDL
 * DeviceResponse by @owf/mdoc device-signed over the OpenID4VPDCAPIHandover SessionTranscript
 * @owf/mdoc builds itself (B.2.6.2) — and its answer encrypted by jose to the request's key
 * (dc_api.jwt, §8.3). With the trust list that names their issuer (key and IACA).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { cborDecode, cborEncode, CoseKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSigned, ItemsRequest, QrHandover, SessionTranscript } from '@owf/mdoc';
import { z } from 'zod';
import { dhkemSharedSecret, keyScheduleBase } from '../../../../src/protocols/openid4vp/dc-api-hpke';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { base64url, calculateJwkThumbprint, CompactEncrypt, importJWK, type JWK } from 'jose';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared';
import { webCryptoIssuingContext } from '../../../shared/credentials/mdoc-pki';
import { issueMdocLicence, MDL_DOCTYPE, MDL_NAMESPACE } from '../../support/mdoc-fixture';

const DVLA = 'https://dvla.example.gov.uk';
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** What the 'driving' purpose asks of each kind of licence (src/wallet/shared/purposes.ts). */
export const DRIVING_SD_JWT = ['given_name', 'family_name', 'portrait', 'driving_privileges'];
export const DRIVING_MDL = ['given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date'];

/** The request as the wallet receives it (`digital.requests[0]`). */
export type WalletRequest = { protocol: string; data: { nonce: string; dcql_query: { credentials: { id: string }[] }; client_metadata: { jwks: { keys: JWK[] } } } & Record<string, unknown> };

export interface TestWallet {
  trustList: TrustList;
  /** @sd-jwt/sd-jwt-vc's presentation of the driving claims, its KB-JWT for `aud` and `nonce`. */
  sdJwt(aud: string, nonce: string): Promise<string>;
  /** @owf/mdoc's DeviceResponse for the driving elements, device-signed over its own B.2.6.2 transcript for `origin`. */
  mdoc(request: WalletRequest, origin: string): Promise<string>;
  /**
   * ISO/IEC 18013-7 Annex C: @owf/mdoc's DeviceResponse to the request's own DeviceRequest, device-signed over the
   * ["dcapi", …] SessionTranscript @owf/mdoc encodes for `origin`, HPKE-sealed to the request's key with that
   * transcript as info, as the DigitalCredential; `transcript` is what @owf/mdoc encoded.
   */
  isoMdoc(request: IsoMdocWalletRequest, origin: string, signedForOrigin?: string): Promise<{ credential: unknown; transcript: Uint8Array }>;
  /** The answer encrypted to the request's key, as the DigitalCredential { protocol, data } the browser resolves with. */
  encrypted(request: WalletRequest, vpToken: Record<string, string[]>): Promise<unknown>;
}

/** `digital.requests[1]`: { protocol: 'org-iso-mdoc', data: { deviceRequest, encryptionInfo } }. */
export type IsoMdocWalletRequest = { protocol: string; data: { deviceRequest: string; encryptionInfo: string } };

/** Annex C's handover ["dcapi", SHA-256(cbor([encryptionInfo, origin]))] as an @owf/mdoc Handover (its own types know only OpenID4VP's and ISO 18013-5's). */
// @owf/mdoc exports Handover as a type only: its runtime class is QrHandover's parent.
const HandoverBase = Object.getPrototypeOf(QrHandover) as new (structure: unknown) => object;
class DcapiHandover extends HandoverBase {
  static get encodingSchema(): unknown {
    return z.codec(z.tuple([z.literal('dcapi'), z.instanceof(Uint8Array)]), z.instanceof(Uint8Array), { encode: (hash) => ['dcapi', hash] as ['dcapi', Uint8Array<ArrayBuffer>], decode: ([, hash]) => hash });
  }
}
const dcapiHandover = (hash: Uint8Array) => (DcapiHandover as unknown as { fromDecodedStructure(h: Uint8Array): never }).fromDecodedStructure(hash);

/** RFC 9180 base-mode seal (the sender's side, sequence 0), on the KDF steps RFC 9180 A.3.1 proves (tests/unit/protocols/openid4vp/dc-api-hpke.test.ts). */
async function hpkeSeal(recipientPublicKey: Uint8Array, info: Uint8Array, plaintext: Uint8Array): Promise<{ enc: Uint8Array; cipherText: Uint8Array }> {
  const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
  const ephemeral = (await crypto.subtle.generateKey(P256, true, ['deriveBits'])) as CryptoKeyPair;
  const enc = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const peer = await crypto.subtle.importKey('raw', recipientPublicKey as BufferSource, P256, false, []);
  const dh = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, ephemeral.privateKey, 256));
  const { key, baseNonce } = await keyScheduleBase(await dhkemSharedSecret(dh, enc, recipientPublicKey), info);
  const aes = await crypto.subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, ['encrypt']);
  return { enc, cipherText: new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: baseNonce as BufferSource }, aes, plaintext as BufferSource)) };
}

const webCryptoSigner = (key: CryptoKey) => async (data: string) =>
  base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data))));

export async function makeTestWallet(): Promise<TestWallet> {
  const issuer = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const holder = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', issuer.publicKey);
  const holderJwk = await crypto.subtle.exportKey('jwk', holder.publicKey);
  const theirs = new SDJwtVcInstance({
    signer: webCryptoSigner(issuer.privateKey),
    signAlg: 'ES256',
    hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
    hashAlg: 'sha-256',
    saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
    kbSigner: webCryptoSigner(holder.privateKey),
    kbSignAlg: 'ES256',
  });
  const nowS = Math.floor(Date.now() / 1000);
  const licence = await theirs.issue(
    {
      iss: DVLA,
      vct: CREDENTIAL_TYPES.drivingLicence,
      iat: nowS - 60,
      exp: nowS + 86_400,
      cnf: { jwk: { kty: holderJwk.kty!, crv: holderJwk.crv!, x: holderJwk.x!, y: holderJwk.y! } },
      given_name: 'Ada',
      family_name: 'Lovelace',
      birth_date: '1990-12-10',
      portrait: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ',
      driving_privileges: [{ vehicle_category_code: 'B' }],
    },
    { _sd: ['given_name', 'family_name', 'birth_date', 'portrait', 'driving_privileges'] },
    { header: { kid: 'dvla-dc' } },
  );
  const mdl = await issueMdocLicence();
  const trustList = trustListFromIssuers([
    { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency' }, keys: [{ kty, crv, x, y, kid: 'dvla-dc' }], types: [CREDENTIAL_TYPES.drivingLicence, MDL_DOCTYPE], iaca: mdl.iaca } as never,
  ]);
  const publicOf = (key: JWK) => ({ kty: key.kty!, crv: key.crv!, x: key.x!, y: key.y! });

  return {
    trustList,
    sdJwt: (aud, nonce) => theirs.present(licence, Object.fromEntries(DRIVING_SD_JWT.map((c) => [c, true])), { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud, nonce } } }),
    async mdoc(request, origin) {
      const jwkThumbprint = base64url.decode(await calculateJwkThumbprint(publicOf(request.data.client_metadata.jwks.keys[0]!), 'sha256'));
      const context = webCryptoIssuingContext(mdl.holder.privateKey);
      const sessionTranscript = await SessionTranscript.forOid4VpDcApi({ origin, nonce: request.data.nonce, jwkThumbprint }, context);
      const deviceRequest = DeviceRequest.create({
        docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL_DOCTYPE, namespaces: { [MDL_NAMESPACE]: Object.fromEntries(DRIVING_MDL.map((e) => [e, false])) } }) })],
      });
      const response = await DeviceResponse.createWithDeviceRequest(
        { deviceRequest, sessionTranscript, issuerSigned: [IssuerSigned.fromEncodedForOid4Vci(mdl.raw)], signature: { signingKey: CoseKey.fromJwk({ ...mdl.holder.jwk, alg: 'ES256' } as never) } },
        context,
      );
      return response.encodedForOid4Vp;
    },
    async isoMdoc(request, origin, signedForOrigin = origin) {
      const context = webCryptoIssuingContext(mdl.holder.privateKey);
      const transcriptFor = async (o: string) => SessionTranscript.fromDecodedStructure({
        deviceEngagement: null,
        eReaderKey: null,
        handover: dcapiHandover(new Uint8Array(await crypto.subtle.digest('SHA-256', cborEncode([request.data.encryptionInfo, o]) as BufferSource))),
      });
      // Sealed for `origin`; device-signed for `signedForOrigin` (the same unless a test splits them).
      const sessionTranscript = await transcriptFor(signedForOrigin);
      const sealedTranscript = (await transcriptFor(origin)).encode();
      const deviceRequest = DeviceRequest.decode(base64url.decode(request.data.deviceRequest));
      const response = await DeviceResponse.createWithDeviceRequest(
        { deviceRequest, sessionTranscript, issuerSigned: [IssuerSigned.fromEncodedForOid4Vci(mdl.raw)], signature: { signingKey: CoseKey.fromJwk({ ...mdl.holder.jwk, alg: 'ES256' } as never) } },
        context,
      );
      const transcript = sealedTranscript;
      // The recipient key from EncryptionInfo, read with @owf/mdoc's decoder: ["dcapi", { nonce, recipientPublicKey: COSE_Key }].
      const [, parameters] = cborDecode(base64url.decode(request.data.encryptionInfo)) as [string, Map<string, unknown>];
      const cose = parameters.get('recipientPublicKey') as Map<number, Uint8Array>;
      const recipient = new Uint8Array([0x04, ...cose.get(-2)!, ...cose.get(-3)!]);
      const { enc, cipherText } = await hpkeSeal(recipient, transcript, response.encode());
      const encrypted = cborEncode(['dcapi', new Map<string, unknown>([['enc', enc], ['cipherText', cipherText]])]);
      return { credential: { protocol: request.protocol, data: { response: base64url.encode(encrypted) } }, transcript };
    },
    async encrypted(request, vpToken) {
      const key = request.data.client_metadata.jwks.keys[0]!;
      const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ vp_token: vpToken })))
        .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: key.kid! })
        .encrypt(await importJWK(publicOf(key), 'ECDH-ES'));
      return { protocol: request.protocol, data: { response: jwe } };
    },
  };
}
